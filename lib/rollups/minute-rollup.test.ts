import { describe, expect, it } from "vitest";
import { creditReadings } from "./intervals";
import { getMinuteStart, rollupMinutes } from "./minute-rollup";
import { classifyAt120And150, makeWorkout, T0 } from "./readings.fixtures";

const rollup = (points: [offsetMs: number, bpm: number][]) =>
  rollupMinutes(creditReadings(makeWorkout(points)), classifyAt120And150);

describe("getMinuteStart", () => {
  it.each([
    [T0, T0],
    [T0 + 59_999, T0],
    [T0 + 60_000, T0 + 60_000],
    [-1, -60_000],
  ])("given %s, when floored, then the minute starts at %s", (ts, expected) => {
    expect(getMinuteStart(ts)).toBe(expected);
  });
});

describe("rollupMinutes", () => {
  it("given readings of one minute, when rolled up, then time splits by level and bpm stats add up", () => {
    const [minute] = rollup([
      [0, 100],
      [2_000, 130],
      [5_000, 160],
    ]);

    expect(minute).toEqual({
      minuteStart: T0,
      lowMs: 2_000,
      moderateMs: 3_000,
      highMs: 1_000,
      bpmSum: 390,
      count: 3,
      bpmMin: 100,
      bpmMax: 160,
    });
  });

  it("given a reading at :58 whose interval crosses the minute, when rolled up, then all its time stays in its own minute", () => {
    const minutes = rollup([
      [58_000, 130],
      [62_000, 100],
    ]);

    expect(minutes.map((m) => [m.minuteStart - T0, m.moderateMs, m.lowMs])).toEqual([
      [0, 4_000, 0],
      [60_000, 0, 1_000],
    ]);
  });

  it("given a reading on the minute boundary, when rolled up, then it belongs to the minute it starts", () => {
    const minutes = rollup([
      [59_999, 100],
      [60_000, 100],
    ]);

    expect(minutes.map((m) => [m.minuteStart - T0, m.count, m.lowMs])).toEqual([
      [0, 1, 1],
      [60_000, 1, 1_000],
    ]);
  });

  it("given a dropout spanning whole minutes, when rolled up, then those minutes have no row", () => {
    const minutes = rollup([
      [0, 100],
      [180_000, 100],
    ]);

    expect(minutes.map((m) => [m.minuteStart - T0, m.lowMs])).toEqual([
      [0, 5_000],
      [180_000, 1_000],
    ]);
  });
});
