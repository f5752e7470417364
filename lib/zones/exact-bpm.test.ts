import { describe, expect, it } from "vitest";
import { bpmAtFraction, hasAtMostDecimals } from "./exact-bpm";

describe("bpmAtFraction", () => {
  it.each([
    // [fraction, max, base, expected]
    [0.64, 190, 0, 121.6],
    [0.77, 190, 0, 146.3],
    [0.64, 186.3, 0, 119.232],
    [0.4, 190, 60, 112],
    [0.6, 180, 55, 130],
    [0.6425, 200, 0, 128.5],
  ])("given %s of max %s above %s, when computed, then it is exactly %s", (fraction, max, base, expected) => {
    expect(bpmAtFraction(fraction, max, base)).toBe(expected);
  });

  it("given the spec's example, when computed, then it matches the literal that naive multiplication misses", () => {
    expect(190 * 0.64).not.toBe(121.6);
    expect(bpmAtFraction(0.64, 190)).toBe(121.6);
  });

  it.each([
    [0.64321, 190, 0],
    [0.64, 190.25, 0],
    [0.4, 190, 60.05],
  ])("given an over-precise input (%s, %s, %s), when computed, then it refuses rather than round", (f, max, base) => {
    expect(() => bpmAtFraction(f, max, base)).toThrow(RangeError);
  });
});

describe("hasAtMostDecimals", () => {
  it.each([
    [121.6, 1, true],
    [0.1 + 0.2, 1, true],
    [121.65, 1, false],
    [0.6425, 4, true],
    [0.64251, 4, false],
    [Number.NaN, 1, false],
    [Infinity, 1, false],
  ])("given %s and %s decimal(s), when checked, then %s", (value, decimals, expected) => {
    expect(hasAtMostDecimals(value, decimals)).toBe(expected);
  });
});
