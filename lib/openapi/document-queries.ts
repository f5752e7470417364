import { SCHEMA_REF_PREFIX } from "./component-schemas";
import type { HttpMethod, JsonSchema, OpenApiDocument, OperationObject } from "./openapi-types";

export interface ListedOperation {
  path: string;
  method: HttpMethod;
  operation: OperationObject;
  /** A stable HTML id, e.g. `post-api-v1-readings`. */
  anchor: string;
}

const METHODS: readonly HttpMethod[] = ["get", "post"];

/** Every operation in document order. */
export function listOperations(document: OpenApiDocument): ListedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path, method, operation, anchor: anchorOf(method, path) }] : [];
    }),
  );
}

function anchorOf(method: HttpMethod, path: string): string {
  return `${method}-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`.toLowerCase();
}

/** The component name a `$ref` points at, or undefined for any other schema. */
export function refName(schema: JsonSchema): string | undefined {
  return schema.$ref?.startsWith(SCHEMA_REF_PREFIX) ? schema.$ref.slice(SCHEMA_REF_PREFIX.length) : undefined;
}

/** Follows a `#/components/schemas/...` reference; throws on one that does not resolve. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const name = refName(schema);
  if (name === undefined) return schema;
  const target = document.components.schemas[name];
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return target;
}

export interface SchemaVariant {
  /** The component name, when the variant is a reference. */
  name?: string;
  schema: JsonSchema;
}

/** The alternatives of a `oneOf`, each resolved; any other schema is its own single variant. */
export function schemaVariants(document: OpenApiDocument, schema: JsonSchema): SchemaVariant[] {
  const options = schema.oneOf ?? [schema];
  return options.map((option) => ({ name: refName(option), schema: resolveSchema(document, option) }));
}

/** Every `$ref` anywhere in a JSON value, for checking that all of them resolve. */
export function collectRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectRefs);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string" ? [inner] : collectRefs(inner),
  );
}
