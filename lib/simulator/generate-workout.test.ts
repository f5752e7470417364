import { describe, expect, it } from "vitest";
import { BPM_MAX, BPM_MIN } from "@/lib/readings/reading-rules";
import { classifyIntensity } from "@/lib/zones/intensity-zones";
import { generateWorkout } from "./generate-workout";

const START = Date.UTC(2026, 10, 20, 8, 0, 0);
const hour = (seed: number, watch = 0) => generateWorkout({ seed, watch, totalS: 3_600, startMs: START });

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * bpm of the readings in the last `lastS` seconds of each phase of one kind,
 * once the heart has settled; phases shorter than `minS` (a cut-off last
 * interval) never settle and are left out.
 */
function bpmsIn(workout: ReturnType<typeof hour>, kind: string, lastS = Infinity, minS = 0): number[] {
  return workout.phases
    .filter((p) => p.kind === kind && p.durationS >= minS)
    .flatMap((p) =>
      workout.readings
        .filter((r) => {
          const s = (r.ts - workout.startMs - (r.ts % 1000)) / 1000;
          return s >= p.startS + p.durationS - lastS && s < p.startS + p.durationS;
        })
        .map((r) => r.bpm),
    );
}

describe("generateWorkout", () => {
  it("given a seed and a watch, when generated twice, then the workouts are identical", () => {
    expect(hour(42, 3)).toEqual(hour(42, 3));
  });

  it("given two watches of one run, when generated, then each has its own athlete and curve", () => {
    const a = hour(42, 0);
    const b = hour(42, 1);

    expect(a.profile).not.toEqual(b.profile);
    expect(a.readings.map((r) => r.bpm)).not.toEqual(b.readings.map((r) => r.bpm));
  });

  it("given an hour, when generated, then there is one reading per second except in dropouts, plus the duplicates", () => {
    const w = hour(11);
    const droppedS = w.dropouts.reduce((sum, d) => sum + d.durationS, 0);
    const seconds = new Set(w.readings.map((r) => Math.floor(r.ts / 1000)));

    expect(seconds.size).toBe(3_600 - droppedS);
    expect(w.readings.length).toBe(seconds.size + w.duplicates);
    expect(Math.min(...w.readings.map((r) => r.ts))).toBeGreaterThanOrEqual(START);
    expect(Math.max(...w.readings.map((r) => r.ts))).toBeLessThan(START + 3_600_000);
  });

  it("given many watches, when generated, then every bpm is a whole number the API accepts", () => {
    const bad = Array.from({ length: 30 }, (_, watch) => hour(5, watch).readings)
      .flat()
      .filter(({ bpm }) => !Number.isInteger(bpm) || bpm < BPM_MIN || bpm > BPM_MAX);

    expect(bad).toEqual([]);
  });

  it("given an hour, when generated, then it starts near 70 bpm and warms up", () => {
    const w = hour(8);
    const first = mean(w.readings.slice(0, 10).map((r) => r.bpm));
    const endOfWarmUp = bpmsIn(w, "warm-up", 30);

    expect(first).toBeGreaterThan(58);
    expect(first).toBeLessThan(85);
    expect(mean(endOfWarmUp)).toBeGreaterThan(first + 20);
  });

  it("given an hour, when generated, then hard intervals run higher than easy ones, and steady is in between", () => {
    for (let watch = 0; watch < 10; watch += 1) {
      const w = hour(21, watch);
      const hard = mean(bpmsIn(w, "hard", 60));
      const easy = mean(bpmsIn(w, "easy", 30));
      const steady = mean(bpmsIn(w, "steady", 300));

      expect(hard).toBeGreaterThan(easy + 15);
      expect(steady).toBeGreaterThan(easy);
      expect(steady).toBeLessThan(hard);
      expect(Math.max(...w.readings.map((r) => r.bpm))).toBeLessThanOrEqual(w.profile.maxHr + 3);
    }
  });

  it("given HeartLake's default zones, when classified, then settled hard intervals are high and easy ones moderate", () => {
    for (let watch = 0; watch < 10; watch += 1) {
      const w = hour(34, watch);
      const { maxHr } = w.profile;
      const thresholds = { maxHr, moderateBpm: 0.64 * maxHr, highBpm: 0.77 * maxHr };
      const share = (bpms: number[], level: string) =>
        bpms.filter((bpm) => classifyIntensity(bpm, thresholds) === level).length / bpms.length;

      expect(share(bpmsIn(w, "hard", 60, 90), "high")).toBeGreaterThan(0.95);
      expect(share(bpmsIn(w, "easy", 30, 90), "moderate")).toBeGreaterThan(0.9);
    }
  });

  it("given an hour, when generated, then the cool-down ends well below the peak", () => {
    const w = hour(13);
    const lastMinute = mean(w.readings.slice(-60).map((r) => r.bpm));

    expect(lastMinute).toBeLessThan(Math.max(...w.readings.map((r) => r.bpm)) - 30);
  });

  it("given a start that is not on a whole second, when generated, then readings keep whole-second spacing from its second", () => {
    const w = generateWorkout({ seed: 1, watch: 0, totalS: 60, startMs: START + 750 });

    expect(w.startMs).toBe(START);
    expect(w.readings.map((r) => Math.floor((r.ts - START) / 1000))).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });
});
