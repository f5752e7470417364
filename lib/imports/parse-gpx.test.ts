import { describe, expect, it } from "vitest";
import { parseWorkoutFile } from "./parse-workout-file";
import { T0, bytesOf, importErrorOf, makeGpx } from "./workout-files.fixtures";

const parse = (gpx: string) => parseWorkoutFile(bytesOf(gpx), { fileName: "hike.gpx" });

describe("parseWorkoutFile, GPX", () => {
  it("given trkpts with TrackPointExtension heart rates, when parsed, then every reading comes out with its UTC time", () => {
    const workout = parse(
      makeGpx({
        points: [
          [0, 120],
          [1, 121],
          [4, 119],
        ],
      }),
    );

    expect(workout).toEqual({
      format: "gpx",
      sport: "running",
      startedAt: T0,
      readings: [
        { ts: T0, bpm: 120 },
        { ts: T0 + 1_000, bpm: 121 },
        { ts: T0 + 4_000, bpm: 119 },
      ],
      skipped: { noHeartRate: 0, outOfRange: 0, noTimestamp: 0, duplicateTimestamp: 0 },
    });
  });

  it.each([
    ["gpxtpx", "trackPointExtension"],
    ["ns3", "trackPointExtension"],
    ["tpx", "trackPointExtension"],
    ["gpxtpx", "bare"],
  ] as const)("given heart rates under prefix %s (%s), when parsed, then they are read", (prefix, layout) => {
    expect(parse(makeGpx({ prefix, layout, points: [[0, 133]] })).readings).toEqual([{ ts: T0, bpm: 133 }]);
  });

  it.each([
    ["running", "running"],
    ["cycling", "cycling"],
    ["Biking", "cycling"],
    ["trail_running", "running"],
    ["road_biking", "cycling"],
    ["9", "other"],
    [null, "other"],
  ])("given trk type %s, when parsed, then the sport is %s", (type, expected) => {
    expect(parse(makeGpx({ type })).sport).toBe(expected);
  });

  it("given metadata written later than the track, when parsed, then startedAt is the first trkpt", () => {
    expect(parse(makeGpx({ points: [[12, 120]] })).startedAt).toBe(T0 + 12_000);
  });

  it("given a time without a zone, when parsed, then it is read as UTC as GPX requires", () => {
    expect(parse(makeGpx({ points: [["2025-01-06T10:00:00", 120]] })).readings).toEqual([{ ts: T0, bpm: 120 }]);
  });

  it("given trkpts without extensions, when parsed, then they are skipped and counted", () => {
    const workout = parse(makeGpx({ points: [[0], [1, 120], [2]] }));

    expect(workout.readings).toEqual([{ ts: T0 + 1_000, bpm: 120 }]);
    expect(workout.skipped.noHeartRate).toBe(2);
  });

  it("given heart rates outside 25–250 and a duplicate time, when parsed, then each is skipped and counted", () => {
    const workout = parse(
      makeGpx({
        points: [
          [0, 20],
          [1, 300],
          [2, 140],
          [2, 141],
        ],
      }),
    );

    expect(workout.readings).toEqual([{ ts: T0 + 2_000, bpm: 140 }]);
    expect(workout.skipped).toEqual({ noHeartRate: 0, outOfRange: 2, noTimestamp: 0, duplicateTimestamp: 1 });
  });

  it("given a GPS-only track, when parsed, then it fails with NO_HEART_RATE", () => {
    const error = importErrorOf(() => parse(makeGpx({ points: [[0], [1]] })));

    expect(error.code).toBe("NO_HEART_RATE");
  });

  it("given only out-of-range heart rates, when parsed, then NO_HEART_RATE says they were out of range", () => {
    const error = importErrorOf(() => parse(makeGpx({ points: [[0, 0]] })));

    expect(error.code).toBe("NO_HEART_RATE");
    expect(error.message).toContain("all 1 were outside 25–250 bpm");
  });
});
