import { Utils } from "@garmin/fitsdk";
import { describe, expect, it } from "vitest";
import { parseWorkoutFile } from "./parse-workout-file";
import { T0, importErrorOf, makeFit, recordProgress, steadyPoints, wrapFitData } from "./workout-files.fixtures";

const parse = (bytes: Uint8Array) => parseWorkoutFile(bytes, { fileName: "morning-run.fit" });

describe("parseWorkoutFile, FIT", () => {
  it("given records with heart rates, when parsed, then every reading comes out with its UTC time", () => {
    const workout = parse(
      makeFit({
        points: [
          [0, 120],
          [1, 121],
          [3, 125],
        ],
      }),
    );

    expect(workout).toEqual({
      format: "fit",
      sport: "running",
      startedAt: T0,
      readings: [
        { ts: T0, bpm: 120 },
        { ts: T0 + 1_000, bpm: 121 },
        { ts: T0 + 3_000, bpm: 125 },
      ],
      skipped: { noHeartRate: 0, outOfRange: 0, noTimestamp: 0, duplicateTimestamp: 0 },
    });
  });

  it("given a record an hour in, when parsed, then its ts is exact epoch ms UTC, not FIT-epoch seconds", () => {
    const [reading] = parse(makeFit({ points: [[3_600, 130]] })).readings;

    expect(reading?.ts).toBe(Date.UTC(2025, 0, 6, 11, 0, 0));
    expect(new Date(reading?.ts ?? 0).toISOString()).toBe("2025-01-06T11:00:00.000Z");
  });

  it("given a session that started before the first record, when parsed, then startedAt is the session's start", () => {
    const workout = parse(makeFit({ points: [[60, 120]], startTime: T0 - 30_000 }));

    expect(workout.startedAt).toBe(T0 - 30_000);
  });

  it("given no session, when parsed, then startedAt is the first record's time", () => {
    const workout = parse(makeFit({ points: [[5, 120]], sport: null }));

    expect(workout.startedAt).toBe(T0 + 5_000);
  });

  it.each([
    ["running", "running"],
    ["cycling", "cycling"],
    ["swimming", "swimming"],
    ["fitnessEquipment", "fitness_equipment"],
    ["crossCountrySkiing", "cross_country_skiing"],
    ["generic", "other"],
  ] as const)("given session sport %s, when parsed, then the sport is %s", (sport, expected) => {
    expect(parse(makeFit({ sport })).sport).toBe(expected);
  });

  it("given no session but a sport message, when parsed, then the sport message names the sport", () => {
    expect(parse(makeFit({ sport: null, sportMesg: "cycling" })).sport).toBe("cycling");
  });

  it("given neither a session nor a sport message, when parsed, then the sport is other", () => {
    expect(parse(makeFit({ sport: null })).sport).toBe("other");
  });

  it("given records without heart_rate, when parsed, then they are skipped and counted", () => {
    const workout = parse(makeFit({ points: [[0, 120], [1], [2], [3, 122]] }));

    expect(workout.readings.map((r) => r.bpm)).toEqual([120, 122]);
    expect(workout.skipped.noHeartRate).toBe(2);
  });

  it("given 255, FIT's invalid uint8, when parsed, then the SDK drops the field and it counts as no heart rate", () => {
    const workout = parse(
      makeFit({
        points: [
          [0, 120],
          [1, 255],
        ],
      }),
    );

    expect(workout.readings).toHaveLength(1);
    expect(workout.skipped).toMatchObject({ noHeartRate: 1, outOfRange: 0 });
  });

  it("given heart rates at and beyond 25 and 250, when parsed, then only those outside are skipped and counted", () => {
    const workout = parse(
      makeFit({
        points: [
          [0, 0],
          [1, 24],
          [2, 25],
          [3, 250],
          [4, 251],
        ],
      }),
    );

    expect(workout.readings.map((r) => r.bpm)).toEqual([25, 250]);
    expect(workout.skipped.outOfRange).toBe(3);
  });

  it("given two records at one second, when parsed, then the first in the file wins", () => {
    const workout = parse(
      makeFit({
        points: [
          [0, 120],
          [0, 140],
          [1, 121],
        ],
      }),
    );

    expect(workout.readings).toEqual([
      { ts: T0, bpm: 120 },
      { ts: T0 + 1_000, bpm: 121 },
    ]);
    expect(workout.skipped.duplicateTimestamp).toBe(1);
  });

  it("given records out of time order, when parsed, then readings come back sorted", () => {
    const workout = parse(
      makeFit({
        points: [
          [2, 122],
          [0, 120],
          [1, 121],
        ],
      }),
    );

    expect(workout.readings.map((r) => r.ts - T0)).toEqual([0, 1_000, 2_000]);
  });

  it("given a device-relative time (below 0x10000000 s), when parsed, then the record counts as having no timestamp", () => {
    const powerOnPlus1000s = (Utils.FIT_EPOCH_MS + 1_000_000 - T0) / 1000;

    const workout = parse(
      makeFit({
        points: [
          [powerOnPlus1000s, 120],
          [0, 121],
        ],
      }),
    );

    expect(workout.readings).toEqual([{ ts: T0, bpm: 121 }]);
    expect(workout.skipped.noTimestamp).toBe(1);
  });

  it("given records with no heart rate at all, when parsed, then it fails with NO_HEART_RATE", () => {
    const error = importErrorOf(() => parse(makeFit({ points: [[0], [1]] })));

    expect(error.code).toBe("NO_HEART_RATE");
    expect(error.message).toContain("has no heart-rate samples");
  });

  it("given a flipped byte in the data, when parsed, then it fails its CRC check as CORRUPT_FILE", () => {
    const bytes = makeFit({ points: steadyPoints(10) });
    bytes[40] = bytes[40]! ^ 0xff;

    const error = importErrorOf(() => parse(bytes));

    expect(error.code).toBe("CORRUPT_FILE");
    expect(error.message).toBe(
      '"morning-run.fit" is a damaged FIT file: it failed its CRC check; copy or download it again',
    );
  });

  it("given a flipped byte in the header CRC, when parsed, then it is CORRUPT_FILE too", () => {
    const bytes = makeFit();
    bytes[12] = bytes[12]! ^ 0x01;

    expect(importErrorOf(() => parse(bytes)).message).toContain("CRC");
  });

  it("given a file cut short, when parsed, then it is CORRUPT_FILE and says how much is missing", () => {
    const whole = makeFit({ points: steadyPoints(10) });

    const error = importErrorOf(() => parse(whole.subarray(0, whole.length - 20)));

    expect(error.code).toBe("CORRUPT_FILE");
    expect(error.message).toContain(`incomplete FIT file: it has ${whole.length - 20} of ${whole.length} bytes`);
  });

  it("given a record with a compressed timestamp header, when parsed, then the SDK's limit is UNSUPPORTED_FORMAT", () => {
    const recordDefinition = [0x40, 0, 0, 20, 0, 2, 253, 4, 0x86, 3, 1, 0x02];
    const record = [0x00, 0x00, 0x00, 0x00, 0x40, 120];
    const compressed = [0x85, 121];

    const error = importErrorOf(() => parse(wrapFitData([...recordDefinition, ...record, ...compressed])));

    expect(error.code).toBe("UNSUPPORTED_FORMAT");
    expect(error.message).toContain("compressed FIT timestamps");
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("given 3 hours at 1 Hz, when parsed, then all 10,800 readings come out quickly with progress to 1", () => {
    const bytes = makeFit({ points: steadyPoints(10_800) });

    const started = performance.now();
    let workout: ReturnType<typeof parse> | undefined;
    const fractions = recordProgress((onProgress) => {
      workout = parseWorkoutFile(bytes, { onProgress });
    });
    const elapsedMs = performance.now() - started;

    expect(workout?.readings).toHaveLength(10_800);
    expect(workout?.readings.at(-1)).toEqual({ ts: T0 + 10_799_000, bpm: 100 + (10_799 % 60) });
    // About 50 ms on a laptop; the bound only catches an accidental quadratic.
    expect(elapsedMs).toBeLessThan(2_000);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(10);
  });
});
