import { describe, expect, it } from "vitest";
import { estimateTanakaMaxHr, getAgeInYear, getMaxHeartRate } from "./max-heart-rate";
import { ZoneProfileError } from "./zone-profile";

const JAN_1_2025 = new Date("2025-01-01T00:00:00Z");

describe("estimateTanakaMaxHr", () => {
  it.each([
    [20, 194],
    [30, 187],
    [31, 186.3],
    [45, 176.5],
    [70, 159],
  ])("given age %s, when estimated, then max HR is exactly %s", (age, expected) => {
    expect(estimateTanakaMaxHr(age)).toBe(expected);
  });
});

describe("getAgeInYear", () => {
  it.each([
    ["the first instant of the year", "2025-01-01T00:00:00.000Z", 30],
    ["the last instant of the year", "2025-12-31T23:59:59.999Z", 30],
    ["New Year's Eve west of UTC, already 2026 in UTC", "2025-12-31T23:30:00-01:00", 31],
  ])("given born 1995 and %s, when aged, then the UTC year decides", (_, iso, expected) => {
    expect(getAgeInYear(1995, new Date(iso))).toBe(expected);
  });

  it("given an invalid date, when aged, then it throws", () => {
    expect(() => getAgeInYear(1995, new Date("not a date"))).toThrow(RangeError);
  });
});

describe("getMaxHeartRate", () => {
  it.each([
    ["a measured max", { age: 30, maxHr: 195 }, 195],
    ["a measured max and a birth year", { birthYear: 1995, maxHr: 181.5 }, 181.5],
    ["an age only", { age: 30 }, 187],
    ["a birth year only", { birthYear: 1995 }, 187],
  ])("given %s, when resolved, then max HR is %s", (_, profile, expected) => {
    expect(getMaxHeartRate(profile, JAN_1_2025)).toBe(expected);
  });

  it.each([2025, 2030])("given birth year %s, when aged at 2025, then the profile is rejected", (birthYear) => {
    expect(() => getMaxHeartRate({ birthYear }, JAN_1_2025)).toThrow(ZoneProfileError);
    expect(() => getMaxHeartRate({ birthYear }, JAN_1_2025)).toThrow("birthYear:");
  });
});
