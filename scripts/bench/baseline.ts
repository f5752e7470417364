import type { Kafka } from "kafkajs";
import { createBenchTopic, deleteBenchTopic, runProducerPerformance, sampleMessages } from "./kafka-baseline";

/** Kafka's own rate for one message shape: our message for `readingsPerMessage` readings. */
export interface Baseline {
  readingsPerMessage: number;
  messageBytes: number;
  recordsPerSecond: number;
  readingsPerSecond: number;
  mbPerSecond: number;
}

// Enough records for a few seconds of sending at local-broker speeds, not so many that the bench drags.
const RECORDS: Record<number, number> = { 1: 300_000, 100: 20_000, 1000: 2_500 };

/**
 * ProducerPerformance with exactly our encoded messages (one per request, as
 * the app publishes them): records/s × readings per record = Kafka's ceiling
 * in readings/s for that shape, on this machine, in this run.
 */
export async function measureBaselines(kafka: Kafka, topic: string, log: (line: string) => void) {
  await createBenchTopic(kafka, topic, 6);
  try {
    const baselines = new Map<number, Baseline>();
    for (const n of [1, 100, 1000]) {
      const messages = sampleMessages(n, 20);
      const messageBytes = Math.round(messages.reduce((sum, m) => sum + Buffer.byteLength(m), 0) / messages.length);
      log(`Kafka baseline: ${RECORDS[n]} records of ${messageBytes} bytes (our ${n}-reading message)`);
      const result = await runProducerPerformance(topic, messages, RECORDS[n] ?? 10_000);
      baselines.set(n, {
        readingsPerMessage: n,
        messageBytes,
        recordsPerSecond: result.recordsPerSecond,
        readingsPerSecond: result.recordsPerSecond * n,
        mbPerSecond: result.mbPerSecond,
      });
    }
    return baselines;
  } finally {
    await deleteBenchTopic(kafka, topic);
  }
}
