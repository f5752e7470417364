import type { IHeaders } from "kafkajs";
import type { DecodeFailureReason, ReadingsMessage } from "@/lib/readings/readings-message";
import type { HeartRateReading } from "@/lib/rollups/heart-rate-reading";

/** One record of the readings topic, as the rollup needs it; the bytes are kept for the dead-letter topic. */
export interface SourceRecord {
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

/**
 * Why a record went to the dead-letter topic: it could not be decoded, or it
 * names a workout PostgreSQL does not have (or one of another device). The
 * API creates a workout before it publishes its readings, so an unknown one
 * is never "not yet there": waiting for it would only stall the partition.
 */
export type PoisonReason = DecodeFailureReason | "UNKNOWN_WORKOUT";

export interface PoisonRecord {
  record: SourceRecord;
  reason: PoisonReason;
  detail: string;
}

export interface DecodedRecord {
  record: SourceRecord;
  message: ReadingsMessage;
}

/** A reading ready to store: what the rollups need, plus its owner and where it came from. */
export interface BatchReading extends HeartRateReading {
  userId: string;
  receivedAt: number;
  offset: number;
}
