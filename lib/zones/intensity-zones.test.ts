import { describe, expect, it } from "vitest";
import { classifyIntensity, getIntensityRanges, getIntensityThresholds } from "./intensity-zones";
import { parseZoneProfile, ZoneProfileError, type ZoneProfileInput } from "./zone-profile";

const REFERENCE = new Date("2025-06-01T00:00:00Z");
const thresholdsOf = (input: ZoneProfileInput) => getIntensityThresholds(parseZoneProfile(input), REFERENCE);

describe("getIntensityThresholds", () => {
  it.each<[string, ZoneProfileInput, number, number]>([
    ["%HRmax, measured 190", { age: 30, maxHr: 190 }, 121.6, 146.3],
    ["%HRmax, Tanaka age 30 (187)", { age: 30 }, 119.68, 143.99],
    ["%HRmax, Tanaka born 1994 (186.3)", { birthYear: 1994 }, 119.232, 143.451],
    ["HRR, 60 to 190", { age: 30, maxHr: 190, restingHr: 60, method: "heart-rate-reserve" }, 112, 138],
    ["HRR, 55 to Tanaka 180", { age: 40, restingHr: 55, method: "heart-rate-reserve" }, 105, 130],
    ["custom 50 % / 70 % of 200", { age: 30, maxHr: 200, thresholds: { moderate: 0.5, high: 0.7 } }, 100, 140],
  ])("given %s, when resolved, then moderate starts at %s and high at %s, unrounded", (_, input, moderate, high) => {
    expect(thresholdsOf(input)).toMatchObject({ moderateBpm: moderate, highBpm: high });
  });

  it("given HRR with a resting HR above the Tanaka max, when resolved, then it is rejected clearly", () => {
    const profile = parseZoneProfile({ age: 120, restingHr: 130, method: "heart-rate-reserve" });

    expect(() => getIntensityThresholds(profile, REFERENCE)).toThrow(ZoneProfileError);
    expect(() => getIntensityThresholds(profile, REFERENCE)).toThrow("below the maximum heart rate 124");
  });
});

describe("classifyIntensity", () => {
  const max190 = thresholdsOf({ age: 30, maxHr: 190 });
  const hrr = thresholdsOf({ age: 30, maxHr: 190, restingHr: 60, method: "heart-rate-reserve" });

  it.each([
    [0, "low"],
    [121.5, "low"],
    [121.59, "low"],
    [121.6, "moderate"],
    [146.29, "moderate"],
    [146.3, "high"],
    [190, "high"],
    [230, "high"],
  ] as const)("given %HRmax with max 190 and %s bpm, when classified, then it is %s", (bpm, level) => {
    expect(classifyIntensity(bpm, max190)).toBe(level);
  });

  it.each([
    [111.9, "low"],
    [112, "moderate"],
    [137.9, "moderate"],
    [138, "high"],
  ] as const)("given HRR 60 to 190 and %s bpm, when classified, then it is %s", (bpm, level) => {
    expect(classifyIntensity(bpm, hrr)).toBe(level);
  });
});

describe("getIntensityRanges", () => {
  const thresholds = thresholdsOf({ age: 30, maxHr: 190 });

  it("given max 190, when previewed, then three half-open ranges meet at the thresholds", () => {
    expect(getIntensityRanges(thresholds)).toEqual([
      { level: "low", fromBpm: 0, toBpm: 121.6 },
      { level: "moderate", fromBpm: 121.6, toBpm: 146.3 },
      { level: "high", fromBpm: 146.3, toBpm: null },
    ]);
  });

  it("given any bpm to a tenth, when looked up, then exactly one range holds it and it agrees with classify", () => {
    const ranges = getIntensityRanges(thresholds);
    const disagreements = [];
    for (let tenths = 0; tenths <= 2500; tenths++) {
      const bpm = tenths / 10;
      const holding = ranges.filter((r) => bpm >= r.fromBpm && (r.toBpm === null || bpm < r.toBpm));
      if (holding.length !== 1 || holding[0]?.level !== classifyIntensity(bpm, thresholds)) disagreements.push(bpm);
    }

    expect(disagreements).toEqual([]);
  });
});
