import { localToEpochMs, offsetAt } from "@/lib/readings/time-zone";

/** The old watch app's payload: `createdAt` is a Java LocalDateTime, no zone. */
export interface LegacyPayload {
  playerId: string;
  heartbeat: number;
  createdAt: number[];
}

/**
 * An instant as the wall time on a watch set to `timeZone`, serialised the
 * way Jackson writes a LocalDateTime: `[y, m, d, h, min, s, nanos]`, with
 * zero nanos and then zero seconds left off, so the short forms get exercised.
 */
export function toLocalDateTimeArray(epochMs: number, timeZone: string): number[] {
  const wall = new Date(epochMs + offsetAt(epochMs, timeZone));
  const fields = [
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
  ];
  const second = wall.getUTCSeconds();
  const nanos = wall.getUTCMilliseconds() * 1_000_000;
  if (nanos > 0) return [...fields, second, nanos];
  return second > 0 ? [...fields, second] : fields;
}

export function toLegacyPayload(reading: { ts: number; bpm: number }, playerId: string, timeZone: string) {
  return { playerId, heartbeat: reading.bpm, createdAt: toLocalDateTimeArray(reading.ts, timeZone) };
}

/**
 * The instant the server will read back from the wall time. It differs from
 * `epochMs` only in the repeated hour when clocks go back, where the server
 * (like java.time) takes the earlier offset: dedupe counts must use this.
 */
export function legacyServerTs(epochMs: number, timeZone: string): number {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos = 0] = toLocalDateTimeArray(
    epochMs,
    timeZone,
  );
  return localToEpochMs({ year, month, day, hour, minute, second, millisecond: nanos / 1_000_000 }, timeZone);
}
