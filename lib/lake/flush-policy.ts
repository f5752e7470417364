/**
 * When a partition's buffered readings go to HDFS. Whichever limit is
 * reached first triggers the flush: count and bytes bound the memory a
 * partition holds (and so the size of a file), age bounds how late a
 * reading reaches the lake when traffic is light.
 */
export interface FlushPolicy {
  /** Readings buffered per partition before a flush (LAKE_FLUSH_MAX_READINGS). */
  maxReadings: number;
  /** Kafka message bytes buffered per partition before a flush (LAKE_FLUSH_MAX_BYTES). */
  maxBytes: number;
  /** Age of the oldest buffered message before a flush (LAKE_FLUSH_MAX_AGE_MS). */
  maxAgeMs: number;
}

/** Defaults: in the lake within 30 s (well inside the 60 s promise), files of up to 100,000 readings. */
export const DEFAULT_FLUSH_POLICY: FlushPolicy = {
  maxReadings: 100_000,
  maxBytes: 16 * 1024 * 1024,
  maxAgeMs: 30_000,
};

/** What a partition's buffer holds now. */
export interface BufferStats {
  messages: number;
  readings: number;
  bytes: number;
  /** When the oldest buffered message was taken in (epoch ms); null when empty. */
  openedAt: number | null;
}

export type FlushReason = "readings" | "bytes" | "age";

/** Why the buffer should be flushed now, or null to keep filling it. */
export function flushReason(stats: BufferStats, policy: FlushPolicy, now: number): FlushReason | null {
  if (stats.messages === 0 || stats.openedAt === null) return null;
  if (stats.readings >= policy.maxReadings) return "readings";
  if (stats.bytes >= policy.maxBytes) return "bytes";
  if (now - stats.openedAt >= policy.maxAgeMs) return "age";
  return null;
}
