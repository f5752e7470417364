import { describe, expect, it } from "vitest";
import { categorize, summarizeProfile } from "./cpu-profile";

describe("categorize", () => {
  it.each([
    { url: "file:///w/node_modules/@prisma/client/runtime/client.js", fn: "request", category: "@prisma/client" },
    {
      url: "file:///w/node_modules/next/dist/server/base-server.js",
      fn: "run",
      category: "next (routing, server runtime)",
    },
    { url: "file:///w/.next/server/chunks/_1fvz._.js", fn: "", category: "app code bundled by next (lib/, route)" },
    { url: "node:internal/streams/writable", fn: "write", category: "node core (internal)" },
    { url: "", fn: "(garbage collector)", category: "garbage collection" },
    { url: "", fn: "writev", category: "native / V8 builtins" },
  ])("given $fn in $url, when categorized, then it is $category", ({ url, fn, category }) => {
    expect(categorize(url, fn)).toBe(category);
  });
});

describe("summarizeProfile", () => {
  it("given samples, when summarized, then shares are of busy time and idle is left out", () => {
    const frame = (id: number, functionName: string, url = "") => ({ id, callFrame: { functionName, url } });
    const summary = summarizeProfile({
      nodes: [
        frame(1, "(idle)"),
        frame(2, "(garbage collector)"),
        frame(3, "parse", "file:///w/node_modules/zod/x.js"),
      ],
      samples: [1, 2, 3, 3, 3],
      timeDeltas: [5_000_000, 250_000, 250_000, 250_000, 250_000],
    });

    expect(summary).toContain("busy CPU: 1.0 s");
    expect(summary).toContain(" 75.0 %  zod");
    expect(summary).toContain(" 25.0 %  garbage collection");
  });
});
