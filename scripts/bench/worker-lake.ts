/**
 * How fast the lake writer lands a pre-filled topic, against a plain kafkajs
 * consumer reading the same topic (the ceiling: what Kafka and kafkajs alone
 * deliver on this machine), and one that also decodes every message.
 *
 *   npx tsx scripts/bench/worker-lake.ts [--readings 600000] [--per-message 20]
 *
 * Runs in a namespace of its own (topic, group, lake paths) and removes it.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Partitioners, type Kafka } from "kafkajs";
import { getConfig } from "@/lib/config";
import { createKafka } from "@/lib/kafka/client";
import { parseLakeFileName } from "@/lib/lake/lake-file-name";
import { listLakeFiles } from "@/lib/lake/lake-hdfs";
import { consoleLakeLog } from "@/lib/lake/lake-log";
import { createWebHdfsClient } from "@/lib/lake/webhdfs";
import { pipelineNames } from "@/lib/pipeline/names";
import { createReadingsMessage, decodeReadingsMessage, encodeReadingsMessage } from "@/lib/readings/readings-message";
import { createWorker } from "@/workers/lake-writer";

const { values } = parseArgs({
  options: { readings: { type: "string", default: "600000" }, "per-message": { type: "string", default: "20" } },
});
const READINGS = Number(values.readings);
const PER_MESSAGE = Number(values["per-message"]);
const config = getConfig();
const kafka = createKafka({ clientId: "heartlake-bench-lake" });
const hdfs = createWebHdfsClient({ baseUrl: config.WEBHDFS_URL, user: config.HDFS_USER });

async function fill(topic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const base = Date.now() - 86_400_000;
  for (let sent = 0; sent < READINGS;) {
    const messages = Array.from({ length: 500 }, (_, m) => {
      const meta = {
        userId: `user-${m % 100}`,
        deviceId: randomUUID(),
        workoutId: randomUUID(),
        receivedAt: Date.now(),
      };
      const readings = Array.from({ length: PER_MESSAGE }, (_, i) => ({
        ts: base + (sent + i) * 1000,
        bpm: 90 + (i % 90),
      }));
      return { key: meta.workoutId, value: encodeReadingsMessage(createReadingsMessage(meta, readings)) };
    });
    await producer.send({ topic, acks: -1, messages });
    sent += messages.length * PER_MESSAGE;
  }
  await producer.disconnect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
  await admin.disconnect();
  return ends;
}

/** Reads the topic from the start with a fresh group until every end offset; returns the seconds taken. */
async function consumeAll(client: Kafka, topic: string, ends: Map<number, number>, decode: boolean) {
  const consumer = client.consumer({ groupId: `bench-plain-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const pending = new Set(ends.keys());
  const started = performance.now();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        if (decode) for (const m of batch.messages) decodeReadingsMessage(m.value);
        if (Number(batch.lastOffset()) + 1 >= (ends.get(batch.partition) ?? 0)) pending.delete(batch.partition);
        if (pending.size === 0) resolve();
      },
    });
  });
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return seconds;
}

/** Starts the writer and waits until the lake's file names cover every end offset. */
async function landAll(namespace: string, ends: Map<number, number>) {
  const names = pipelineNames(namespace);
  const worker = createWorker({
    namespace,
    heartbeats: false,
    policy: { maxAgeMs: 1_000 },
    log: consoleLakeLog("lake-writer", "warn"),
  });
  const started = performance.now();
  await worker.start();
  try {
    for (;;) {
      const landed = new Map<number, number>();
      for (const f of await listLakeFiles(hdfs, names.lake.readings)) {
        const r = parseLakeFileName(f.name);
        if (r) landed.set(r.partition, Math.max(landed.get(r.partition) ?? 0, r.lastOffset + 1));
      }
      if ([...ends].every(([p, end]) => (landed.get(p) ?? 0) >= end)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { seconds: (performance.now() - started) / 1000, stats: worker.stats() };
  } finally {
    await worker.stop();
  }
}

async function main() {
  const namespace = `bench-lake-${Date.now().toString(36)}`;
  const names = pipelineNames(namespace);
  console.log(`filling ${names.topics.readings} with ${READINGS} readings, ${PER_MESSAGE} a message…`);
  const ends = await fill(names.topics.readings);
  const messages = [...ends.values()].reduce((a, b) => a + b, 0);
  try {
    const plain = await consumeAll(kafka, names.topics.readings, ends, false);
    const decoding = await consumeAll(kafka, names.topics.readings, ends, true);
    const lake = await landAll(namespace, ends);
    const row = (what: string, s: number) =>
      `${what.padEnd(34)} ${s.toFixed(2).padStart(7)} s ${Math.round(READINGS / s)
        .toLocaleString("en")
        .padStart(10)} readings/s ${Math.round(messages / s)
        .toLocaleString("en")
        .padStart(8)} msg/s`;
    console.log(row("kafkajs consumer (no work)", plain));
    console.log(row("kafkajs consumer + decode (zod)", decoding));
    console.log(row("lake writer (start → all landed)", lake.seconds));
    console.log(`lake writer: ${JSON.stringify(lake.stats)}`);
  } finally {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [names.topics.readings] }).catch(() => undefined);
    await admin.disconnect();
    await hdfs.delete(names.lake.readings, { recursive: true }).catch(() => undefined);
    await hdfs.delete(names.lake.tmp, { recursive: true }).catch(() => undefined);
  }
}

await main();
