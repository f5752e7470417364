import { describe, expect, it } from "vitest";
import { parseReadingsRequest, type ParseReadingsOptions } from "./parse-readings-request";
import type { ParseReadingsResult } from "./validate-items";

const NOW = Date.parse("2023-11-23T14:10:00.000Z");

const legacy = (overrides: Record<string, unknown> = {}) => ({
  playerId: "p-17",
  heartbeat: 128.0,
  createdAt: [2023, 11, 23, 14, 5, 9, 123_000_000],
  ...overrides,
});
const parseLegacy = (body: unknown, options: Partial<ParseReadingsOptions> = {}) =>
  parseReadingsRequest({ contentType: "application/json", body: JSON.stringify(body) }, { now: NOW, ...options });

function errorOf(result: ParseReadingsResult) {
  if (result.ok) throw new Error("expected a failure");
  return result.error;
}

describe("legacy watch payload", () => {
  it.each([
    { given: "the documented example in UTC", body: legacy(), timeZone: undefined, ts: "2023-11-23T14:05:09.123Z" },
    {
      given: "the device zone Europe/Berlin",
      body: legacy(),
      timeZone: "Europe/Berlin",
      ts: "2023-11-23T13:05:09.123Z",
    },
    {
      given: "the device zone America/New_York",
      body: legacy({ createdAt: [2023, 11, 23, 9, 5, 9] }),
      timeZone: "America/New_York",
      ts: "2023-11-23T14:05:09.000Z",
    },
    {
      given: "6 elements",
      body: legacy({ createdAt: [2023, 11, 23, 14, 5, 9] }),
      timeZone: "UTC",
      ts: "2023-11-23T14:05:09.000Z",
    },
    {
      given: "5 elements",
      body: legacy({ createdAt: [2023, 11, 23, 14, 5] }),
      timeZone: "UTC",
      ts: "2023-11-23T14:05:00.000Z",
    },
  ])("given $given, when parsed, then createdAt is read in the device zone", ({ body, timeZone, ts }) => {
    expect(parseLegacy(body, { timeZone })).toEqual({
      ok: true,
      readings: [{ ts: Date.parse(ts), bpm: 128, externalId: "p-17" }],
    });
  });

  it("given an array of payloads, when parsed, then each becomes a reading with its own playerId", () => {
    const result = parseLegacy([legacy(), legacy({ playerId: "p-18", heartbeat: 99.5 })]);

    expect(result.ok && result.readings.map((r) => [r.externalId, r.bpm])).toEqual([
      ["p-17", 128],
      ["p-18", 99.5],
    ]);
  });

  it.each([
    {
      given: "heartbeat 300",
      body: legacy({ heartbeat: 300 }),
      field: "heartbeat",
      message: "heartbeat: must be between 25 and 250, got 300",
    },
    {
      given: "no heartbeat",
      body: legacy({ heartbeat: undefined }),
      field: "heartbeat",
      message: "heartbeat: is required",
    },
    {
      given: "no playerId",
      body: legacy({ playerId: undefined }),
      field: "playerId",
      message: "playerId: is required",
    },
    {
      given: "an empty playerId",
      body: legacy({ playerId: "" }),
      field: "playerId",
      message: "playerId: must not be empty",
    },
    {
      given: "a numeric playerId",
      body: legacy({ playerId: 17 }),
      field: "playerId",
      message: "playerId: must be a string, got 17",
    },
    {
      given: "month 13",
      body: legacy({ createdAt: [2023, 13, 23, 14, 5] }),
      field: "createdAt[1]",
      message: "createdAt[1]: month must be between 1 and 12, got 13",
    },
    {
      given: "30 February",
      body: legacy({ createdAt: [2024, 2, 30, 14, 5] }),
      field: "createdAt[2]",
      message: "createdAt[2]: day must be between 1 and 29 for 2024-02, got 30",
    },
    {
      given: "a createdAt of 4 elements",
      body: legacy({ createdAt: [2023, 11, 23, 14] }),
      field: "createdAt",
      message: "createdAt: must have 5 to 7 elements [year, month, day, hour, minute, second?, nanoOfSecond?], got 4",
    },
    {
      given: "a createdAt a month old",
      body: legacy({ createdAt: [2023, 10, 23, 14, 5] }),
      field: "createdAt",
      message: expect.stringContaining("createdAt: is 2023-10-23T14:05:00.000Z, 31 days before server time"),
    },
    {
      given: "a new-format field",
      body: legacy({ ts: 1 }),
      field: "ts",
      message: "ts: is not a known field; allowed: playerId, heartbeat, createdAt",
    },
  ])("given $given, when parsed, then $field is named in legacy terms", ({ body, field, message }) => {
    const error = errorOf(parseLegacy(body));

    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual([{ field, message }]);
  });

  it("given an array with bad payloads, when parsed, then each is listed by index and nothing is accepted", () => {
    const error = errorOf(
      parseLegacy([legacy(), legacy({ heartbeat: 0 }), legacy({ createdAt: [2023, 11, 31, 0, 0] })]),
    );

    expect(error.details.map((d) => d.message)).toEqual([
      "[1].heartbeat: must be between 25 and 250, got 0",
      "[2].createdAt[2]: day must be between 1 and 30 for 2023-11, got 31",
    ]);
    expect(error.details.map((d) => d.index)).toEqual([1, 2]);
  });

  it("given an array of new-format readings, when parsed, then it is rejected: arrays are legacy only", () => {
    const error = errorOf(parseLegacy([{ ts: "2023-11-23T14:05:09Z", bpm: 128 }]));

    expect(error.details.map((d) => d.field)).toEqual(["playerId", "heartbeat", "createdAt", "ts", "bpm"]);
  });

  it.each([
    { given: "an empty array", body: [], options: {}, code: "EMPTY_BATCH" },
    {
      given: "more than maxBatch payloads",
      body: [legacy(), legacy()],
      options: { maxBatch: 1 },
      code: "BATCH_TOO_LARGE",
    },
  ])("given $given, when parsed, then it fails with $code", ({ body, options, code }) => {
    expect(errorOf(parseLegacy(body, options)).code).toBe(code);
  });
});
