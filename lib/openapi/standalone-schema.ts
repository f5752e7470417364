import { z } from "zod";
import type { JsonSchema } from "./openapi-types";

/** `$schema` and `$id` belong to a standalone document, not to a schema inside one. */
export function withoutRootKeywords(schema: JsonSchema | undefined): JsonSchema {
  if (!schema) throw new Error("zod emitted no schema for a registered component");
  const rest = { ...schema };
  delete rest.$schema;
  delete rest.$id;
  return rest;
}

/** One zod schema, on its own, as an inline OpenAPI 3.1 schema. */
export function inlineJsonSchema(schema: z.core.$ZodType): JsonSchema {
  return withoutRootKeywords(z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }));
}
