import { describe, expect, it } from "vitest";
import { getIntensityMinutes, sumIntensityMinutesByIsoWeek } from "./intensity-minutes";

const MIN = 60_000;
const workout = (iso: string, moderateMinutes: number, highMinutes: number) => ({
  startTs: Date.parse(iso),
  moderateMs: moderateMinutes * MIN,
  highMs: highMinutes * MIN,
});

describe("getIntensityMinutes", () => {
  it.each([
    [{ moderateMs: 30 * MIN, highMs: 0 }, 30],
    [{ moderateMs: 0, highMs: 10 * MIN }, 20],
    [{ moderateMs: 90_000, highMs: 45_000 }, 3],
    [{ moderateMs: 1_000, highMs: 0 }, 1 / 60],
    [{ moderateMs: 0, highMs: 0 }, 0],
  ])("given %o, when counted, then it is %s intensity minutes", (time, expected) => {
    expect(getIntensityMinutes(time)).toBe(expected);
  });
});

describe("sumIntensityMinutesByIsoWeek", () => {
  it("given workouts around a Monday midnight, when summed, then each lands in its UTC ISO week, weeks ascending", () => {
    const weeks = sumIntensityMinutesByIsoWeek([
      workout("2025-01-06T00:00:00Z", 10, 5), // Monday: week 2
      workout("2025-01-05T23:59:00Z", 30, 0), // Sunday night, runs past midnight: still week 1
      workout("2025-01-01T07:00:00Z", 20, 10), // week 1
    ]);

    expect(weeks).toEqual([
      {
        weekStart: Date.parse("2024-12-30T00:00:00Z"),
        isoWeek: "2025-W01",
        workoutCount: 2,
        moderateMs: 50 * MIN,
        highMs: 10 * MIN,
        moderateMinutes: 50,
        highMinutes: 10,
        intensityMinutes: 70,
      },
      {
        weekStart: Date.parse("2025-01-06T00:00:00Z"),
        isoWeek: "2025-W02",
        workoutCount: 1,
        moderateMs: 10 * MIN,
        highMs: 5 * MIN,
        moderateMinutes: 10,
        highMinutes: 5,
        intensityMinutes: 20,
      },
    ]);
  });

  it("given WHO's targets, when summed, then 150 moderate or 75 high minutes are both 150 intensity minutes", () => {
    const [moderate] = sumIntensityMinutesByIsoWeek([workout("2025-03-03T10:00:00Z", 150, 0)]);
    const [high] = sumIntensityMinutesByIsoWeek([workout("2025-03-03T10:00:00Z", 0, 75)]);

    expect([moderate?.intensityMinutes, high?.intensityMinutes]).toEqual([150, 150]);
  });

  it("given no workouts, when summed, then there are no weeks", () => {
    expect(sumIntensityMinutesByIsoWeek([])).toEqual([]);
  });
});
