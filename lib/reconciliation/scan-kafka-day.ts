import { randomUUID } from "node:crypto";
import type { Kafka } from "kafkajs";
import { decodeReadingsMessage } from "@/lib/readings/readings-message";
import type { OffsetRange } from "./offset-ranges";
import type { KafkaDayScan, ScannedMessage } from "./types";

/** Kafka's timestamp and receivedAt come from different clocks a few ms apart: scan a little either side. */
const SLACK_MS = 5 * 60_000;

export interface ScanKafkaDayInput {
  topic: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  /** Offsets the sinks hold for the day (lake files, PostgreSQL), so they are read too. */
  hints?: ReadonlyMap<number, OffsetRange>;
}

/**
 * The readings topic's messages that may have been received on `day`. Only
 * offsets between the first message with the day's Kafka timestamp (less a
 * slack) and the first one after it (plus the slack), widened to the hints,
 * are read; each is classified by its receivedAt.
 */
export async function scanKafkaDay(kafka: Kafka, input: ScanKafkaDayInput): Promise<KafkaDayScan> {
  const bounds = await scanBounds(kafka, input);
  const start = Date.parse(`${input.day}T00:00:00Z`);
  const pending = new Map([...bounds].filter(([, b]) => b.from < b.to));
  const messages = new Map<number, ScannedMessage[]>([...bounds.keys()].map((p) => [p, []]));
  if (pending.size > 0)
    await consume(kafka, input.topic, pending, (partition, offset, value) => {
      const decoded = decodeReadingsMessage(value);
      const onDay =
        decoded.ok && decoded.message.receivedAt >= start && decoded.message.receivedAt < start + 86_400_000;
      messages.get(partition)?.push({
        offset,
        status: !decoded.ok ? "poison" : onDay ? "day" : "other-day",
        readingIds: decoded.ok && onDay ? decoded.message.readings.map((r) => r.id) : [],
      });
    });
  return { partitions: [...messages].map(([partition, list]) => ({ partition, messages: list })) };
}

/** Per partition, the offsets [from, to) to read. */
async function scanBounds(kafka: Kafka, { topic, day, hints }: ScanKafkaDayInput) {
  const start = Date.parse(`${day}T00:00:00Z`);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [ends, first, after] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchTopicOffsetsByTimestamp(topic, start - SLACK_MS),
      admin.fetchTopicOffsetsByTimestamp(topic, start + 86_400_000 + SLACK_MS),
    ]);
    const at = (list: { partition: number; offset: string }[], p: number) =>
      Number(list.find((o) => o.partition === p)?.offset ?? 0);
    return new Map(
      ends.map(({ partition, low, high }) => {
        const hint = hints?.get(partition);
        const from = Math.min(at(first, partition), hint?.fromOffset ?? Infinity);
        const to = Math.max(at(after, partition), hint ? hint.toOffset + 1 : 0);
        return [partition, { from: Math.max(from, Number(low)), to: Math.min(to, Number(high)) }] as const;
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

/** Reads [from, to) of each partition with a throw-away group. */
async function consume(
  kafka: Kafka,
  topic: string,
  bounds: Map<number, { from: number; to: number }>,
  onMessage: (partition: number, offset: number, value: Buffer | null) => void,
): Promise<void> {
  const pending = new Set(bounds.keys());
  const consumer = kafka.consumer({
    groupId: `heartlake-reconcile-${randomUUID()}`,
    maxWaitTimeInMs: 200,
    maxBytes: 64 << 20,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic });
    const done = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => {
        for (const [partition, { from }] of bounds) consumer.seek({ topic, partition, offset: String(from) });
      });
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const range = bounds.get(batch.partition);
          if (!range || !pending.has(batch.partition)) return;
          for (const message of batch.messages) {
            const offset = Number(message.offset);
            if (offset >= range.from && offset < range.to) onMessage(batch.partition, offset, message.value);
          }
          if (Number(batch.lastOffset()) + 1 >= range.to) {
            pending.delete(batch.partition);
            consumer.pause([{ topic, partitions: [batch.partition] }]);
          }
          if (pending.size === 0) resolve();
        },
      });
    });
    await done;
  } finally {
    await consumer.disconnect();
  }
}
