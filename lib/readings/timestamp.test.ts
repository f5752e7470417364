import { describe, expect, it } from "vitest";
import { parseTimestamp, timestampSchema, timeWindowProblem } from "./timestamp";

const NOW = Date.parse("2023-11-23T14:10:00.000Z");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("parseTimestamp", () => {
  it.each([
    { given: "ISO with Z", value: "2023-11-23T14:05:09Z", ms: Date.UTC(2023, 10, 23, 14, 5, 9) },
    { given: "ISO with millis", value: "2023-11-23T14:05:09.123Z", ms: Date.UTC(2023, 10, 23, 14, 5, 9, 123) },
    { given: "ISO with an offset", value: "2023-11-23T15:05:09+01:00", ms: Date.UTC(2023, 10, 23, 14, 5, 9) },
    { given: "ISO with a negative offset", value: "2023-11-23T09:35:09-04:30", ms: Date.UTC(2023, 10, 23, 14, 5, 9) },
    {
      given: "ISO with micros (truncated to ms)",
      value: "2023-11-23T14:05:09.123999Z",
      ms: Date.UTC(2023, 10, 23, 14, 5, 9, 123),
    },
    { given: "epoch ms", value: 1_700_748_309_123, ms: 1_700_748_309_123 },
  ])("given $given, when parsed, then it is epoch ms", ({ value, ms }) => {
    expect(parseTimestamp(value)).toEqual({ ok: true, ms });
  });

  it.each([
    { given: "nothing", value: undefined, message: "is required" },
    { given: "no zone", value: "2023-11-23T14:05:09", message: expect.stringContaining("Z or ±HH:MM") },
    { given: "no seconds", value: "2023-11-23T14:05Z", message: expect.stringContaining("with seconds") },
    { given: "a space, not T", value: "2023-11-23 14:05:09Z", message: expect.stringContaining("ISO-8601") },
    { given: "an impossible date", value: "2023-02-30T00:00:00Z", message: expect.stringContaining("ISO-8601") },
    { given: "an offset without colon", value: "2023-11-23T14:05:09+0100", message: expect.stringContaining("±HH:MM") },
    {
      given: "fractional ms",
      value: 1_700_748_309_123.5,
      message: "must be whole epoch milliseconds, got 1700748309123.5",
    },
    { given: "a boolean", value: true, message: "must be an ISO-8601 string or epoch milliseconds number, got true" },
    { given: "null", value: null, message: "must be an ISO-8601 string or epoch milliseconds number, got null" },
  ])("given $given, when parsed, then it says what is expected", ({ value, message }) => {
    expect(parseTimestamp(value)).toEqual({ ok: false, message });
  });
});

describe("timeWindowProblem", () => {
  it.each([
    { given: "exactly now", ts: NOW },
    { given: "exactly 7 days ago", ts: NOW - 7 * DAY },
    { given: "exactly 5 minutes ahead", ts: NOW + 5 * MINUTE },
  ])("given $given, when checked, then it is accepted", ({ ts }) => {
    expect(timeWindowProblem(ts, NOW)).toBeNull();
  });

  it.each([
    {
      given: "7 days and 1 ms ago",
      ts: NOW - 7 * DAY - 1,
      message: "is 2023-11-16T14:09:59.999Z, 7 days before server time; readings may be at most 7 days old",
    },
    {
      given: "5 minutes and 1 ms ahead",
      ts: NOW + 5 * MINUTE + 1,
      message:
        "is 2023-11-23T14:15:00.001Z, 5 minutes after server time; at most 5 minutes ahead is accepted, check the watch clock",
    },
    {
      given: "3 hours ahead (a wrong time zone?)",
      ts: NOW + 3 * 60 * MINUTE,
      message: expect.stringContaining("3 hours after server time"),
    },
    {
      given: "epoch seconds sent as ms",
      ts: 1_700_748_309,
      message: expect.stringContaining("(epoch seconds? ts must be in milliseconds)"),
    },
  ])("given $given, when checked, then the problem says by how much", ({ ts, message }) => {
    expect(timeWindowProblem(ts, NOW)).toEqual(message);
  });
});

describe("timestampSchema", () => {
  it("given a valid ISO string, when parsed, then it outputs epoch ms", () => {
    expect(timestampSchema(NOW).parse("2023-11-23T14:05:09.123Z")).toBe(Date.UTC(2023, 10, 23, 14, 5, 9, 123));
  });

  it("given a valid but stale timestamp, when parsed, then the one issue is the window", () => {
    const result = timestampSchema(NOW).safeParse(NOW - 8 * DAY);

    expect(result.error?.issues.map((i) => i.message)).toEqual([expect.stringContaining("at most 7 days old")]);
  });
});
