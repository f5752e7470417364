import { describe, expect, it } from "vitest";
import { buildWorkoutUpdate, workoutUpdateSchema, type WorkoutTotals } from "./workout-update";

const totals: WorkoutTotals = {
  workoutId: "6f1c2b8e-7a55-4d0e-9c43-0d7a4e1b2c3d",
  userId: "f0e1d2c3-b4a5-4968-8776-a5b4c3d2e1f0",
  status: "ACTIVE",
  lowMs: 90_000,
  moderateMs: 30_000,
  highMs: 45_000,
  readingCount: 165,
  dropoutCount: 1,
  dropoutMs: 7_000,
  latest: { ts: 1_736_157_700_000, bpm: 151.5 },
  lastMinute: {
    minute: 1_736_157_660_000,
    lowMs: 0,
    moderateMs: 20_000,
    highMs: 40_000,
    count: 60,
    bpmSum: 8_700,
    bpmMin: 130,
    bpmMax: 160,
    dropoutMs: 0,
  },
};

describe("buildWorkoutUpdate", () => {
  it("given a workout's totals, when built, then minutes, intensity minutes and the last minute's average are derived", () => {
    const update = buildWorkoutUpdate(totals, 1_736_157_701_000);

    expect(update).toMatchObject({
      minutes: { low: 1.5, moderate: 0.5, high: 0.75 },
      intensityMinutes: 2,
      latest: { ts: 1_736_157_700_000, bpm: 151.5 },
      lastMinute: { minute: 1_736_157_660_000, bpmAverage: 145, count: 60 },
      updatedAt: 1_736_157_701_000,
    });
    expect(workoutUpdateSchema.parse(update)).toEqual(update);
  });

  it("given no minute and no reading, when built, then those parts are null and it still validates", () => {
    const update = buildWorkoutUpdate({ ...totals, latest: null, lastMinute: null }, 1);

    expect(workoutUpdateSchema.parse(update)).toMatchObject({ latest: null, lastMinute: null });
  });
});
