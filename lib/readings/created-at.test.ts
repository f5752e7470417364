import { describe, expect, it } from "vitest";
import { createdAtSchema, readLocalDateTime } from "./created-at";

describe("readLocalDateTime", () => {
  it.each([
    {
      given: "7 elements",
      values: [2023, 11, 23, 14, 5, 9, 123_999_999],
      expected: { year: 2023, month: 11, day: 23, hour: 14, minute: 5, second: 9, millisecond: 123 },
    },
    {
      given: "6 elements (no nanos)",
      values: [2023, 11, 23, 14, 5, 9],
      expected: { year: 2023, month: 11, day: 23, hour: 14, minute: 5, second: 9, millisecond: 0 },
    },
    {
      given: "5 elements (no seconds, no nanos)",
      values: [2023, 11, 23, 14, 5],
      expected: { year: 2023, month: 11, day: 23, hour: 14, minute: 5, second: 0, millisecond: 0 },
    },
    {
      given: "29 February of a leap year",
      values: [2024, 2, 29, 0, 0],
      expected: { year: 2024, month: 2, day: 29, hour: 0, minute: 0, second: 0, millisecond: 0 },
    },
    {
      given: "29 February 2000 (divisible by 400)",
      values: [2000, 2, 29, 23, 59, 59, 999_999_999],
      expected: { year: 2000, month: 2, day: 29, hour: 23, minute: 59, second: 59, millisecond: 999 },
    },
  ])("given $given, when read, then the fields are filled in", ({ values, expected }) => {
    expect(readLocalDateTime(values)).toEqual({ ok: true, value: expected });
  });

  it.each([
    { given: "4 elements", values: [2023, 11, 23, 14], problem: { message: expect.stringContaining("got 4") } },
    {
      given: "8 elements",
      values: [2023, 11, 23, 14, 5, 9, 0, 1],
      problem: { message: expect.stringContaining("got 8") },
    },
    {
      given: "month 13",
      values: [2023, 13, 1, 0, 0],
      problem: { index: 1, message: "month must be between 1 and 12, got 13" },
    },
    {
      given: "month 0",
      values: [2023, 0, 1, 0, 0],
      problem: { index: 1, message: "month must be between 1 and 12, got 0" },
    },
    {
      given: "day 0",
      values: [2023, 1, 0, 0, 0],
      problem: { index: 2, message: "day must be between 1 and 31, got 0" },
    },
    {
      given: "31 April",
      values: [2023, 4, 31, 0, 0],
      problem: { index: 2, message: "day must be between 1 and 30 for 2023-04, got 31" },
    },
    {
      given: "29 February of a common year",
      values: [2023, 2, 29, 0, 0],
      problem: { index: 2, message: "day must be between 1 and 28 for 2023-02, got 29" },
    },
    {
      given: "29 February 1900 (divisible by 100, not 400)",
      values: [1900, 2, 29, 0, 0],
      problem: { index: 2, message: "day must be between 1 and 28 for 1900-02, got 29" },
    },
    {
      given: "hour 24",
      values: [2023, 1, 1, 24, 0],
      problem: { index: 3, message: "hour must be between 0 and 23, got 24" },
    },
    {
      given: "minute 60",
      values: [2023, 1, 1, 0, 60],
      problem: { index: 4, message: "minute must be between 0 and 59, got 60" },
    },
    {
      given: "second 60 (no leap seconds in java.time)",
      values: [2023, 1, 1, 0, 0, 60],
      problem: { index: 5, message: "second must be between 0 and 59, got 60" },
    },
    {
      given: "nanos of 1e9",
      values: [2023, 1, 1, 0, 0, 0, 1e9],
      problem: { index: 6, message: "nanoOfSecond must be between 0 and 999999999, got 1000000000" },
    },
    {
      given: "a 3-digit year",
      values: [999, 1, 1, 0, 0],
      problem: { index: 0, message: expect.stringContaining("year") },
    },
    {
      given: "a fractional second",
      values: [2023, 1, 1, 0, 0, 1.5],
      problem: { index: 5, message: "second must be an integer, got 1.5" },
    },
    {
      given: "a string year",
      values: ["2023", 1, 1, 0, 0],
      problem: { index: 0, message: 'year must be an integer, got "2023"' },
    },
    {
      given: "a null second (not the same as leaving it out)",
      values: [2023, 1, 1, 0, 0, null],
      problem: { index: 5, message: "second must be an integer, got null" },
    },
  ])("given $given, when read, then that element is named", ({ values, problem }) => {
    expect(readLocalDateTime(values)).toEqual({ ok: false, problems: [problem] });
  });

  it("given several bad elements, when read, then every one is listed", () => {
    const result = readLocalDateTime([2023, 13, 1, 25, 61]);

    expect(result.ok ? [] : result.problems.map((p) => p.index)).toEqual([1, 3, 4]);
  });
});

describe("createdAtSchema", () => {
  it("given a wall time and a zone, when parsed, then it is epoch ms in that zone", () => {
    const parsed = createdAtSchema("Europe/Berlin").parse([2023, 11, 23, 14, 5, 9, 123_000_000]);

    expect(new Date(parsed).toISOString()).toBe("2023-11-23T13:05:09.123Z");
  });

  it("given a bad element, when parsed, then the issue path points at it", () => {
    const result = createdAtSchema("UTC").safeParse([2023, 2, 30, 0, 0]);

    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [[2], "day must be between 1 and 28 for 2023-02, got 30"],
    ]);
  });

  it("given a string, when parsed, then it says which array is expected", () => {
    const result = createdAtSchema("UTC").safeParse("2023-11-23T14:05:09");

    expect(result.error?.issues[0]?.message).toBe(
      'must be an array [year, month, day, hour, minute, second?, nanoOfSecond?], got "2023-11-23T14:05:09"',
    );
  });
});
