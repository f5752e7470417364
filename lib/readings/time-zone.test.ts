import { describe, expect, it } from "vitest";
import { isValidTimeZone, localToEpochMs, offsetAt, type LocalDateTime } from "./time-zone";

/** `"2024-03-31T02:30:00.000"` → the fields of a LocalDateTime. */
function local(wall: string): LocalDateTime {
  const [date = "", time = ""] = wall.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute, secondAndMs = "0"] = time.split(":");
  const [second, millisecond = "0"] = secondAndMs.split(".");
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(millisecond),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe("localToEpochMs", () => {
  it.each([
    { zone: "UTC", wall: "2023-11-23T14:05:09.123", utc: "2023-11-23T14:05:09.123Z", why: "UTC is identity" },
    { zone: "Europe/Berlin", wall: "2023-11-23T14:05:09.123", utc: "2023-11-23T13:05:09.123Z", why: "winter, CET" },
    { zone: "Europe/Berlin", wall: "2023-07-01T12:00:00", utc: "2023-07-01T10:00:00.000Z", why: "summer, CEST" },
    { zone: "Asia/Kolkata", wall: "2023-11-23T14:05:00", utc: "2023-11-23T08:35:00.000Z", why: "half-hour offset" },
    { zone: "America/New_York", wall: "2023-11-23T09:00:00", utc: "2023-11-23T14:00:00.000Z", why: "west of UTC" },
  ])("given $wall in $zone ($why), when converted, then it is $utc", ({ zone, wall, utc }) => {
    expect(iso(localToEpochMs(local(wall), zone))).toBe(utc);
  });

  // Spring forward: the wall time does not exist; java.time moves it later by the gap.
  it.each([
    { zone: "Europe/Berlin", wall: "2024-03-31T01:59:59", utc: "2024-03-31T00:59:59.000Z", why: "last second before" },
    { zone: "Europe/Berlin", wall: "2024-03-31T02:00:00", utc: "2024-03-31T01:00:00.000Z", why: "gap start = 03:00" },
    { zone: "Europe/Berlin", wall: "2024-03-31T02:30:00.500", utc: "2024-03-31T01:30:00.500Z", why: "= 03:30:00.5" },
    { zone: "Europe/Berlin", wall: "2024-03-31T03:00:00", utc: "2024-03-31T01:00:00.000Z", why: "first valid time" },
    { zone: "America/New_York", wall: "2024-03-10T02:30:00", utc: "2024-03-10T07:30:00.000Z", why: "= 03:30 EDT" },
    { zone: "Australia/Sydney", wall: "2024-10-06T02:30:00", utc: "2024-10-05T16:30:00.000Z", why: "south, October" },
    { zone: "Australia/Lord_Howe", wall: "2024-10-06T02:15:00", utc: "2024-10-05T15:45:00.000Z", why: "30-min gap" },
    { zone: "America/Sao_Paulo", wall: "2018-11-04T00:30:00", utc: "2018-11-04T03:30:00.000Z", why: "gap at midnight" },
    { zone: "Pacific/Apia", wall: "2011-12-30T12:00:00", utc: "2011-12-30T22:00:00.000Z", why: "skipped whole day" },
  ])("given $wall in $zone, a spring-forward gap ($why), when converted, then it is $utc", ({ zone, wall, utc }) => {
    expect(iso(localToEpochMs(local(wall), zone))).toBe(utc);
  });

  // Fall back: the wall time happens twice; java.time takes the earlier offset.
  it.each([
    { zone: "Europe/Berlin", wall: "2024-10-27T01:59:59", utc: "2024-10-26T23:59:59.000Z", why: "before overlap" },
    { zone: "Europe/Berlin", wall: "2024-10-27T02:00:00", utc: "2024-10-27T00:00:00.000Z", why: "overlap start, CEST" },
    { zone: "Europe/Berlin", wall: "2024-10-27T02:30:00", utc: "2024-10-27T00:30:00.000Z", why: "inside, CEST" },
    { zone: "Europe/Berlin", wall: "2024-10-27T03:00:00", utc: "2024-10-27T02:00:00.000Z", why: "after overlap, CET" },
    { zone: "America/New_York", wall: "2024-11-03T01:30:00", utc: "2024-11-03T05:30:00.000Z", why: "EDT, not EST" },
    {
      zone: "Australia/Lord_Howe",
      wall: "2024-04-07T01:45:00",
      utc: "2024-04-06T14:45:00.000Z",
      why: "+11, not +10:30",
    },
  ])("given $wall in $zone, a fall-back overlap ($why), when converted, then it is $utc", ({ zone, wall, utc }) => {
    expect(iso(localToEpochMs(local(wall), zone))).toBe(utc);
  });

  it("given an unknown zone, when converted, then it throws a RangeError", () => {
    expect(() => localToEpochMs(local("2023-11-23T14:05:09"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("offsetAt", () => {
  it.each([
    { zone: "UTC", at: "2024-07-01T00:00:00.000Z", hours: 0 },
    { zone: "Europe/Berlin", at: "2024-01-15T12:00:00.999Z", hours: 1 },
    { zone: "Europe/Berlin", at: "2024-07-15T12:00:00.000Z", hours: 2 },
    { zone: "America/New_York", at: "2024-01-15T12:00:00.000Z", hours: -5 },
    { zone: "Asia/Kolkata", at: "2024-01-15T12:00:00.000Z", hours: 5.5 },
  ])("given $zone at $at, when asked, then the offset is $hours h", ({ zone, at, hours }) => {
    expect(offsetAt(Date.parse(at), zone)).toBe(hours * 3_600_000);
  });
});

describe("isValidTimeZone", () => {
  it.each([
    { zone: "UTC", valid: true },
    { zone: "Europe/Berlin", valid: true },
    { zone: "Mars/Olympus_Mons", valid: false },
    { zone: "", valid: false },
  ])("given $zone, when checked, then valid is $valid", ({ zone, valid }) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});
