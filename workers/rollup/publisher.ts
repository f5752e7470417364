import type { Message, Producer } from "kafkajs";
import type { PoisonRecord } from "@/lib/rollup-worker/batch-types";
import { buildDeadLetterMessage, type DeadLetterSource } from "@/lib/rollup-worker/dead-letter-message";
import { buildWorkoutUpdate, workoutUpdateSchema, type WorkoutTotals } from "@/lib/rollup-worker/workout-update";

/** The rollup's two outputs on Kafka, over one idempotent producer. */
export interface RollupPublisher {
  /** acks=all and awaited: it runs before the batch commits, so it must not be lost. */
  publishPoison(source: DeadLetterSource, poison: readonly PoisonRecord[]): Promise<void>;
  /** After the commit; a failure is logged, not thrown: updates carry totals and the next one heals it. */
  publishUpdates(totals: readonly WorkoutTotals[]): Promise<void>;
}

const MAX_SEND_BYTES = 512 * 1024;

function sizeOf(message: Message): number {
  const value = message.value;
  return typeof value === "string" ? Buffer.byteLength(value) : (value?.length ?? 0);
}

/** Consecutive chunks of at most maxBytes of values (a larger message goes alone). */
export function chunkByBytes(messages: readonly Message[], maxBytes: number): Message[][] {
  const chunks: Message[][] = [];
  let current: Message[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = sizeOf(message);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function createRollupPublisher(
  producer: Producer,
  topics: { dlq: string; updates: string },
  log: (message: string) => void,
): RollupPublisher {
  return {
    async publishPoison(source, poison) {
      const messages = poison.map((p) => buildDeadLetterMessage(p, source));
      // One send becomes one record batch, and Kafka refuses batches over
      // max.message.bytes (1 MiB): a partition full of poison must not stall.
      for (const chunk of chunkByBytes(messages, MAX_SEND_BYTES)) {
        await producer.send({ topic: topics.dlq, acks: -1, messages: chunk });
      }
    },
    async publishUpdates(totals) {
      if (totals.length === 0) return;
      const now = Date.now();
      const messages = totals.map((t) => ({
        key: t.workoutId,
        value: JSON.stringify(workoutUpdateSchema.parse(buildWorkoutUpdate(t, now))),
      }));
      try {
        await producer.send({ topic: topics.updates, acks: -1, messages });
      } catch (err) {
        log(`publishing ${messages.length} workout updates failed: ${err instanceof Error ? err.message : err}`);
      }
    },
  };
}
