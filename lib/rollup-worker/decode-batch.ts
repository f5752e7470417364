import { decodeReadingsMessage, type DecodeReadingsResult } from "@/lib/readings/readings-message";
import type { DecodedRecord, PoisonRecord, SourceRecord } from "./batch-types";

/** A record with its decoding, done before the transaction so no lock is held while parsing JSON. */
export interface RecordDecoding {
  record: SourceRecord;
  result: DecodeReadingsResult;
}

/** The part of a batch PostgreSQL has not applied yet. */
export interface FreshRecords {
  decoded: DecodedRecord[];
  poison: PoisonRecord[];
  /** Records skipped because the stored offset is past them (a replay, or a rebalance overlap). */
  skipped: number;
  /** Offset of the first record not skipped; null when every record was skipped. */
  firstOffset: number | null;
}

export function decodeRecords(records: readonly SourceRecord[]): RecordDecoding[] {
  return records.map((record) => ({ record, result: decodeReadingsMessage(record.value) }));
}

/**
 * Keeps the records at or after the stored next offset: a record below it
 * was applied by an earlier transaction, so applying it again would count
 * it twice (for dead letters) or waste a recompute (for readings).
 */
export function selectFreshRecords(decodings: readonly RecordDecoding[], storedOffset: number | null): FreshRecords {
  const fresh: FreshRecords = { decoded: [], poison: [], skipped: 0, firstOffset: null };
  for (const { record, result } of decodings) {
    if (storedOffset !== null && record.offset < storedOffset) {
      fresh.skipped += 1;
      continue;
    }
    fresh.firstOffset ??= record.offset;
    if (result.ok) fresh.decoded.push({ record, message: result.message });
    else fresh.poison.push({ record, reason: result.reason, detail: result.detail });
  }
  return fresh;
}
