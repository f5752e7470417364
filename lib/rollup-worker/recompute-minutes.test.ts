import { describe, expect, it } from "vitest";
import type { HeartRateReading } from "@/lib/rollups/heart-rate-reading";
import { getMinuteStart, type IntensityClassifier } from "@/lib/rollups/minute-rollup";
import { rollupWorkout } from "@/lib/rollups/workout-summary";
import { planMinuteRuns, type MinuteRun } from "./minute-runs";
import { recomputeRun, uniqueMinuteRows, type MinuteRow } from "./recompute-minutes";

const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);
const classify: IntensityClassifier = (bpm) => (bpm >= 150 ? "high" : bpm >= 120 ? "moderate" : "low");

const reading = (ts: number, bpm = 100): HeartRateReading => ({
  readingId: `r-${ts}`,
  deviceId: "d",
  workoutId: "w",
  ts,
  bpm,
});

/** What LOAD_RUNS selects, over an in-memory table. */
function loadRun(stored: readonly HeartRateReading[], run: MinuteRun): HeartRateReading[] {
  const sorted = [...stored].sort((a, b) => a.ts - b.ts);
  const before = sorted.filter((r) => r.ts < run.fromMs).at(-1);
  const start = before ? getMinuteStart(before.ts) : run.fromMs;
  const next = sorted.find((r) => r.ts >= run.toMs);
  return [...sorted.filter((r) => r.ts >= start && r.ts < run.toMs), ...(next ? [next] : [])];
}

/** Applies batches (which may repeat readings) the way the worker does, minute rows in a map like workout_minutes. */
function applyIncrementally(batches: readonly HeartRateReading[][], maxGapMs = 5_000): MinuteRow[] {
  const stored = new Map<string, HeartRateReading>();
  const table = new Map<number, MinuteRow>();
  for (const batch of batches) {
    // INSERT ... ON CONFLICT (id) DO NOTHING: only readings not stored yet are new.
    const inserted = batch.filter((r) => !stored.has(r.readingId));
    for (const r of inserted) stored.set(r.readingId, r);
    const rows = planMinuteRuns(inserted).flatMap((run) =>
      recomputeRun(run, loadRun([...stored.values()], run), classify, maxGapMs),
    );
    for (const row of uniqueMinuteRows(rows)) table.set(row.minuteStart, row);
  }
  return [...table.values()].sort((a, b) => a.minuteStart - b.minuteStart);
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("recomputeRun", () => {
  it("given a run and its loaded readings, when recomputed, then the successor's minute is left out", () => {
    const run = { workoutId: "w", fromMs: T0, toMs: T0 + 60_000 };
    const loaded = [reading(T0 + 50_000, 130), reading(T0 + 58_000, 160), reading(T0 + 70_000)];

    const rows = recomputeRun(run, loaded, classify, 5_000);

    expect(rows).toEqual([
      {
        workoutId: "w",
        minuteStart: T0,
        lowMs: 0,
        moderateMs: 5_000,
        highMs: 5_000,
        bpmSum: 290,
        count: 2,
        bpmMin: 130,
        bpmMax: 160,
        dropoutMs: 3_000 + 7_000,
        dropoutCount: 2,
      },
    ]);
  });

  it("given a run without successor, when recomputed, then its last reading is the workout's last (1 s)", () => {
    const rows = recomputeRun(
      { workoutId: "w", fromMs: T0, toMs: T0 + 60_000 },
      [reading(T0 + 1_000)],
      classify,
      5_000,
    );

    expect(rows[0]).toMatchObject({ lowMs: 1_000, dropoutMs: 0, dropoutCount: 0 });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "given a workout with gaps arriving shuffled in batches (seed %i), when applied batch by batch, then every minute equals a full recompute",
    (seed) => {
      const rand = random(seed);
      const all: HeartRateReading[] = [];
      for (
        let ts = T0 + Math.floor(rand() * 1000);
        all.length < 400;
        ts += rand() < 0.05 ? 20_000 : 1_000 + Math.floor(rand() * 2_000)
      ) {
        all.push(reading(ts, 90 + Math.floor(rand() * 80)));
      }
      const order = all.map((r) => ({ r, key: rand() < 0.8 ? r.ts : rand() * all.length * 1_500 + T0 }));
      const arrival = order.sort((a, b) => a.key - b.key).map((o) => o.r);
      const batches: HeartRateReading[][] = [];
      for (let i = 0; i < arrival.length; i += 1 + Math.floor(rand() * 40)) batches.push(arrival.slice(i, i + 40));
      const distinct = [...new Map(batches.flat().map((r) => [r.ts, r])).values()];

      const incremental = applyIncrementally(batches);

      const full = rollupWorkout(distinct, classify);
      expect(incremental).toEqual(full?.minutes.map((minute) => expect.objectContaining(minute)));
      expect(incremental.reduce((s, m) => s + m.dropoutMs, 0)).toBe(full?.summary.dropoutMs);
      expect(incremental.reduce((s, m) => s + m.dropoutCount, 0)).toBe(full?.summary.dropoutCount);
    },
  );
});

describe("uniqueMinuteRows", () => {
  it("given the same minute from two runs, when merged, then one row is kept", () => {
    const row = recomputeRun({ workoutId: "w", fromMs: T0, toMs: T0 + 60_000 }, [reading(T0)], classify, 5_000)[0]!;

    expect(uniqueMinuteRows([row, { ...row }, { ...row, workoutId: "v" }])).toHaveLength(2);
  });
});
