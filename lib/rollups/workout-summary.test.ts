import { describe, expect, it } from "vitest";
import type { HeartRateReading } from "./heart-rate-reading";
import { diffMinuteRollups } from "./minute-diff";
import { classifyAt120And150, makeReading, makeWorkout, seededRandom, shuffled, T0 } from "./readings.fixtures";
import { rollupWorkout } from "./workout-summary";

const rollup = (readings: readonly HeartRateReading[]) => rollupWorkout(readings, classifyAt120And150);

describe("rollupWorkout", () => {
  it("given a workout with two dropouts, when rolled up, then every total matches the hand count", () => {
    const result = rollup(
      makeWorkout([
        [0, 100], // low 1 s
        [1_000, 130], // moderate 1 s
        [2_000, 155], // high 5 s, then 3 s dropout
        [10_000, 125], // moderate 5 s, then 46 s dropout
        [61_000, 90], // low, last: 1 s
      ]),
    );

    expect(result?.summary).toEqual({
      workoutId: "w-1",
      startTs: T0,
      endTs: T0 + 61_000,
      durationMs: 62_000,
      lowMs: 2_000,
      moderateMs: 6_000,
      highMs: 5_000,
      lowMinutes: 2_000 / 60_000,
      moderateMinutes: 0.1,
      highMinutes: 5_000 / 60_000,
      dropoutCount: 2,
      dropoutMs: 49_000,
      readingCount: 5,
      bpmSum: 600,
      bpmMin: 90,
      bpmMax: 155,
      bpmAverage: 120,
    });
    expect(result?.minutes.map((m) => [m.minuteStart - T0, m.count, m.lowMs, m.moderateMs, m.highMs])).toEqual([
      [0, 4, 1_000, 6_000, 5_000],
      [60_000, 1, 1_000, 0, 0],
    ]);
  });

  it.each([
    [5_000, 0, 0],
    [5_001, 1, 1],
  ])("given two readings %s ms apart, when rolled up, then %s dropout(s) of %s ms", (gap, count, ms) => {
    const { summary } =
      rollup(
        makeWorkout([
          [0, 100],
          [gap, 100],
        ]),
      ) ?? {};

    expect(summary).toMatchObject({ dropoutCount: count, dropoutMs: ms, lowMs: 5_000 + 1_000 });
  });

  it("given no readings, when rolled up, then there is nothing to roll up", () => {
    expect(rollup([])).toBeNull();
  });

  it("given readings of two workouts, when rolled up together, then it refuses", () => {
    const mixed = [makeReading({ workoutId: "w-1" }), makeReading({ workoutId: "w-2", ts: T0 + 1_000 })];

    expect(() => rollup(mixed)).toThrow(RangeError);
  });

  it("given a late reading inside a gap, when recomputed, then its predecessor's credit shrinks and only touched minutes change", () => {
    const stored = makeWorkout([
      [57_000, 130], // moderate 5 s + 1 s dropout before the late reading arrives
      [63_000, 100],
      [121_000, 100],
    ]);
    const late = makeReading({ ts: T0 + 61_000, bpm: 160 });
    const before = rollup(stored);
    const after = rollup([...stored, late]);

    const changes = diffMinuteRollups(before?.minutes ?? [], after?.minutes ?? []);

    expect(changes.removedMinuteStarts).toEqual([]);
    expect(changes.upserts.map((m) => [m.minuteStart - T0, m.moderateMs, m.highMs, m.lowMs, m.count])).toEqual([
      [0, 4_000, 0, 0, 1],
      [60_000, 0, 2_000, 5_000, 2],
    ]);
    expect(after?.summary).toMatchObject({ dropoutCount: 1, dropoutMs: 53_000 });
  });
});

describe("rollupWorkout on random workouts", () => {
  const random = seededRandom(20250106);
  const workouts = Array.from({ length: 40 }, (_, w) => randomWorkout(random, `w-${w}`));

  it.each(workouts.map((readings, i) => [i, readings.length, readings] as const))(
    "given random workout %s of %s readings, when rolled up, then zone ms + dropout ms = last − first + 1 s",
    (_, count, readings) => {
      const { summary, minutes } = rollup(readings) ?? {};
      const ts = readings.map((r) => r.ts);
      const spanMs = Math.max(...ts) - Math.min(...ts) + 1_000;

      expect(summary && summary.lowMs + summary.moderateMs + summary.highMs + summary.dropoutMs).toBe(spanMs);
      expect(summary?.durationMs).toBe(spanMs);
      expect(summary?.readingCount).toBe(count);
      expect(minutes?.reduce((sum, m) => sum + m.lowMs + m.moderateMs + m.highMs, 0)).toBe(
        spanMs - (summary?.dropoutMs ?? 0),
      );
    },
  );

  it("given the same random workouts shuffled, when rolled up, then the results are identical", () => {
    const mismatches = workouts.filter((readings) => {
      const a = rollup(readings);
      const b = rollup(shuffled(readings, random));
      return JSON.stringify(a) !== JSON.stringify(b);
    });

    expect(mismatches).toEqual([]);
  });
});

/** Timestamps near minute edges, gaps around 5 s, fractional bpm: the cases that break sloppy sums. */
function randomWorkout(random: () => number, workoutId: string): HeartRateReading[] {
  const gaps = [0, 1, 999, 1_000, 4_999, 5_000, 5_001, 20_000, 130_000];
  const count = 1 + Math.floor(random() * 300);
  let ts = T0 + Math.floor(random() * 60_000);
  return Array.from({ length: count }, (_, i) => {
    ts += i === 0 ? 0 : (gaps[Math.floor(random() * gaps.length)] ?? 1_000);
    const bpm = Math.round(600 + random() * 1_400) / 10;
    return makeReading({ readingId: `${workoutId}-${i}`, workoutId, ts, bpm });
  });
}
