import type { HeartRateReading } from "./heart-rate-reading";

/** What is already stored, as far as duplicates are concerned. */
export interface DedupeKeys {
  readingIds: ReadonlySet<string>;
  /** `getDeviceSecondKey` of each stored reading. */
  deviceSeconds: ReadonlySet<string>;
}

/** Why a reading was dropped: a retried message, or a second reading of a device within one second. */
export type DuplicateReason = "same-reading-id" | "same-device-second";

export interface DedupeResult<R extends HeartRateReading> {
  /** New readings to store, in arrival order. */
  accepted: R[];
  duplicates: { reading: R; reason: DuplicateReason }[];
}

const NOTHING_STORED: DedupeKeys = { readingIds: new Set(), deviceSeconds: new Set() };

/** Identifies a device's whole second, floor(ts / 1000); the second comes first so no device id can collide. */
export function getDeviceSecondKey(reading: Pick<HeartRateReading, "deviceId" | "ts">): string {
  return `${Math.floor(reading.ts / 1000)}|${reading.deviceId}`;
}

/** The keys of readings already stored, to dedupe a new batch against. */
export function getDedupeKeys(stored: Iterable<Pick<HeartRateReading, "readingId" | "deviceId" | "ts">>): DedupeKeys {
  const readingIds = new Set<string>();
  const deviceSeconds = new Set<string>();
  for (const r of stored) {
    readingIds.add(r.readingId);
    deviceSeconds.add(getDeviceSecondKey(r));
  }
  return { readingIds, deviceSeconds };
}

/**
 * Splits a batch, in arrival order, into readings to store and duplicates.
 * The first one stored wins: anything already stored beats the batch, and
 * within the batch the earlier arrival beats the later, whatever their
 * timestamps. Timestamp order cannot decide, or a late reading could evict
 * one that rollups have already counted.
 */
export function dedupeReadings<R extends HeartRateReading>(
  incoming: readonly R[],
  stored: DedupeKeys = NOTHING_STORED,
): DedupeResult<R> {
  const readingIds = new Set<string>();
  const deviceSeconds = new Set<string>();
  const result: DedupeResult<R> = { accepted: [], duplicates: [] };
  for (const reading of incoming) {
    const secondKey = getDeviceSecondKey(reading);
    if (stored.readingIds.has(reading.readingId) || readingIds.has(reading.readingId)) {
      result.duplicates.push({ reading, reason: "same-reading-id" });
    } else if (stored.deviceSeconds.has(secondKey) || deviceSeconds.has(secondKey)) {
      result.duplicates.push({ reading, reason: "same-device-second" });
    } else {
      readingIds.add(reading.readingId);
      deviceSeconds.add(secondKey);
      result.accepted.push(reading);
    }
  }
  return result;
}
