import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, parseZoneProfile, ZoneProfileError, type ZoneProfileInput } from "./zone-profile";

const profile = (overrides: Partial<ZoneProfileInput> = {}): ZoneProfileInput => ({ age: 30, ...overrides });

describe("parseZoneProfile", () => {
  it("given no method, when parsed, then it is %HRmax with 64 % and 77 %", () => {
    expect(parseZoneProfile(profile())).toMatchObject({
      method: "percent-max",
      thresholds: { moderate: 0.64, high: 0.77 },
    });
  });

  it.each([
    ["percent-max", { moderate: 0.64, high: 0.77 }],
    ["heart-rate-reserve", { moderate: 0.4, high: 0.6 }],
  ] as const)("given method %s without thresholds, when parsed, then its defaults apply", (method, expected) => {
    expect(parseZoneProfile(profile({ method, restingHr: 60 })).thresholds).toEqual(expected);
  });

  it("given custom thresholds, when parsed, then they are kept and the defaults are untouched", () => {
    const parsed = parseZoneProfile(profile({ thresholds: { moderate: 0.5, high: 0.7 } }));

    expect(parsed.thresholds).toEqual({ moderate: 0.5, high: 0.7 });
    expect(DEFAULT_THRESHOLDS["percent-max"]).toEqual({ moderate: 0.64, high: 0.77 });
  });

  it.each([
    { birthYear: 1990 },
    { age: 45, maxHr: 181, restingHr: 52.5 },
    { age: 45, method: "heart-rate-reserve", restingHr: 50, thresholds: { moderate: 0.45, high: 0.6425 } },
  ] satisfies ZoneProfileInput[])("given the valid profile %o, when parsed, then it passes", (input) => {
    expect(() => parseZoneProfile(input)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ["neither age nor birth year", { maxHr: 190 }, "age: give exactly one of birthYear or age"],
    ["both age and birth year", { age: 30, birthYear: 1995 }, "age: give exactly one of birthYear or age"],
    ["HRR without resting HR", { age: 30, method: "heart-rate-reserve" }, "restingHr: is required"],
    ["resting at max", { age: 30, maxHr: 180, restingHr: 180 }, "restingHr: must be below maxHr"],
    ["equal thresholds", profile({ thresholds: { moderate: 0.7, high: 0.7 } }), "thresholds.high: must be above"],
    ["falling thresholds", profile({ thresholds: { moderate: 0.8, high: 0.7 } }), "thresholds.high: must be above"],
    ["a zero threshold", profile({ thresholds: { moderate: 0, high: 0.7 } }), "thresholds.moderate: must be above 0"],
    [
      "a threshold of 120 %",
      profile({ thresholds: { moderate: 0.6, high: 1.2 } }),
      "thresholds.high: must be below 1.2",
    ],
    ["a 0.001 % threshold", profile({ thresholds: { moderate: 0.64001, high: 0.77 } }), "at most 4 decimal places"],
    ["a max HR in hundredths", profile({ maxHr: 190.25 }), "maxHr: must have at most one decimal place"],
    ["an absurd max HR", profile({ maxHr: 300 }), "maxHr: must be at most 250 bpm"],
    ["a fractional age", { age: 30.5 }, "age:"],
    ["an unknown method", profile({ method: "220-minus-age" as "percent-max" }), "method:"],
    ["not an object", "age 30", "profile:"],
  ])("given %s, when parsed, then it fails saying so", (_, input, message) => {
    expect(() => parseZoneProfile(input)).toThrow(ZoneProfileError);
    expect(() => parseZoneProfile(input)).toThrow(message);
  });

  it("given several problems, when parsed, then one error lists each with a stable code", () => {
    const error = catchError(() => parseZoneProfile({ method: "heart-rate-reserve", maxHr: 300 }));

    expect(error).toBeInstanceOf(ZoneProfileError);
    expect(error).toMatchObject({ code: "INVALID_ZONE_PROFILE" });
    expect((error as ZoneProfileError).issues).toHaveLength(3);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected a throw");
}
