import { describe, expect, it } from "vitest";
import { parseReadingsRequest } from "@/lib/readings/parse-readings-request";
import { startWorkoutSchema } from "@/lib/workouts/workouts";
import { checkJsonSchema } from "./check-json-schema";
import { listOperations, resolveSchema } from "./document-queries";
import { EXAMPLE_NOW, EXAMPLE_TIME_ZONE, LEGACY_PAYLOAD_EXAMPLE } from "./examples";
import { buildOpenApiDocument } from "./openapi-document";
import type { JsonSchema, OpenApiExample } from "./openapi-types";

const document = buildOpenApiDocument();
const resolve = (ref: string) => resolveSchema(document, { $ref: ref });
const problems = (schema: JsonSchema, value: unknown) => checkJsonSchema(schema, value, resolve);

const parseAtExampleTime = (contentType: string, body: string) =>
  parseReadingsRequest({ contentType, body }, { now: EXAMPLE_NOW, timeZone: EXAMPLE_TIME_ZONE });

const entries = (examples: Record<string, OpenApiExample> | undefined) => Object.entries(examples ?? {});

/** Every (operation, media type, example) a request body or response shows. */
function exampleSites() {
  return listOperations(document).flatMap(({ method, path, operation }) => {
    const bodies = Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => ({
      where: `${method} ${path} request ${type}`,
      media,
    }));
    const responses = Object.entries(operation.responses).flatMap(([status, response]) =>
      Object.entries(response.content ?? {}).map(([type, media]) => ({
        where: `${method} ${path} ${status} ${type}`,
        media,
      })),
    );
    return [...bodies, ...responses].flatMap(({ where, media }) =>
      entries(media.examples).map(([name, example]) => ({ where: `${where} "${name}"`, media, example })),
    );
  });
}

describe("the document's examples", () => {
  const readings = document.paths["/api/v1/readings"]?.post?.requestBody?.content ?? {};

  it.each(entries(readings["application/json"]?.examples))(
    "given the JSON readings example %s, when parsed by the real parser at EXAMPLE_NOW, then it is accepted",
    (_, { value }) => {
      expect(parseAtExampleTime("application/json", JSON.stringify(value))).toMatchObject({ ok: true });
    },
  );

  it.each(entries(readings["application/x-ndjson"]?.examples))(
    "given the NDJSON readings example %s, when parsed by the real parser at EXAMPLE_NOW, then it is accepted",
    (_, { value }) => {
      expect(typeof value).toBe("string");
      expect(parseAtExampleTime("application/x-ndjson", String(value))).toMatchObject({ ok: true });
    },
  );

  it("given the legacy example, when parsed, then it is the watch payload from CONTEXT.md read as UTC", () => {
    const result = parseAtExampleTime("application/json", JSON.stringify(LEGACY_PAYLOAD_EXAMPLE));

    expect(LEGACY_PAYLOAD_EXAMPLE).toEqual({
      playerId: "p-17",
      heartbeat: 128,
      createdAt: [2023, 11, 23, 14, 5, 9, 123000000],
    });
    expect(result).toEqual({
      ok: true,
      readings: [{ ts: Date.parse("2023-11-23T14:05:09.123Z"), bpm: 128, externalId: "p-17" }],
    });
  });

  it.each(exampleSites().map((site) => [site.where, site] as const))(
    "given the example at %s, when checked against its own schema, then it matches",
    (_, { media, example }) => {
      const lineSchema = media["x-ndjson-line"];
      const lines = lineSchema
        ? String(example.value)
            .split("\n")
            .filter((line) => line.trim() !== "")
        : [];

      expect(problems(media.schema, example.value)).toEqual([]);
      for (const line of lines) expect(problems(lineSchema ?? {}, JSON.parse(line))).toEqual([]);
    },
  );

  it.each(entries(document.paths["/api/v1/workouts"]?.post?.requestBody?.content["application/json"]?.examples))(
    "given the workout start example %s, when parsed by startWorkoutSchema, then it is accepted",
    (_, { value }) => {
      expect(startWorkoutSchema.safeParse(value).success).toBe(true);
    },
  );

  it.each(Object.entries(document["x-socketio"].events))(
    "given the socket.io event %s, when its examples are checked, then payloads parse and acks match IngestAck",
    (_, event) => {
      for (const [, { value }] of entries(event.examples)) {
        expect(problems(event.payload, value)).toEqual([]);
        expect(parseAtExampleTime("application/json", JSON.stringify(value))).toMatchObject({ ok: true });
      }
      for (const [, { value }] of entries(event.ackExamples)) expect(problems(event.ack, value)).toEqual([]);
    },
  );

  it("given the 422 readings example, when read, then it is what the parser says about readings[3].bpm = 300", () => {
    const example =
      document.paths["/api/v1/readings"]?.post?.responses["422"]?.content?.["application/json"]?.examples
        ?.VALIDATION_FAILED?.value;

    expect(example).toEqual({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("readings[3].bpm: must be between 25 and 250, got 300"),
      details: [{ index: 3, field: "bpm", message: "readings[3].bpm: must be between 25 and 250, got 300" }],
    });
  });
});
