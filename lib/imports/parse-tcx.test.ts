import { describe, expect, it } from "vitest";
import { parseWorkoutFile } from "./parse-workout-file";
import { T0, bytesOf, importErrorOf, makeTcx } from "./workout-files.fixtures";

const parse = (tcx: string) => parseWorkoutFile(bytesOf(tcx), { fileName: "ride.tcx" });

describe("parseWorkoutFile, TCX", () => {
  it("given trackpoints with heart rates, when parsed, then every reading comes out with its UTC time", () => {
    const workout = parse(
      makeTcx({
        points: [
          [0, 120],
          [1, 121],
          [5, 130],
        ],
      }),
    );

    expect(workout).toEqual({
      format: "tcx",
      sport: "running",
      startedAt: T0,
      readings: [
        { ts: T0, bpm: 120 },
        { ts: T0 + 1_000, bpm: 121 },
        { ts: T0 + 5_000, bpm: 130 },
      ],
      skipped: { noHeartRate: 0, outOfRange: 0, noTimestamp: 0, duplicateTimestamp: 0 },
    });
  });

  it.each([
    ["Running", "running"],
    ["Biking", "cycling"],
    ["Other", "other"],
    ["Underwater basket weaving", "other"],
  ])("given Activity Sport=%s, when parsed, then the sport is %s", (sport, expected) => {
    expect(parse(makeTcx({ sport })).sport).toBe(expected);
  });

  it("given an Activity Id before the first trackpoint, when parsed, then startedAt is the Id", () => {
    expect(parse(makeTcx({ id: -90, points: [[0, 120]] })).startedAt).toBe(T0 - 90_000);
  });

  it("given times with an offset and milliseconds, when parsed, then ts is the exact UTC instant", () => {
    const workout = parse(
      makeTcx({
        points: [
          ["2025-01-06T12:00:00.250+02:00", 120],
          ["2025-01-06T10:00:01.5Z", 121],
        ],
      }),
    );

    expect(workout.readings.map((r) => r.ts)).toEqual([T0 + 250, T0 + 1_500]);
  });

  it("given trackpoints without HeartRateBpm or with a non-numeric value, when parsed, then they are skipped and counted", () => {
    const workout = parse(makeTcx({ points: [[0, 120], [1], [2, "n/a"], [3, 122]] }));

    expect(workout.readings.map((r) => r.bpm)).toEqual([120, 122]);
    expect(workout.skipped.noHeartRate).toBe(2);
  });

  it("given heart rates outside 25–250, when parsed, then they are skipped and counted", () => {
    const workout = parse(
      makeTcx({
        points: [
          [0, 0],
          [1, 251],
          [2, 25],
        ],
      }),
    );

    expect(workout.readings).toEqual([{ ts: T0 + 2_000, bpm: 25 }]);
    expect(workout.skipped.outOfRange).toBe(2);
  });

  it("given a trackpoint with an unreadable time, when parsed, then it counts as having no timestamp", () => {
    const workout = parse(
      makeTcx({
        points: [
          ["yesterday", 120],
          [0, 121],
        ],
      }),
    );

    expect(workout.readings).toEqual([{ ts: T0, bpm: 121 }]);
    expect(workout.skipped.noTimestamp).toBe(1);
  });

  it("given the same time twice, when parsed, then the first in the file wins", () => {
    const workout = parse(
      makeTcx({
        points: [
          [0, 120],
          ["2025-01-06T11:00:00+01:00", 150],
        ],
      }),
    );

    expect(workout.readings).toEqual([{ ts: T0, bpm: 120 }]);
    expect(workout.skipped.duplicateTimestamp).toBe(1);
  });

  it("given a multisport session, when parsed, then readings of every leg come out and the sport is multisport", () => {
    const leg = (sport: string, at: string, bpm: number) =>
      `<Activity Sport="${sport}"><Id>${at}</Id><Lap StartTime="${at}"><Track><Trackpoint><Time>${at}</Time><HeartRateBpm><Value>${bpm}</Value></HeartRateBpm></Trackpoint></Track></Lap></Activity>`;
    const tcx = `<TrainingCenterDatabase><Activities><MultiSportSession><Id>2025-01-06T10:00:00Z</Id>
      <FirstSport>${leg("Running", "2025-01-06T10:00:00Z", 140)}</FirstSport>
      <NextSport>${leg("Biking", "2025-01-06T10:30:00Z", 130)}</NextSport>
    </MultiSportSession></Activities></TrainingCenterDatabase>`;

    const workout = parse(tcx);

    expect(workout.sport).toBe("multisport");
    expect(workout.readings).toEqual([
      { ts: T0, bpm: 140 },
      { ts: T0 + 1_800_000, bpm: 130 },
    ]);
  });

  it("given a namespace prefix on every element, when parsed, then it reads the same", () => {
    const prefixed = makeTcx({ points: [[0, 120]] }).replace(/<(\/?)(?!\?)([A-Za-z])/g, "<$1tcx:$2");

    expect(parse(prefixed).readings).toEqual([{ ts: T0, bpm: 120 }]);
  });

  it("given no heart rate anywhere, when parsed, then it fails with NO_HEART_RATE", () => {
    const error = importErrorOf(() => parse(makeTcx({ points: [[0], [1]] })));

    expect(error.code).toBe("NO_HEART_RATE");
    expect(error.message).toContain('"ride.tcx" has no heart-rate samples');
  });

  it("given a file cut off mid-track, when parsed, then it is CORRUPT_FILE", () => {
    const tcx = makeTcx({
      points: [
        [0, 120],
        [1, 121],
      ],
    });

    const error = importErrorOf(() => parse(tcx.slice(0, tcx.indexOf("</Track>"))));

    expect(error.code).toBe("CORRUPT_FILE");
    expect(error.message).toContain('"ride.tcx" is damaged or incomplete');
  });
});
