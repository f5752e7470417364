import { describe, expect, it } from "vitest";
import { parseReadingsRequest } from "@/lib/readings/parse-readings-request";
import { checkJsonSchema } from "./check-json-schema";
import { resolveSchema } from "./document-queries";
import { EXAMPLE_NOW, EXAMPLE_TIME_ZONE, EXAMPLE_WORKOUT_ID } from "./examples";
import { buildOpenApiDocument } from "./openapi-document";
import type { JsonSchema } from "./openapi-types";

const document = buildOpenApiDocument();
const requestBody = document.paths["/api/v1/readings"]?.post?.requestBody;
const jsonSchema = requestBody?.content["application/json"]?.schema ?? {};
const resolve = (ref: string) => resolveSchema(document, { $ref: ref });

const schemaProblems = (value: unknown, schema: JsonSchema = jsonSchema) => checkJsonSchema(schema, value, resolve);
const parse = (value: unknown) =>
  parseReadingsRequest(
    { contentType: "application/json", body: JSON.stringify(value) },
    { now: EXAMPLE_NOW, timeZone: EXAMPLE_TIME_ZONE },
  );

const TS = "2023-11-23T14:05:09.123Z";
const TS_MS = Date.parse(TS);
const reading = (overrides: Record<string, unknown> = {}) => ({ ts: TS, bpm: 128, ...overrides });
const legacy = (overrides: Record<string, unknown> = {}) => ({
  playerId: "p-17",
  heartbeat: 128.0,
  createdAt: [2023, 11, 23, 14, 5, 9, 123000000],
  ...overrides,
});
const readings = (count: number) => ({ readings: Array.from({ length: count }, (_, i) => reading({ ts: TS_MS + i })) });

describe("the readings request schema against the real parser", () => {
  it.each([
    { given: "one reading with an ISO ts", body: reading() },
    { given: "one reading with epoch ms", body: reading({ ts: TS_MS }) },
    { given: "an ISO ts with a +01:00 offset", body: reading({ ts: "2023-11-23T15:05:09+01:00" }) },
    { given: "bpm at 25 and a fractional bpm", body: { readings: [reading({ bpm: 25 }), reading({ bpm: 131.5 })] } },
    { given: "bpm at 250", body: reading({ bpm: 250 }) },
    { given: "an upper-case workoutId", body: reading({ workoutId: EXAMPLE_WORKOUT_ID.toUpperCase() }) },
    { given: "a batch of exactly 1000", body: readings(1000) },
    { given: "the legacy payload", body: legacy() },
    { given: "a legacy createdAt of 5 elements", body: legacy({ createdAt: [2023, 11, 23, 14, 5] }) },
    { given: "a legacy heartbeat written as a whole double", body: legacy({ heartbeat: 128 }) },
    { given: "an array of legacy payloads", body: [legacy(), legacy({ heartbeat: 129.5 })] },
  ])("given $given, when checked, then both the schema and the parser accept it", ({ body }) => {
    expect(schemaProblems(body)).toEqual([]);
    expect(parse(body).ok).toBe(true);
  });

  it.each([
    { given: "bpm below 25", body: reading({ bpm: 24.9 }) },
    { given: "bpm above 250", body: reading({ bpm: 250.1 }) },
    { given: "bpm as a string", body: reading({ bpm: "128" }) },
    { given: "a missing bpm", body: { ts: TS } },
    { given: "an ISO ts without seconds", body: reading({ ts: "2023-11-23T14:05Z" }) },
    { given: "an ISO ts without a zone", body: reading({ ts: "2023-11-23T14:05:09" }) },
    { given: "a fractional epoch ts", body: reading({ ts: TS_MS + 0.5 }) },
    { given: "a ts that is neither string nor number", body: reading({ ts: true }) },
    { given: "an unknown field", body: reading({ hr: 128 }) },
    { given: "a workoutId that is not a UUID", body: reading({ workoutId: "w-1" }) },
    { given: "an empty batch", body: { readings: [] } },
    { given: "a batch of 1001", body: readings(1001) },
    { given: "a batch with another key", body: { ...readings(1), device: "x" } },
    { given: "a batch of legacy payloads", body: { readings: [legacy()] } },
    { given: "an array of new-format readings", body: [reading()] },
    { given: "an empty array", body: [] },
    { given: "a legacy createdAt of 4 elements", body: legacy({ createdAt: [2023, 11, 23, 14] }) },
    { given: "a legacy createdAt of 8 elements", body: legacy({ createdAt: [2023, 11, 23, 14, 5, 9, 0, 0] }) },
    { given: "a legacy month 13", body: legacy({ createdAt: [2023, 13, 23, 14, 5] }) },
    { given: "a legacy fractional second", body: legacy({ createdAt: [2023, 11, 23, 14, 5, 9.5] }) },
    { given: "a legacy createdAt string", body: legacy({ createdAt: TS }) },
    { given: "an empty playerId", body: legacy({ playerId: "" }) },
    { given: "a legacy payload with a ts", body: legacy({ ts: TS }) },
    { given: "a JSON string", body: "128" },
    { given: "null", body: null },
  ])("given $given, when checked, then both the schema and the parser reject it", ({ body }) => {
    expect(schemaProblems(body)).not.toEqual([]);
    expect(parse(body).ok).toBe(false);
  });

  // JSON Schema cannot compare against the server's clock or a calendar; the descriptions carry these rules.
  it.each([
    { given: "a ts 8 days old", body: reading({ ts: EXAMPLE_NOW - 8 * 86_400_000 }), rule: "7 days before" },
    { given: "a ts 6 minutes ahead", body: reading({ ts: EXAMPLE_NOW + 6 * 60_000 }), rule: "5 minutes after" },
    {
      given: "a legacy createdAt of 30 February",
      body: legacy({ createdAt: [2023, 2, 30, 14, 5] }),
      rule: "no 2023-02-30",
    },
  ])(
    "given $given, when checked, then the parser rejects it and the schema states the rule in words",
    ({ body, rule }) => {
      expect(schemaProblems(body)).toEqual([]);
      expect(parse(body).ok).toBe(false);
      expect(JSON.stringify(document.components.schemas)).toContain(rule);
    },
  );

  it("given an NDJSON body, when each line is checked, then lines match the line schema exactly when the parser accepts them", () => {
    const ndjson = requestBody?.content["application/x-ndjson"];
    const lineSchema = ndjson?.["x-ndjson-line"] ?? {};
    const lines = [reading(), reading({ bpm: 300 }), legacy()];

    const parsed = lines.map(
      (line) =>
        parseReadingsRequest(
          { contentType: "application/x-ndjson", body: JSON.stringify(line) },
          { now: EXAMPLE_NOW, timeZone: EXAMPLE_TIME_ZONE },
        ).ok,
    );

    expect(lines.map((line) => schemaProblems(line, lineSchema).length === 0)).toEqual(parsed);
    expect(parsed).toEqual([true, false, false]);
  });
});
