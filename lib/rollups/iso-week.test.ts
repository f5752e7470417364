import { describe, expect, it } from "vitest";
import { getIsoWeekLabel, getIsoWeekStart } from "./iso-week";

describe("getIsoWeekStart and getIsoWeekLabel", () => {
  it.each([
    ["a Monday midnight", "2025-01-06T00:00:00.000Z", "2025-01-06", "2025-W02"],
    ["the Sunday before, last millisecond", "2025-01-05T23:59:59.999Z", "2024-12-30", "2025-W01"],
    ["a Sunday in week 53", "2021-01-03T12:00:00.000Z", "2020-12-28", "2020-W53"],
    ["a Monday in the next ISO year", "2024-12-30T08:00:00.000Z", "2024-12-30", "2025-W01"],
    ["a Thursday, 1 January", "2026-01-01T10:00:00.000Z", "2025-12-29", "2026-W01"],
    ["a Friday, 1 January, still last year's week", "2027-01-01T10:00:00.000Z", "2026-12-28", "2026-W53"],
    ["the epoch", "1970-01-01T00:00:00.000Z", "1969-12-29", "1970-W01"],
  ])("given %s (%s), when bucketed, then the week starts %s and is %s", (_, iso, monday, label) => {
    const ts = Date.parse(iso);

    expect(new Date(getIsoWeekStart(ts)).toISOString()).toBe(`${monday}T00:00:00.000Z`);
    expect(getIsoWeekLabel(ts)).toBe(label);
  });
});
