import { describe, expect, it } from "vitest";
import { formatLakeFileName } from "./lake-file-name";
import { findCoverageProblems, recoverPositions } from "./partition-positions";

const topic = "heartrate.readings";
const file = (partition: number, firstOffset: number, lastOffset: number, t = topic) =>
  formatLakeFileName({ topic: t, partition, firstOffset, lastOffset });
const range = (partition: number, firstOffset: number, lastOffset: number) => ({
  topic,
  partition,
  firstOffset,
  lastOffset,
});

describe("recoverPositions", () => {
  it("given files of several partitions, when recovered, then each owned partition resumes one past its highest last offset", () => {
    const names = [file(0, 0, 99), file(0, 200, 299), file(0, 100, 199), file(1, 0, 9), file(2, 0, 5)];

    const positions = recoverPositions(names, topic, [0, 1]);

    expect([...positions]).toEqual([
      [0, 300],
      [1, 10],
    ]);
  });

  it("given no file of a partition, when recovered, then its position is null (start from the earliest offset)", () => {
    expect(recoverPositions([file(1, 0, 9)], topic, [0])).toEqual(new Map([[0, null]]));
  });

  it("given files of another namespace's topic, temporary files and strays, when recovered, then they are ignored", () => {
    const names = [
      file(0, 0, 999, `${topic}.other`),
      `${file(0, 0, 999).slice(0, -8)}.x.tmp`,
      "_SUCCESS",
      file(0, 0, 4),
    ];

    expect(recoverPositions(names, topic, [0]).get(0)).toBe(5);
  });
});

describe("findCoverageProblems", () => {
  it("given contiguous files in any order, when checked, then there is no problem", () => {
    expect(findCoverageProblems([range(0, 100, 199), range(0, 0, 99), range(1, 0, 0)])).toEqual([]);
  });

  it("given an offset in two files and a missing range, when checked, then both are reported with their offsets", () => {
    const problems = findCoverageProblems([range(0, 0, 99), range(0, 90, 149), range(0, 160, 170)]);

    expect(problems).toEqual([
      { partition: 0, kind: "overlap", from: 90, to: 99 },
      { partition: 0, kind: "gap", from: 150, to: 159 },
    ]);
  });

  it("given an expected start per partition, when the first file starts later, then the missing head is a gap", () => {
    expect(findCoverageProblems([range(2, 5, 9)], new Map([[2, 0]]))).toEqual([
      { partition: 2, kind: "gap", from: 0, to: 4 },
    ]);
  });
});
