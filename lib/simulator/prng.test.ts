import { describe, expect, it } from "vitest";
import { createRng, deriveSeed } from "./prng";

const draw = (seed: number, n = 5) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.float());
};

describe("createRng", () => {
  it("given the same seed, when drawn twice, then the sequences are identical", () => {
    expect(draw(42)).toEqual(draw(42));
  });

  it("given different seeds, when drawn, then the sequences differ", () => {
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("given many draws, when ranged, then every value is inside its bounds", () => {
    const rng = createRng(1);
    for (let i = 0; i < 10_000; i += 1) {
      const f = rng.float();
      const n = rng.int(10, 60);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      expect(Number.isInteger(n) && n >= 10 && n <= 60).toBe(true);
    }
  });

  it("given many normal draws, when averaged, then mean and spread are as asked", () => {
    const rng = createRng(7);
    const values = Array.from({ length: 20_000 }, () => rng.normal(70, 4));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);

    expect(mean).toBeCloseTo(70, 0);
    expect(sd).toBeCloseTo(4, 0);
  });
});

describe("deriveSeed", () => {
  it("given one run seed, when derived per watch, then each watch has its own stable seed", () => {
    const seeds = Array.from({ length: 100 }, (_, watch) => deriveSeed(42, watch));

    expect(new Set(seeds).size).toBe(100);
    expect(deriveSeed(42, 7)).toBe(seeds[7]);
  });
});
