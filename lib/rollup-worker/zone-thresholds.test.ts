import { describe, expect, it } from "vitest";
import { resolveThresholds, type UserZoneSettings } from "./zone-thresholds";

const WORKOUT_DATE = new Date(Date.UTC(2025, 5, 1));
const user = (overrides: Partial<UserZoneSettings>): UserZoneSettings => ({
  birthYear: null,
  maxHr: null,
  restingHr: null,
  zoneMethod: "PERCENT_MAX",
  moderateThreshold: null,
  highThreshold: null,
  ...overrides,
});

describe("resolveThresholds", () => {
  it.each([
    ["a measured max", { maxHr: 190, birthYear: 1990 }, 121.6, 146.3],
    ["Tanaka from the birth year (age 30 in 2025: 187)", { birthYear: 1995 }, 119.68, 143.99],
    ["neither: the default age 35 (Tanaka 183.5)", {}, 117.44, 141.295],
    [
      "heart-rate reserve (60 + 40 % / 60 % of 130)",
      { zoneMethod: "HEART_RATE_RESERVE", maxHr: 190, restingHr: 60 },
      112,
      138,
    ],
    ["own thresholds", { maxHr: 200, moderateThreshold: 0.6, highThreshold: 0.8 }, 120, 160],
    ["one own threshold, the other the default", { maxHr: 200, moderateThreshold: 0.7 }, 140, 154],
  ] as const)("given %s, when resolved, then the bounds are exact", (_, settings, moderateBpm, highBpm) => {
    const { thresholds, fallback } = resolveThresholds(user(settings), WORKOUT_DATE, 35);

    expect(thresholds).toMatchObject({ moderateBpm, highBpm });
    expect(fallback).toBeNull();
  });

  it.each([
    ["heart-rate reserve without resting HR", { zoneMethod: "HEART_RATE_RESERVE", maxHr: 190 }, 121.6, "restingHr"],
    ["moderate not below high", { maxHr: 190, moderateThreshold: 0.8, highThreshold: 0.7 }, 121.6, "thresholds"],
    ["a birth year in the future and no max", { birthYear: 2030 }, 117.44, "birthYear"],
    [
      "a resting HR above the Tanaka max",
      { zoneMethod: "HEART_RATE_RESERVE", birthYear: 1995, restingHr: 190 },
      119.68,
      "restingHr",
    ],
  ] as const)(
    "given %s, when resolved, then %HRmax defaults are used and the reason given",
    (_, settings, moderateBpm, field) => {
      const { thresholds, fallback } = resolveThresholds(user(settings), WORKOUT_DATE, 35);

      expect(thresholds.moderateBpm).toBe(moderateBpm);
      expect(fallback).toContain(field);
    },
  );

  it("given another default age, when a user has no data, then it is used", () => {
    expect(resolveThresholds(user({}), WORKOUT_DATE, 30).thresholds.maxHr).toBe(187);
  });
});
