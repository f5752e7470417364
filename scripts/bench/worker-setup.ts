import { randomBytes } from "node:crypto";
import { Partitioners, type Kafka, type Message } from "kafkajs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { WebHdfsClient } from "@/lib/lake/webhdfs";
import type { PipelineNames } from "@/lib/pipeline/names";
import { createReadingsMessage, encodeReadingsMessage } from "@/lib/readings/readings-message";

/** The bench's workouts in PostgreSQL (the rollup dead-letters readings of unknown workouts). */
export interface BenchWorkout {
  userId: string;
  deviceId: string;
  workoutId: string;
  /** The next reading's ts: every workout's readings go forward one second at a time. */
  nextTs: number;
}

export async function createBenchTopics(kafka: Kafka, names: PipelineNames, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: Object.values(names.topics).map((topic) => ({ topic, numPartitions: partitions })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

export async function createBenchWorkouts(prisma: PrismaClient, count: number, start: number): Promise<BenchWorkout[]> {
  const tag = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const workouts: BenchWorkout[] = [];
  for (let i = 0; i < count; i += 1) {
    const user = await prisma.user.create({ data: { email: `bench-worker-${tag}-${i}@example.test`, maxHr: 185 } });
    const device = await prisma.device.create({
      data: { userId: user.id, name: "bench watch", tokenHash: randomBytes(32).toString("hex") },
    });
    const workout = await prisma.workout.create({
      data: { userId: user.id, deviceId: device.id, startedAt: new Date(start) },
    });
    workouts.push({ userId: user.id, deviceId: device.id, workoutId: workout.id, nextTs: start });
  }
  return workouts;
}

/** One message of `perMessage` readings for a workout, moving its clock on. */
export function nextMessage(w: BenchWorkout, perMessage: number, receivedAt = Date.now()): Message {
  const readings = Array.from({ length: perMessage }, (_, i) => ({
    ts: w.nextTs + i * 1_000,
    bpm: 90 + ((w.nextTs / 1_000 + i) % 90),
  }));
  w.nextTs += perMessage * 1_000;
  const meta = { userId: w.userId, deviceId: w.deviceId, workoutId: w.workoutId, receivedAt };
  return { key: w.workoutId, value: encodeReadingsMessage(createReadingsMessage(meta, readings)) };
}

/** Fills the topic with `readings` readings spread round-robin over the workouts; returns the end offsets. */
export async function fillTopic(
  kafka: Kafka,
  topic: string,
  workouts: BenchWorkout[],
  readings: number,
  perMessage: number,
): Promise<Map<number, number>> {
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const messages = Math.ceil(readings / perMessage);
    for (let sent = 0; sent < messages; sent += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, messages - sent) }, (_, i) =>
        nextMessage(workouts[(sent + i) % workouts.length]!, perMessage),
      );
      await producer.send({ topic, acks: -1, messages: batch });
    }
  } finally {
    await producer.disconnect();
  }
  return endOffsets(kafka, topic);
}

export async function endOffsets(kafka: Kafka, topic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

/** Removes the topics, lake directories and every row the bench made. */
export async function cleanUpBench(
  deps: { kafka: Kafka; hdfs: WebHdfsClient; prisma: PrismaClient },
  names: PipelineNames,
  workouts: readonly BenchWorkout[],
): Promise<void> {
  const admin = deps.kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: Object.values(names.topics) }).catch(() => undefined);
  await admin.disconnect();
  await deps.hdfs.delete(names.lake.readings, { recursive: true }).catch(() => undefined);
  await deps.hdfs.delete(names.lake.tmp, { recursive: true }).catch(() => undefined);
  const workoutIds = workouts.map((w) => w.workoutId);
  await deps.prisma.reading.deleteMany({ where: { workoutId: { in: workoutIds } } });
  await deps.prisma.user.deleteMany({ where: { id: { in: workouts.map((w) => w.userId) } } });
  const groups = Object.values(names.groups);
  await deps.prisma.consumerOffset.deleteMany({ where: { groupId: { in: groups } } });
  await deps.prisma.workerHeartbeat.deleteMany({ where: { consumerGroup: { in: groups } } });
  await deps.prisma.deadLetter.deleteMany({ where: { topic: names.topics.readings } }).catch(() => undefined);
}
