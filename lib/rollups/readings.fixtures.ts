/** Test factories for readings; imported by the *.test.ts files beside it only. */
import type { IntensityLevel } from "@/lib/zones/intensity-zones";
import type { HeartRateReading } from "./heart-rate-reading";

/** Monday 2025-01-06 10:00:00.000 UTC, the start of a whole minute. */
export const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

/** One reading; ids are unique unless given. */
export function makeReading(overrides: Partial<HeartRateReading> = {}): HeartRateReading {
  const ts = overrides.ts ?? T0;
  return {
    readingId: `r-${ts}-${overrides.deviceId ?? "watch-1"}`,
    deviceId: "watch-1",
    workoutId: "w-1",
    ts,
    bpm: 100,
    ...overrides,
  };
}

/** A workout of readings at `offsetMs` after T0 with the given bpm. */
export function makeWorkout(points: readonly (readonly [offsetMs: number, bpm: number])[]): HeartRateReading[] {
  return points.map(([offsetMs, bpm]) => makeReading({ ts: T0 + offsetMs, bpm }));
}

/** Easy-to-read levels for rollup tests: moderate from 120 bpm, high from 150. */
export function classifyAt120And150(bpm: number): IntensityLevel {
  if (bpm >= 150) return "high";
  if (bpm >= 120) return "moderate";
  return "low";
}

/** Deterministic PRNG (mulberry32) so random-input tests fail reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same items in a random order. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  return items
    .map((item) => ({ item, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}
