import { describe, expect, it } from "vitest";
import {
  parseReadingsRequest,
  parseReadingsValue,
  type ParseReadingsOptions,
  type ReadingsRequest,
} from "./parse-readings-request";
import type { ParseReadingsResult } from "./validate-items";

const NOW = Date.parse("2023-11-23T14:10:00.000Z");
const TS = "2023-11-23T14:05:09.123Z";
const TS_MS = Date.parse(TS);
const WORKOUT_ID = "0b7e6a3c-1d2f-4a5b-8c9d-0e1f2a3b4c5d";

const reading = (overrides: Record<string, unknown> = {}) => ({ ts: TS, bpm: 128, ...overrides });
const jsonRequest = (body: unknown, contentType = "application/json"): ReadingsRequest => ({
  contentType,
  body: JSON.stringify(body),
});
const parse = (request: ReadingsRequest, options: Partial<ParseReadingsOptions> = {}) =>
  parseReadingsRequest(request, { now: NOW, ...options });

function errorOf(result: ParseReadingsResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.readings)}`);
  return result.error;
}

describe("parseReadingsRequest, accepted JSON shapes", () => {
  it.each([
    { given: "one reading with an ISO ts", body: reading(), expected: [{ ts: TS_MS, bpm: 128 }] },
    { given: "one reading with epoch ms", body: reading({ ts: TS_MS }), expected: [{ ts: TS_MS, bpm: 128 }] },
    { given: "a fractional bpm", body: reading({ bpm: 128.5 }), expected: [{ ts: TS_MS, bpm: 128.5 }] },
    {
      given: "an upper-case workoutId (lower-cased)",
      body: reading({ workoutId: WORKOUT_ID.toUpperCase() }),
      expected: [{ ts: TS_MS, bpm: 128, workoutId: WORKOUT_ID }],
    },
    {
      given: "a batch (order kept)",
      body: { readings: [reading({ bpm: 100 }), reading({ ts: TS_MS + 1000, bpm: 101, workoutId: WORKOUT_ID })] },
      expected: [
        { ts: TS_MS, bpm: 100 },
        { ts: TS_MS + 1000, bpm: 101, workoutId: WORKOUT_ID },
      ],
    },
    {
      given: "the bounds (bpm 25 and 250, ts now − 7 days and now + 5 minutes)",
      body: { readings: [reading({ bpm: 25, ts: NOW - 7 * 86_400_000 }), reading({ bpm: 250, ts: NOW + 300_000 })] },
      expected: [
        { ts: NOW - 7 * 86_400_000, bpm: 25 },
        { ts: NOW + 300_000, bpm: 250 },
      ],
    },
  ])("given $given, when parsed, then the readings are normalized", ({ body, expected }) => {
    expect(parse(jsonRequest(body))).toEqual({ ok: true, readings: expected });
  });

  it("given a byte body with a BOM and a charset, when parsed, then it is decoded as UTF-8", () => {
    const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(reading())}`);

    expect(parse({ contentType: "application/json; charset=UTF-8", body: bytes })).toEqual({
      ok: true,
      readings: [{ ts: TS_MS, bpm: 128 }],
    });
  });
});

describe("parseReadingsRequest, request-level failures", () => {
  it.each([
    { given: "text/plain", request: jsonRequest(reading(), "text/plain"), code: "UNSUPPORTED_CONTENT_TYPE" },
    { given: "no content type", request: { contentType: null, body: "{}" }, code: "UNSUPPORTED_CONTENT_TYPE" },
    { given: "malformed JSON", request: { contentType: "application/json", body: '{"ts": ' }, code: "INVALID_JSON" },
    { given: "an empty body", request: { contentType: "application/json", body: " " }, code: "INVALID_JSON" },
    {
      given: "bytes that are not UTF-8",
      request: { contentType: "application/json", body: new Uint8Array([0x7b, 0xff, 0x7d]) },
      code: "INVALID_JSON",
    },
    { given: "an empty batch", request: jsonRequest({ readings: [] }), code: "EMPTY_BATCH" },
    {
      given: "1,001 readings",
      request: jsonRequest({ readings: Array.from({ length: 1001 }, () => reading()) }),
      code: "BATCH_TOO_LARGE",
    },
  ])("given $given, when parsed, then it fails with $code", ({ request, code }) => {
    expect(errorOf(parse(request)).code).toBe(code);
  });

  it("given a malformed body, when parsed, then the message quotes the parser", () => {
    expect(errorOf(parse({ contentType: "application/json", body: '{"ts": ' })).message).toMatch(
      /^body is not valid JSON \(.+\)$/,
    );
  });

  it("given maxBatch 2, when 3 readings arrive, then the batch is too large and says the limit", () => {
    const error = errorOf(parse(jsonRequest({ readings: [reading(), reading(), reading()] }), { maxBatch: 2 }));

    expect(error).toEqual({
      code: "BATCH_TOO_LARGE",
      message: "readings: 3 readings, at most 2 per request; split it into smaller requests",
      details: [],
    });
  });

  it("given a body over maxBytes counted in UTF-8 bytes, when parsed, then it is too large", () => {
    // 5 characters, 10 bytes.
    const error = errorOf(parse({ contentType: "application/json", body: "ééééé" }, { maxBytes: 9 }));

    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toContain("10 bytes");
  });

  it("given an unknown device time zone, when parsed, then it throws: that is a server bug", () => {
    expect(() => parse(jsonRequest(reading()), { timeZone: "Mars/Olympus_Mons" })).toThrow(RangeError);
  });
});

describe("parseReadingsRequest, invalid single reading", () => {
  it.each([
    {
      given: "bpm 300",
      body: reading({ bpm: 300 }),
      field: "bpm",
      message: "bpm: must be between 25 and 250, got 300",
    },
    {
      given: "bpm 24.9",
      body: reading({ bpm: 24.9 }),
      field: "bpm",
      message: "bpm: must be between 25 and 250, got 24.9",
    },
    {
      given: "bpm as string",
      body: reading({ bpm: "128" }),
      field: "bpm",
      message: 'bpm: must be a number, got "128"',
    },
    { given: "bpm null", body: reading({ bpm: null }), field: "bpm", message: "bpm: must be a number, got null" },
    { given: "no bpm", body: { ts: TS }, field: "bpm", message: "bpm: is required" },
    { given: "no ts", body: { bpm: 128 }, field: "ts", message: "ts: is required" },
    { given: "a ts without zone", body: reading({ ts: "2023-11-23T14:05:09" }), field: "ts", message: /^ts: must be/ },
    {
      given: "a ts 8 days old",
      body: reading({ ts: NOW - 8 * 86_400_000 }),
      field: "ts",
      message: /^ts: is 2023-11-15T14:10:00.000Z, 8 days before server time/,
    },
    {
      given: "a workoutId that is not a UUID",
      body: reading({ workoutId: "w-1" }),
      field: "workoutId",
      message: 'workoutId: must be a UUID, got "w-1"',
    },
    {
      given: "an unknown field",
      body: reading({ hr: 128 }),
      field: "hr",
      message: "hr: is not a known field; allowed: ts, bpm, workoutId",
    },
  ])("given $given, when parsed, then VALIDATION_FAILED names $field", ({ body, field, message }) => {
    const error = errorOf(parse(jsonRequest(body)));

    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it.each([
    { given: "a number", body: 5, message: "body: must be a JSON object or array, got 5" },
    { given: "null", body: null, message: "body: must be a JSON object or array, got null" },
  ])("given $given as the body, when parsed, then it says an object is expected", ({ body, message }) => {
    expect(errorOf(parse(jsonRequest(body))).details).toEqual([{ field: "body", message }]);
  });
});

describe("parseReadingsRequest, schemas built once", () => {
  it("given one reading, when parsed at two server times, then each parse checks the window at its own time", () => {
    const body = jsonRequest(reading({ ts: NOW }));

    const inWindow = parse(body);
    const tooOld = parse(body, { now: NOW + 8 * 86_400_000 });
    const inWindowAgain = parse(body);

    expect(inWindow.ok).toBe(true);
    expect(errorOf(tooOld).details).toEqual([{ field: "ts", message: expect.stringContaining("8 days before") }]);
    expect(inWindowAgain.ok).toBe(true);
  });

  it("given a legacy payload, when parsed for devices in two zones, then each reads createdAt in its own zone", () => {
    const body = jsonRequest({ playerId: "p-1", heartbeat: 120, createdAt: [2023, 11, 23, 14, 5, 9] });

    const tsIn = (timeZone: string) => {
      const result = parse(body, { timeZone });
      return result.ok ? result.readings[0]?.ts : undefined;
    };

    expect(tsIn("UTC")).toBe(Date.UTC(2023, 10, 23, 14, 5, 9));
    expect(tsIn("Europe/Berlin")).toBe(Date.UTC(2023, 10, 23, 13, 5, 9));
    expect(tsIn("UTC")).toBe(Date.UTC(2023, 10, 23, 14, 5, 9));
  });

  it("given a reading with a bad bpm and a ts out of the window, when parsed, then both problems are reported in field order", () => {
    const error = errorOf(parse(jsonRequest(reading({ ts: NOW + 3_600_000, bpm: 300 }))));

    expect(error.details.map((d) => d.field)).toEqual(["ts", "bpm"]);
  });

  it("given a ts beyond what a Date can hold, when parsed, then the window problem quotes the number instead of failing", () => {
    const error = errorOf(parse(jsonRequest(reading({ ts: Number.MAX_SAFE_INTEGER }))));

    expect(error.details).toEqual([
      { field: "ts", message: expect.stringContaining(`is ${Number.MAX_SAFE_INTEGER},`) },
    ]);
  });
});

describe("parseReadingsValue, an already parsed JSON body", () => {
  it.each([
    { given: "one reading", body: reading() },
    { given: "a batch", body: { readings: [reading(), reading({ ts: TS_MS + 1000, workoutId: WORKOUT_ID })] } },
    { given: "a legacy array", body: [{ playerId: "p-1", heartbeat: 120, createdAt: [2023, 11, 23, 14, 5, 9] }] },
    { given: "a bad batch", body: { readings: [reading({ bpm: 300 }), { ts: "x" }], extra: 1 } },
    { given: "an empty batch", body: { readings: [] } },
    { given: "null", body: null },
  ])("given $given, when parsed, then the result is the one its JSON text gets", ({ body }) => {
    expect(parseReadingsValue(body, { now: NOW })).toEqual(parse(jsonRequest(body)));
  });
});
