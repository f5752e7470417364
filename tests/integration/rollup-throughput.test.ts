import { randomUUID } from "node:crypto";
import type { Message } from "kafkajs";
import { describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { createWorker, type RollupWorker } from "@/workers/rollup";
import { firstPerDeviceSecond, percentOfMax, referenceWorkout, type SentReading } from "./rollup-reference";
import {
  createAthlete,
  createRollupNamespace,
  kafka,
  produce,
  readingsMessage,
  readStoredWorkout,
  waitUntilApplied,
  type Athlete,
} from "./rollup-support";

/**
 * Throughput of the rollup from a pre-filled topic, next to a plain kafkajs
 * consumer reading the same topic in the same run (the ceiling on this
 * machine). Prints both; asserts only a floor, since shared CI machines vary.
 */
const WORKOUTS = 100;
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 24 * 3_600_000;
const BOUNDS = { moderate: percentOfMax(64, 190), high: percentOfMax(77, 190) };

const SCENARIOS = [
  { name: "1 reading per message (a watch streaming)", perMessage: 1, readings: 200_000 },
  { name: "10 readings per message (a watch batching)", perMessage: 10, readings: 500_000 },
];

describe("rollup worker: throughput", () => {
  it.each(SCENARIOS)(
    "given a pre-filled topic, $name, when the rollup drains it, then its rate is reported next to a plain consumer's",
    async ({ name, perMessage, readings }) => {
      const ns = await createRollupNamespace(getConfig().KAFKA_READINGS_PARTITIONS);
      try {
        const athletes = await Promise.all(
          Array.from({ length: WORKOUTS }, () => createAthlete({ maxHr: 190 }, new Date(T0))),
        );
        const { messages, sent } = interleavedMessages(athletes, readings / WORKOUTS, perMessage);
        await produce(ns.names.topics.readings, messages);

        const plainMs = await timePlainConsumer(ns.names.topics.readings, messages.length);
        const worker = createWorker({ namespace: ns.namespace });
        const started = Date.now();
        await worker.start();
        const firstCommit = watchFirstCommit(worker);
        await waitUntilApplied(worker.groupId, worker.topic, 170_000, 20);
        const finished = Date.now();
        await worker.stop();
        const first = await firstCommit;

        const rate = (n: number, ms: number) => `${Math.round((n * 1000) / ms)}/s`;
        console.log(
          `[throughput] ${name}, ${readings} readings in ${messages.length} messages\n` +
            `  plain kafkajs consumer: ${plainMs} ms, ${rate(messages.length, plainMs)} messages, ${rate(readings, plainMs)} readings\n` +
            `  rollup, start to end:   ${finished - started} ms, ${rate(readings, finished - started)} readings\n` +
            `  rollup, after its first commit: ${rate(readings - first.inserted, finished - first.at)} readings`,
        );
        for (const i of [0, WORKOUTS - 1]) {
          const expected = referenceWorkout(firstPerDeviceSecond(sent[i]!), BOUNDS);
          expect(await readStoredWorkout(athletes[i]!.workoutId)).toEqual(expected);
        }
        expect((readings * 1000) / (finished - started)).toBeGreaterThan(5_000);
      } finally {
        await ns.drop();
      }
    },
    180_000,
  );
});

/** Each workout's readings one a second, messages interleaved across workouts as they would arrive live. */
function interleavedMessages(athletes: readonly Athlete[], perWorkout: number, perMessage: number) {
  const sent = athletes.map((a, w) =>
    Array.from({ length: perWorkout }, (_, i): SentReading => ({
      deviceId: a.deviceId,
      ts: T0 + i * 1000 + w,
      bpm: 90 + ((i * 7 + w) % 100),
    })),
  );
  const messages: Message[] = [];
  for (let i = 0; i < perWorkout; i += perMessage) {
    athletes.forEach((a, w) => messages.push(readingsMessage(a, sent[w]!.slice(i, i + perMessage))));
  }
  return { messages, sent };
}

/** When the worker first committed a batch, and how many readings that batch stored. */
async function watchFirstCommit(worker: RollupWorker): Promise<{ at: number; inserted: number }> {
  for (;;) {
    const stats = worker.stats();
    if (stats.batches > 0) return { at: Date.now(), inserted: stats.inserted };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Milliseconds a bare kafkajs consumer (same fetch size as the rollup) takes to read `count` messages from the start. */
async function timePlainConsumer(topic: string, count: number): Promise<number> {
  const consumer = kafka.consumer({
    groupId: `rollup-baseline-${randomUUID()}`,
    maxBytesPerPartition: getConfig().ROLLUP_FETCH_MAX_BYTES,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  const started = Date.now();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= count) resolve();
      },
    });
  });
  const ms = Date.now() - started;
  await consumer.disconnect();
  return ms;
}
