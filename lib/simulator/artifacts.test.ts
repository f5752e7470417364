import { describe, expect, it } from "vitest";
import { DEFAULT_ARTIFACT_RATES, scheduleSamples } from "./artifacts";
import { createRng } from "./prng";

const NONE = { ...DEFAULT_ARTIFACT_RATES, dropoutPerSecond: 0, duplicatePerReading: 0 };

describe("scheduleSamples", () => {
  it("given no artifacts, when scheduled, then there is one sample per second sent on time", () => {
    const { samples, dropouts } = scheduleSamples(createRng(1), 600, 300, NONE);

    expect(dropouts).toEqual([]);
    expect(samples.map((s) => s.s)).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(samples.every((s) => s.sendS === s.s && s.ms >= 300 && s.ms < 1000)).toBe(true);
  });

  it("given an hour at default rates, when scheduled, then dropouts leave gaps of 10 to 60 s with no samples", () => {
    const { samples, dropouts } = scheduleSamples(createRng(11), 3_600, 0);
    const seconds = new Set(samples.map((s) => s.s));

    expect(dropouts.length).toBeGreaterThan(0);
    for (const { startS, durationS } of dropouts) {
      expect(durationS).toBeGreaterThanOrEqual(10);
      expect(durationS).toBeLessThanOrEqual(60);
      for (let s = startS; s < startS + durationS; s += 1) expect(seconds.has(s)).toBe(false);
      expect(seconds.has(startS - 1) && seconds.has(startS + durationS)).toBe(true);
    }
  });

  it("given an hour at default rates, when scheduled, then each duplicate repeats an earlier second, sent 1-3 s later", () => {
    const { samples } = scheduleSamples(createRng(11), 3_600, 0);
    const duplicates = samples.filter((s) => s.duplicate);

    expect(duplicates.length).toBeGreaterThan(0);
    for (const dup of duplicates) {
      const original = samples.find((s) => s.s === dup.s && !s.duplicate);
      expect(original).toBeDefined();
      expect(dup.sendS - dup.s).toBeGreaterThanOrEqual(1);
      expect(dup.sendS - dup.s).toBeLessThanOrEqual(3);
      expect(samples.indexOf(dup)).toBeGreaterThan(samples.indexOf(original ?? dup));
    }
  });

  it("given artifacts, when scheduled, then the first and last 30 s are untouched", () => {
    const rates = { ...DEFAULT_ARTIFACT_RATES, dropoutPerSecond: 0.05, duplicatePerReading: 0.2 };
    const { samples } = scheduleSamples(createRng(2), 600, 0, rates);
    const edge = samples.filter((s) => s.s < 30 || s.s >= 570);

    expect(edge.map((s) => s.s)).toEqual([
      ...Array.from({ length: 30 }, (_, i) => i),
      ...Array.from({ length: 30 }, (_, i) => 570 + i),
    ]);
  });
});
