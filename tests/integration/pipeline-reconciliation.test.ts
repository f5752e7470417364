import { Partitioners, type Message } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/prisma";
import { listLakeDayInventory } from "@/lib/lake/lake-inventory";
import { createWebHdfsClient } from "@/lib/lake/webhdfs";
import { pipelineNames } from "@/lib/pipeline/names";
import { createReadingsMessage, encodeReadingsMessage } from "@/lib/readings/readings-message";
import { reconcileDay, type ReconcileDeps } from "@/lib/reconciliation";
import { createWorker as createLakeWorker } from "@/workers/lake-writer";
import { createWorker as createRollupWorker } from "@/workers/rollup";
import { memoryLog, waitForLake } from "./lake-support";
import { createAthlete, generateSession, kafka, seeded, waitUntilApplied, type Athlete } from "./rollup-support";
import { uniqueName } from "./support/ids";

// A day of receipt two days back, which no other test writes: PostgreSQL's
// readings and ingest_counts are not namespaced, the reconciliation's day is.
const DAY_START = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;
const DAY = new Date(DAY_START).toISOString().slice(0, 10);
const PARTITIONS = 4;
const config = getConfig();
const prisma = getPrisma();
const hdfs = createWebHdfsClient({ baseUrl: config.WEBHDFS_URL, user: config.HDFS_USER });
const NAMESPACE = uniqueName("recon").replace(/[^\w-]/g, "_");
const names = pipelineNames(NAMESPACE);
const deps: ReconcileDeps = { kafka, hdfs, prisma, names };

/** Messages of up to 25 readings, received (API clock and Kafka timestamp) during DAY. */
function messagesOf(athlete: Athlete, seed: number): Message[] {
  const rand = seeded(seed);
  const readings = generateSession(rand, athlete.deviceId, DAY_START + 3_600_000, 1_500);
  const messages: Message[] = [];
  for (let i = 0; i < readings.length; i += 25) {
    const receivedAt = DAY_START + 3_600_000 + i * 1_000;
    const meta = { userId: athlete.userId, deviceId: athlete.deviceId, workoutId: athlete.workoutId, receivedAt };
    const value = encodeReadingsMessage(createReadingsMessage(meta, readings.slice(i, i + 25)));
    messages.push({ key: athlete.workoutId, value, timestamp: String(receivedAt) });
  }
  return messages;
}

describe("reconciliation: API = Kafka = lake = database", () => {
  const athletes: Athlete[] = [];
  const workers = [
    createLakeWorker({
      namespace: NAMESPACE,
      heartbeats: false,
      log: memoryLog(),
      policy: { maxAgeMs: 300, maxReadings: 2_000 },
    }),
    createRollupWorker({ namespace: NAMESPACE }),
  ];

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: Object.values(names.topics).map((topic) => ({ topic, numPartitions: PARTITIONS })),
      waitForLeaders: true,
    });
    await admin.disconnect();
    for (let i = 0; i < 6; i += 1) athletes.push(await createAthlete({ maxHr: 185 }, new Date(DAY_START)));
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const messages = athletes.flatMap((a, i) => messagesOf(a, 7 + i));
    for (let i = 0; i < messages.length; i += 100) {
      await producer.send({ topic: names.topics.readings, acks: -1, messages: messages.slice(i, i + 100) });
    }
    await producer.disconnect();
    for (const worker of workers) await worker.start();
    await waitForLake(names, 60_000);
    await waitUntilApplied(names.groups.rollup, names.topics.readings, 60_000);
  });

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await prisma.reading.deleteMany({ where: { workoutId: { in: athletes.map((a) => a.workoutId) } } });
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(names.topics) }).catch(() => undefined);
    await admin.disconnect();
    await hdfs.delete(names.lake.readings, { recursive: true }).catch(() => undefined);
    await hdfs.delete(names.lake.tmp, { recursive: true }).catch(() => undefined);
  });

  it("finds every sink equal once both workers have caught up", async () => {
    const result = await reconcileDay(deps, DAY);
    expect(result.differences).toEqual([]);
    expect(result.sinksAgree).toBe(true);
    expect(result.kafka.readings).toBe(6 * 1_500);
    expect(result.hdfs.readings).toBe(result.kafka.readings);
    expect(result.postgres.readings).toBe(result.kafka.distinctReadings);
    expect(result.kafka.partitions.length).toBeGreaterThan(1);
  });

  it("reports exactly a deleted Parquet file's offset range missing from HDFS", async () => {
    const files = await listLakeDayInventory(hdfs, names.lake.readings, DAY);
    const victim = files[Math.floor(files.length / 2)]!;
    await hdfs.delete(victim.path);
    const result = await reconcileDay(deps, DAY);
    expect(result.differences).toEqual([
      {
        sink: "hdfs",
        kind: "missing",
        partition: victim.partition,
        fromOffset: victim.firstOffset,
        toOffset: victim.lastOffset,
        expectedReadings: victim.rows,
        actualReadings: 0,
      },
    ]);
    expect(result.hdfs.readings).toBe(result.kafka.readings - victim.rows);
    expect(result.sinksAgree).toBe(false);
  });
});
