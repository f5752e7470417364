import type { JsonSchema } from "./openapi-types";

/**
 * A small JSON Schema 2020-12 checker for the keywords this document uses, so
 * the tests can hold the generated schemas against the real parser without
 * adding a validator package. A keyword it does not know throws: a schema it
 * cannot fully check must not pass silently.
 */

type Resolve = (ref: string) => JsonSchema;

const ANNOTATIONS = new Set(["$schema", "$id", "title", "description", "default", "examples", "format", "readOnly"]);
const ASSERTIONS = new Set([
  ...["$ref", "type", "const", "enum", "allOf", "anyOf", "oneOf"],
  ...["properties", "required", "additionalProperties", "items", "prefixItems", "minItems", "maxItems"],
  ...["minimum", "maximum", "minLength", "maxLength", "pattern"],
]);

/** The problems of `value` against `schema` (empty when valid), each prefixed with its JSON path. */
export function checkJsonSchema(schema: JsonSchema | boolean, value: unknown, resolve: Resolve, at = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: no value is allowed here`];
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) throw new Error(`unsupported keyword "${key}" at ${at}`);
  }
  const own = [...checkType(schema, value, at), ...checkValue(schema, value, at)];
  return [...own, ...checkApplicators(schema, value, resolve, at)];
}

function typeOf(value: unknown): string[] {
  if (value === null) return ["null"];
  if (Array.isArray(value)) return ["array"];
  if (typeof value === "number") return Number.isInteger(value) ? ["number", "integer"] : ["number"];
  return [typeof value];
}

function checkType(schema: JsonSchema, value: unknown, at: string): string[] {
  if (schema.type === undefined) return [];
  const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
  return typeOf(value).some((t) => (allowed as string[]).includes(t))
    ? []
    : [`${at}: must be ${allowed.join(" or ")}, got ${typeOf(value)[0]}`];
}

function checkValue(schema: JsonSchema, value: unknown, at: string): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${at}: ${message}`);
  if (schema.const !== undefined && value !== schema.const) fail(`must be ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.some((option) => option === value)) fail(`must be one of ${schema.enum.join(", ")}`);
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`must be >= ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`must be <= ${schema.maximum}`);
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) fail(`must have >= ${schema.minLength} chars`);
    if (schema.maxLength !== undefined && length > schema.maxLength) fail(`must have <= ${schema.maxLength} chars`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) fail("must match the pattern");
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail(`must have >= ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(`must have <= ${schema.maxItems} items`);
  }
  return problems;
}

function checkApplicators(schema: JsonSchema, value: unknown, resolve: Resolve, at: string): string[] {
  const check = (inner: JsonSchema | boolean, item: unknown, path = at) => checkJsonSchema(inner, item, resolve, path);
  const problems: string[] = [];
  if (schema.$ref) problems.push(...check(resolve(schema.$ref), value));
  for (const inner of schema.allOf ?? []) problems.push(...check(inner, value));
  if (schema.anyOf && !schema.anyOf.some((inner) => check(inner, value).length === 0)) {
    problems.push(`${at}: matches none of anyOf`);
  }
  if (schema.oneOf) {
    const matches = schema.oneOf.filter((inner) => check(inner, value).length === 0).length;
    if (matches !== 1) problems.push(`${at}: matches ${matches} of oneOf, not exactly 1`);
  }
  if (Array.isArray(value)) problems.push(...checkItems(schema, value, check, at));
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    problems.push(...checkProperties(schema, value as Record<string, unknown>, check, at));
  }
  return problems;
}

type Check = (schema: JsonSchema | boolean, value: unknown, at: string) => string[];

function checkItems(schema: JsonSchema, value: unknown[], check: Check, at: string): string[] {
  const prefix = schema.prefixItems ?? [];
  return value.flatMap((item, i) => {
    const inner = prefix[i] ?? schema.items;
    if (inner === undefined || Array.isArray(inner)) return [];
    return check(inner, item, `${at}[${i}]`);
  });
}

function checkProperties(schema: JsonSchema, value: Record<string, unknown>, check: Check, at: string): string[] {
  const properties = schema.properties ?? {};
  const missing = (schema.required ?? []).filter((key) => !Object.hasOwn(value, key));
  return [
    ...missing.map((key) => `${at}.${key}: is required`),
    ...Object.entries(value).flatMap(([key, item]) => {
      const inner = properties[key] ?? schema.additionalProperties;
      return inner === undefined ? [] : check(inner, item, `${at}.${key}`);
    }),
  ];
}
