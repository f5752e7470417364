import { describe, expect, it } from "vitest";
import { BPM_MAX, BPM_MIN } from "@/lib/readings/reading-rules";
import { collectReadings, parseBpmText, type RawSample } from "./collect-readings";
import { importErrorOf } from "./workout-files.fixtures";

const sample = (ts: number | undefined, bpm: number | undefined): RawSample => ({ ts, bpm });

describe("collectReadings", () => {
  it("given the limits, when read, then they match the readings API: 25 to 250 bpm inclusive", () => {
    expect([BPM_MIN, BPM_MAX]).toEqual([25, 250]);
  });

  it.each([
    [24.9, false],
    [25, true],
    [72.5, true],
    [250, true],
    [250.1, false],
  ])("given %s bpm, when collected, then kept is %s", (bpm, kept) => {
    const collected = () => collectReadings([sample(1_000, bpm), sample(2_000, 100)], undefined);

    expect(collected().readings.some((r) => r.bpm === bpm)).toBe(kept);
    expect(collected().skipped.outOfRange).toBe(kept ? 0 : 1);
  });

  it("given equal timestamps out of order, when collected, then readings are sorted and the first in the file wins", () => {
    const { readings, skipped } = collectReadings(
      [sample(3_000, 130), sample(1_000, 110), sample(3_000, 131), sample(1_000, 111), sample(2_000, 120)],
      undefined,
    );

    expect(readings).toEqual([
      { ts: 1_000, bpm: 110 },
      { ts: 2_000, bpm: 120 },
      { ts: 3_000, bpm: 130 },
    ]);
    expect(skipped.duplicateTimestamp).toBe(2);
  });

  it("given samples with heart rates but no times, when collected, then NO_HEART_RATE says the times are missing", () => {
    const error = importErrorOf(() => collectReadings([sample(undefined, 120)], "a.tcx"));

    expect(error.code).toBe("NO_HEART_RATE");
    expect(error.message).toBe(
      '"a.tcx" has heart-rate samples but none with a date and time, so they cannot be placed on a timeline',
    );
  });

  it("given no samples at all, when collected, then it is NO_HEART_RATE", () => {
    expect(importErrorOf(() => collectReadings([], undefined)).message).toMatch(/^the file has no heart-rate samples/);
  });
});

describe("parseBpmText", () => {
  it.each([
    ["142", 142],
    [" 142 ", 142],
    ["142.5", 142.5],
    ["", undefined],
    ["  ", undefined],
    ["abc", undefined],
    ["Infinity", undefined],
    [undefined, undefined],
  ])("given %j, when parsed, then it is %s", (value, expected) => {
    expect(parseBpmText(value)).toBe(expected);
  });
});
