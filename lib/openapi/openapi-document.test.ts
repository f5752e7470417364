import { describe, expect, it } from "vitest";
import { collectRefs, listOperations, resolveSchema } from "./document-queries";
import { buildOpenApiDocument } from "./openapi-document";
import type { JsonSchema } from "./openapi-types";

const document = buildOpenApiDocument();
const operations = listOperations(document);

/** Resolves any local JSON pointer, not only component schemas. */
function resolvePointer(ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>(
      (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      document,
    );
}

/** Every schema object nested anywhere under `schema`, the root included. */
function subschemas(schema: unknown): JsonSchema[] {
  if (Array.isArray(schema)) return schema.flatMap(subschemas);
  if (typeof schema !== "object" || schema === null) return [];
  return [schema as JsonSchema, ...Object.values(schema).flatMap(subschemas)];
}

describe("buildOpenApiDocument, structure", () => {
  it("given the built document, when read, then it is OpenAPI 3.1.0 with info, servers and paths", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(document.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(document.paths)).toEqual([
      "/api/v1/readings",
      "/api/v1/workouts",
      "/api/v1/workouts/{id}/end",
      "/api/v1/imports",
      "/api/health",
    ]);
  });

  it("given the built document, when serialized, then it survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("given every $ref in the document, when resolved, then each points at a component schema", () => {
    const refs = collectRefs(document);

    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\/\w+$/);
      expect(resolvePointer(ref), ref).toBeTypeOf("object");
    }
  });

  it("given the component schemas, when walked, then none is an empty schema that would accept anything", () => {
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      for (const inner of subschemas(schema)) {
        expect(Object.keys(inner).length, `an empty schema inside ${name}`).toBeGreaterThan(0);
      }
    }
  });

  it("given the component schemas, when read, then none carries a standalone $schema or $id", () => {
    for (const schema of Object.values(document.components.schemas)) {
      expect(schema).not.toHaveProperty("$schema");
      expect(schema).not.toHaveProperty("$id");
    }
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    "given %s, when read, then it has an id, a summary, a success response and known security",
    (_, { path, operation }) => {
      const statuses = Object.keys(operation.responses);
      const schemes = operation.security.flatMap((requirement) => Object.keys(requirement));

      expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.summary).not.toBe("");
      expect(statuses.some((status) => /^2\d\d$/.test(status))).toBe(true);
      for (const status of statuses) expect(operation.responses[status]?.description).not.toBe("");
      for (const scheme of schemes) expect(document.components.securitySchemes).toHaveProperty(scheme);
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        expect(operation.parameters?.some((p) => p.in === "path" && `{${p.name}}` === name && p.required)).toBe(true);
      }
      expect(operation["x-codeSamples"]?.length).toBeGreaterThan(0);
    },
  );

  it("given the operation ids, when compared, then they are unique", () => {
    const ids = operations.map((o) => o.operation.operationId);

    expect(new Set(ids).size).toBe(ids.length);
  });

  it("given the device endpoints, when read, then they require the bearer device token and health requires none", () => {
    expect(document.components.securitySchemes.deviceToken).toMatchObject({ type: "http", scheme: "bearer" });
    for (const { path, operation } of operations) {
      expect(operation.security, path).toEqual(path === "/api/health" ? [] : [{ deviceToken: [] }]);
    }
  });

  it("given POST /api/v1/readings, when read, then JSON is one of four shapes, NDJSON is a string, and the statuses are complete", () => {
    const operation = document.paths["/api/v1/readings"]?.post;
    const json = operation?.requestBody?.content["application/json"]?.schema;
    const ndjson = operation?.requestBody?.content["application/x-ndjson"];

    expect(json?.oneOf?.map((s) => s.$ref)).toEqual([
      "#/components/schemas/Reading",
      "#/components/schemas/ReadingsBatch",
      "#/components/schemas/LegacyReading",
      "#/components/schemas/LegacyReadingArray",
    ]);
    expect(ndjson?.schema.type).toBe("string");
    expect(ndjson?.["x-ndjson-line"]).toEqual({ $ref: "#/components/schemas/Reading" });
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(
      ["202", "400", "401", "404", "413", "415", "422", "429", "500", "503"].sort(),
    );
    expect(operation?.responses["429"]?.headers).toHaveProperty("Retry-After");
    expect(operation?.responses["503"]?.headers).toHaveProperty("Retry-After");
    expect(operation?.responses["422"]?.headers).not.toHaveProperty("Retry-After");
  });

  it("given the batch shapes, when read, then they hold 1 to 1000 items and objects are strict", () => {
    const batch = resolveSchema(document, { $ref: "#/components/schemas/ReadingsBatch" });
    const legacyArray = document.components.schemas.LegacyReadingArray;

    expect(batch.properties?.readings).toMatchObject({ minItems: 1, maxItems: 1000 });
    expect(legacyArray).toMatchObject({ minItems: 1, maxItems: 1000 });
    for (const name of ["Reading", "ReadingsBatch", "LegacyReading", "StartWorkout"]) {
      expect(document.components.schemas[name], name).toMatchObject({ additionalProperties: false });
    }
  });

  it("given the socket.io extension, when read, then it names the namespace, the handshake token and both events", () => {
    const socket = document["x-socketio"];

    expect(socket.namespace).toBe("/ingest");
    expect(socket.handshake.auth.required).toEqual(["token"]);
    expect(Object.keys(socket.events)).toEqual(["reading", "readings"]);
    for (const event of Object.values(socket.events)) {
      expect(event.ack).toEqual({ $ref: "#/components/schemas/IngestAck" });
    }
  });

  it("given two builds, when compared, then the document is deterministic", () => {
    expect(buildOpenApiDocument()).toEqual(document);
  });
});
