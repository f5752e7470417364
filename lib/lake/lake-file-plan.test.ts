import { describe, expect, it } from "vitest";
import { utcDay } from "./lake-file-name";
import { planLakeFiles } from "./lake-file-plan";
import { buffered } from "./lake-messages.fixtures";

const D1 = "2025-01-31";
const D2 = "2025-02-01";
const plan = (...messages: ReturnType<typeof buffered>[]) =>
  planLakeFiles(messages, utcDay, "1999-12-31").map((p) => ({
    day: p.day,
    range: [p.firstOffset, p.lastOffset],
    offsets: p.messages.map((m) => m.offset),
    readings: p.readings,
  }));

describe("planLakeFiles", () => {
  it("given messages of one day, when planned, then they make one file over their whole offset range", () => {
    expect(plan(buffered(5, D1), buffered(6, D1, 3), buffered(9, D1))).toEqual([
      { day: D1, range: [5, 9], offsets: [5, 6, 9], readings: 7 },
    ]);
  });

  it("given a day boundary, when planned, then each day's messages make their own file with a contiguous range", () => {
    expect(plan(buffered(5, D1), buffered(6, D2), buffered(7, D2))).toEqual([
      { day: D1, range: [5, 5], offsets: [5], readings: 2 },
      { day: D2, range: [6, 7], offsets: [6, 7], readings: 4 },
    ]);
  });

  it("given a late message of the day before among the next day's, when planned, then order is kept: three files", () => {
    expect(plan(buffered(1, D2), buffered(2, D1), buffered(3, D2)).map((p) => [p.day, p.range])).toEqual([
      [D2, [1, 1]],
      [D1, [2, 2]],
      [D2, [3, 3]],
    ]);
  });

  it("given poison messages inside, after and before good ones, when planned, then they join the surrounding file", () => {
    expect(plan(buffered(1, null), buffered(2, D1), buffered(3, null), buffered(4, D2), buffered(5, null))).toEqual([
      { day: D1, range: [1, 3], offsets: [1, 2, 3], readings: 2 },
      { day: D2, range: [4, 5], offsets: [4, 5], readings: 2 },
    ]);
  });

  it("given only poison messages, when planned, then one empty file covers them in the day of Kafka's timestamp", () => {
    expect(plan(buffered(8, null), buffered(9, null))).toEqual([
      { day: "2025-03-01", range: [8, 9], offsets: [8, 9], readings: 0 },
    ]);
  });

  it("given nothing, when planned, then there is no file", () => {
    expect(plan()).toEqual([]);
  });
});
