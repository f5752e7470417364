import type { IHeaders, Message } from "kafkajs";
import type { PoisonRecord } from "./batch-types";

/** Headers a dead-letter record carries besides the original ones; stable, other tools read them. */
export const DEAD_LETTER_HEADERS = {
  reason: "x-dlq-reason",
  detail: "x-dlq-detail",
  topic: "x-dlq-source-topic",
  partition: "x-dlq-source-partition",
  offset: "x-dlq-source-offset",
  group: "x-dlq-consumer-group",
} as const;

/** Longest detail kept, in characters: a zod report on a 1,000-reading message can run to megabytes. */
export const MAX_DETAIL_LENGTH = 2_000;

export interface DeadLetterSource {
  groupId: string;
  topic: string;
  partition: number;
}

export function truncateDetail(detail: string): string {
  return detail.length <= MAX_DETAIL_LENGTH ? detail : `${detail.slice(0, MAX_DETAIL_LENGTH - 1)}…`;
}

/**
 * The dead-letter record: the original key and bytes untouched (so it can be
 * replayed once the cause is fixed), the original headers, and why and where
 * from. Topic, partition and offset identify it: a consumer of the DLQ dedupes
 * on them, since a crash between publishing and committing publishes it again.
 */
export function buildDeadLetterMessage(poison: PoisonRecord, source: DeadLetterSource): Message {
  const headers: IHeaders = {
    ...poison.record.headers,
    [DEAD_LETTER_HEADERS.reason]: poison.reason,
    [DEAD_LETTER_HEADERS.detail]: truncateDetail(poison.detail),
    [DEAD_LETTER_HEADERS.topic]: source.topic,
    [DEAD_LETTER_HEADERS.partition]: String(source.partition),
    [DEAD_LETTER_HEADERS.offset]: String(poison.record.offset),
    [DEAD_LETTER_HEADERS.group]: source.groupId,
  };
  return { key: poison.record.key, value: poison.record.value, headers };
}
