/**
 * Local wall-clock time → instant, in an IANA time zone, with Intl only.
 * Semantics follow java.time's `LocalDateTime.atZone(zone)`, since the legacy
 * watches serialise a Java LocalDateTime: a time in a spring-forward gap is
 * moved later by the length of the gap; a time in a fall-back overlap takes
 * the earlier offset (the one in force before the transition).
 */

/** A wall-clock time without zone; month 1-12, as in java.time. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Building a DateTimeFormat is costly; a device's zone is reused for every reading.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows the zone; for validating a device's configured zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws a RangeError for an unknown zone: that is a configuration bug, not bad input. */
export function localToEpochMs(local: LocalDateTime, timeZone: string): number {
  const wallAsUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
  // The offsets a day either side bracket any transition near this wall time
  // (zones never change offset twice within two days).
  const before = offsetAt(wallAsUtc - DAY_MS, timeZone);
  const after = offsetAt(wallAsUtc + DAY_MS, timeZone);
  const valid = [before, after]
    .map((offset) => wallAsUtc - offset)
    .filter((t) => offsetAt(t, timeZone) === wallAsUtc - t);
  // Two valid instants: an overlap; the earlier instant is the earlier offset.
  if (valid.length > 0) return Math.min(...valid);
  // None: a gap. Reading the wall time with the old offset is the same as
  // moving it forward by the gap and using the new offset.
  return wallAsUtc - before;
}

/** The zone's offset from UTC at an instant, in ms (east positive). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const parts = formatterFor(timeZone).formatToParts(wholeSecond);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return wall - wholeSecond;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
