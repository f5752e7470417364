import { describe, expect, it } from "vitest";
import {
  dtDirName,
  formatLakeFileName,
  formatTempFileName,
  parseDtDirName,
  parseLakeFileName,
  tempFilePartition,
  utcDay,
} from "./lake-file-name";

const range = { topic: "heartrate.readings", partition: 3, firstOffset: 1200, lastOffset: 1799 };

describe("lake file names", () => {
  it("given a range, when formatted, then it is Kafka Connect's topic+partition+first+last with 10-digit offsets", () => {
    expect(formatLakeFileName(range)).toBe("heartrate.readings+3+0000001200+0000001799.parquet");
  });

  it.each([
    range,
    { topic: "heartrate.readings.it-lake-x_1", partition: 0, firstOffset: 0, lastOffset: 0 },
    { topic: "t", partition: 11, firstOffset: 12_345_678_901, lastOffset: 12_345_678_999 },
  ])("given $topic+$partition, when formatted and parsed, then it round-trips", (r) => {
    expect(parseLakeFileName(formatLakeFileName(r))).toEqual(r);
  });

  it.each([
    "heartrate.readings+3+0000001200+0000001799.parquet.tmp",
    "heartrate.readings+3+0000001200.parquet",
    "heartrate.readings+3+0000001799+0000001200.parquet",
    "heartrate.readings+x+0000001200+0000001799.parquet",
    "_SUCCESS",
  ])("given %s, when parsed, then it is not a lake file", (name) => {
    expect(parseLakeFileName(name)).toBeNull();
  });

  it("given a reversed or negative range, when formatted, then it throws", () => {
    expect(() => formatLakeFileName({ ...range, lastOffset: 1 })).toThrow(RangeError);
    expect(() => formatLakeFileName({ ...range, firstOffset: -1 })).toThrow(RangeError);
  });
});

describe("temporary file names", () => {
  it("given a range and an attempt id, when formatted, then it names the partition first and is no lake file", () => {
    const name = formatTempFileName(range, "a1b2");

    expect(name).toBe("heartrate.readings+3+0000001200+0000001799.a1b2.tmp");
    expect(parseLakeFileName(name)).toBeNull();
    expect(tempFilePartition(name, "heartrate.readings")).toBe(3);
  });

  it.each([
    ["heartrate.readings+3+0000001200+0000001799.a1b2.tmp", "heartrate.readings.ns", null],
    ["heartrate.readings.ns+3+0000001200+0000001799.a1b2.tmp", "heartrate.readings", null],
    ["heartrate.readings+31+0000001200+0000001799.a1b2.tmp", "heartrate.readings", 31],
    ["heartrate.readings+3+0000001200+0000001799.parquet", "heartrate.readings", null],
  ])("given %s, when asked for the partition of topic %s, then it is %s", (name, topic, partition) => {
    expect(tempFilePartition(name, topic)).toBe(partition);
  });
});

describe("days and dt directories", () => {
  it.each([
    [Date.UTC(2025, 0, 31, 23, 59, 59, 999), "2025-01-31"],
    [Date.UTC(2025, 1, 1, 0, 0, 0, 0), "2025-02-01"],
    [0, "1970-01-01"],
    [8.64e15 + 1, null],
    [Date.UTC(10_000, 0, 1), null],
  ])("given %s ms, when its UTC day is asked, then it is %s", (ms, day) => {
    expect(utcDay(ms)).toBe(day);
  });

  it("given a day, when made a directory name and parsed, then it round-trips; other names do not parse", () => {
    expect(dtDirName("2025-01-31")).toBe("dt=2025-01-31");
    expect(parseDtDirName("dt=2025-01-31")).toBe("2025-01-31");
    expect(parseDtDirName("dt=2025-1-31")).toBeNull();
    expect(parseDtDirName("+tmp")).toBeNull();
  });
});
