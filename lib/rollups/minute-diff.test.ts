import { describe, expect, it } from "vitest";
import { diffMinuteRollups } from "./minute-diff";
import type { MinuteRollup } from "./minute-rollup";
import { T0 } from "./readings.fixtures";

const minute = (offsetMinutes: number, overrides: Partial<MinuteRollup> = {}): MinuteRollup => ({
  minuteStart: T0 + offsetMinutes * 60_000,
  lowMs: 60_000,
  moderateMs: 0,
  highMs: 0,
  bpmSum: 6_000,
  count: 60,
  bpmMin: 95,
  bpmMax: 105,
  ...overrides,
});

describe("diffMinuteRollups", () => {
  it.each([
    { change: "nothing", previous: [minute(0), minute(1)], next: [minute(0), minute(1)], upserts: [], removed: [] },
    {
      change: "one field",
      previous: [minute(0), minute(1)],
      next: [minute(0), minute(1, { bpmMax: 106 })],
      upserts: [1],
      removed: [],
    },
    { change: "a new minute", previous: [minute(0)], next: [minute(0), minute(5)], upserts: [5], removed: [] },
    { change: "a vanished minute", previous: [minute(0), minute(2)], next: [minute(0)], upserts: [], removed: [2] },
    { change: "everything, from empty", previous: [], next: [minute(0), minute(1)], upserts: [0, 1], removed: [] },
  ])("given $change changed, when diffed, then only that is written", ({ previous, next, upserts, removed }) => {
    const changes = diffMinuteRollups(previous, next);

    expect(changes.upserts.map((m) => (m.minuteStart - T0) / 60_000)).toEqual(upserts);
    expect(changes.removedMinuteStarts.map((s) => (s - T0) / 60_000)).toEqual(removed);
  });
});
