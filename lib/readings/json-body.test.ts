import { describe, expect, it } from "vitest";
import { parseReadingsRequest } from "./parse-readings-request";
import type { ParseReadingsResult } from "./validate-items";

const NOW = Date.parse("2023-11-23T14:10:00.000Z");
const TS = "2023-11-23T14:05:09.123Z";

const reading = (overrides: Record<string, unknown> = {}) => ({ ts: TS, bpm: 128, ...overrides });
const parseBatch = (body: unknown) =>
  parseReadingsRequest({ contentType: "application/json", body: JSON.stringify(body) }, { now: NOW });

function errorOf(result: ParseReadingsResult) {
  if (result.ok) throw new Error("expected a failure");
  return result.error;
}

describe("readingsFromJson, batches are all or nothing", () => {
  it("given several bad readings among good ones, when parsed, then every bad field is listed by index", () => {
    const error = errorOf(
      parseBatch({
        readings: [
          reading(),
          reading({ bpm: 300 }),
          reading(),
          reading({ ts: "yesterday", extra: 1 }),
          reading({ bpm: 20, workoutId: 7 }),
        ],
      }),
    );

    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.map(({ index, field }) => [index, field])).toEqual([
      [1, "bpm"],
      [3, "ts"],
      [3, "extra"],
      [4, "bpm"],
      [4, "workoutId"],
    ]);
    expect(error.details[0]?.message).toBe("readings[1].bpm: must be between 25 and 250, got 300");
    expect(error.message).toBe(
      "5 problems; no reading was accepted. First: readings[1].bpm: must be between 25 and 250, got 300",
    );
  });

  it("given an item that is not an object, when parsed, then the whole item is named", () => {
    expect(errorOf(parseBatch({ readings: [reading(), 5] })).details).toEqual([
      { index: 1, field: "reading", message: "readings[1]: must be a JSON object, got 5" },
    ]);
  });

  it("given a field next to readings, when parsed, then it is rejected along with bad items", () => {
    const error = errorOf(parseBatch({ readings: [reading({ bpm: 0 })], deviceId: "d-1" }));

    expect(error.details.map(({ index, field }) => [index, field])).toEqual([
      [undefined, "deviceId"],
      [0, "bpm"],
    ]);
    expect(error.details[0]?.message).toBe('deviceId: is not a known field; a batch is {"readings": [...]} only');
  });

  it.each([
    {
      given: "an object",
      readings: { ts: TS, bpm: 128 },
      message: "readings: must be an array of readings, got an object",
    },
    { given: "null", readings: null, message: "readings: must be an array of readings, got null" },
  ])("given readings is $given, when parsed, then it says an array is expected", ({ readings, message }) => {
    expect(errorOf(parseBatch({ readings })).details).toEqual([{ field: "readings", message }]);
  });

  it("given exactly 1,000 readings, when parsed, then all are accepted", () => {
    const result = parseBatch({ readings: Array.from({ length: 1000 }, (_, i) => reading({ ts: NOW - i * 1000 })) });

    expect(result.ok && result.readings.length).toBe(1000);
  });
});
