import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi-document";

/** Routes that are deliberately not in the document, each with the reason. */
const NOT_DOCUMENTED: Readonly<Record<string, string>> = {
  "/api/v1/openapi.json": "the document itself",
};

/** `app/api/v1/workouts/[id]/end/route.ts` → `/api/v1/workouts/{id}/end`. */
function routePaths(): string[] {
  const root = path.resolve(import.meta.dirname, "../../app");
  return readdirSync(path.join(root, "api"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => `/api/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"))
    .sort();
}

describe("the document's coverage of app/api", () => {
  it("given every route handler under app/api, when listed, then each is documented or listed with a reason", () => {
    const documented = Object.keys(buildOpenApiDocument().paths);
    const undocumented = routePaths().filter((p) => !documented.includes(p) && !(p in NOT_DOCUMENTED));

    expect(undocumented, "add these to lib/openapi (or to NOT_DOCUMENTED, saying why)").toEqual([]);
  });

  it("given every documented path, when its route is looked up, then a handler exists", () => {
    const routes = routePaths();

    for (const documented of Object.keys(buildOpenApiDocument().paths)) expect(routes).toContain(documented);
  });
});
