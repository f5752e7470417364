import { describe, expect, it } from "vitest";
import { createAthleteProfile } from "./athlete";
import { createRng } from "./prng";
import { planWorkout, targetAt } from "./workout-plan";

const plan = (seed: number, totalS: number) => {
  const rng = createRng(seed);
  return planWorkout(rng, createAthleteProfile(rng), totalS);
};

describe("planWorkout", () => {
  it.each([60, 120, 1_800, 3_600, 7_200])(
    "given %i s, when planned, then phases are contiguous and cover the workout exactly",
    (totalS) => {
      for (let seed = 0; seed < 20; seed += 1) {
        const phases = plan(seed, totalS);
        let next = 0;
        for (const phase of phases) {
          expect(phase.startS).toBe(next);
          expect(phase.durationS).toBeGreaterThan(0);
          next += phase.durationS;
        }
        expect(next).toBe(totalS);
      }
    },
  );

  it("given an hour, when planned, then it warms up, alternates hard and easy, holds a steady part and cools down", () => {
    const phases = plan(3, 3_600);
    const kinds = phases.map((p) => p.kind);

    expect(kinds[0]).toBe("warm-up");
    expect(kinds.at(-1)).toBe("cool-down");
    expect(kinds).toContain("steady");
    expect(kinds.filter((k) => k === "hard").length).toBeGreaterThanOrEqual(3);
    const intervals = kinds.filter((k) => k === "hard" || k === "easy");
    intervals.forEach((kind, i) => expect(kind).toBe(i % 2 === 0 ? "hard" : "easy"));
  });

  it("given an hour, when planned, then hard is vigorous, easy moderate and the warm-up ramps up", () => {
    const phases = plan(5, 3_600);
    const warmUp = phases[0];

    expect(warmUp?.to).toBeGreaterThan(warmUp?.from ?? 1);
    for (const p of phases.filter((x) => x.kind === "hard")) expect(p.from).toBeGreaterThanOrEqual(0.85);
    for (const p of phases.filter((x) => x.kind === "easy")) expect(p.from).toBeLessThan(0.77);
  });

  it("given fewer than 10 seconds, when planned, then it refuses", () => {
    expect(() => plan(1, 5)).toThrow(RangeError);
  });
});

describe("targetAt", () => {
  it("given a ramp, when asked along it, then the target moves linearly from start to end", () => {
    const phases = [{ kind: "warm-up" as const, startS: 0, durationS: 11, from: 0.1, to: 0.6 }];

    expect(targetAt(phases, 0).fraction).toBeCloseTo(0.1);
    expect(targetAt(phases, 5).fraction).toBeCloseTo(0.35);
    expect(targetAt(phases, 10).fraction).toBeCloseTo(0.6);
  });
});
