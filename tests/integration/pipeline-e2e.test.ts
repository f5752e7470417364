import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { legacyServerTs, toLegacyPayload } from "@/lib/simulator/legacy-payload";
import { generateWorkout, type SimReading } from "@/lib/simulator/generate-workout";
import { pipelineNames } from "@/lib/pipeline/names";
import { createWorker as createLakeWorker } from "@/workers/lake-writer";
import { createWorker as createRollupWorker } from "@/workers/rollup";
import { memoryLog, readLake, waitForLake, hdfs } from "./lake-support";
import { firstPerDeviceSecond, percentOfMax, referenceWorkout, type SentReading } from "./rollup-reference";
import {
  createAthlete,
  kafka,
  produce,
  readStoredWorkout,
  seeded,
  toMessages,
  waitUntilApplied,
  type Athlete,
} from "./rollup-support";
import { postReadings } from "./support/api";
import { pairDevice } from "./support/devices";

// The API publishes to the configured namespace, read once on first use: set
// it before any module reads the config, so the route, the workers and this
// file all use one namespace of their own.
const { NAMESPACE, PREVIOUS_NAMESPACE } = vi.hoisted(() => {
  const previous = process.env.PIPELINE_NAMESPACE;
  const ns = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  process.env.PIPELINE_NAMESPACE = ns;
  return { NAMESPACE: ns, PREVIOUS_NAMESPACE: previous };
});

const WORKOUTS = 100;
const API_WORKOUTS = 10;
const SECONDS = 2_000;
const PARTITIONS = 6;
const SEED = 20261122;
const TIME_ZONE = "Europe/Berlin";
const BOUNDS = { moderate: percentOfMax(64, 180), high: percentOfMax(77, 180) };
const START = Math.floor(Date.now() / 1000) * 1000 - 3 * 3_600_000;
const names = pipelineNames(NAMESPACE);
const prisma = getPrisma();

interface SentWorkout {
  workoutId: string;
  sent: SentReading[];
}

/** Send order with about 2 % of neighbours swapped: out-of-order on top of the simulator's late duplicates. */
function jumbled(readings: readonly SimReading[], rand: () => number): SimReading[] {
  const out = [...readings];
  for (let i = 1; i < out.length; i += 1) if (rand() < 0.02) [out[i - 1], out[i]] = [out[i]!, out[i - 1]!];
  return out;
}

function simulate(watch: number) {
  const workout = generateWorkout({ seed: SEED, watch, totalS: SECONDS, startMs: START + watch * 7_000 });
  return jumbled(workout.readings, seeded(SEED + watch));
}

/** A workout produced straight to the namespace's topic, as the API would, in messages of 1-20. */
async function produceWorkout(watch: number): Promise<SentWorkout> {
  const athlete: Athlete = await createAthlete({ maxHr: 180 }, new Date(START));
  const sent = simulate(watch).map(({ ts, bpm }) => ({ deviceId: athlete.deviceId, ts, bpm }));
  await produce(names.topics.readings, toMessages(athlete, sent, seeded(watch)));
  return { workoutId: athlete.workoutId, sent };
}

/**
 * A workout through the real route handler: JSON batches, then a legacy
 * array; neither names a workout, so the API's sessions put them in one.
 */
async function postWorkout(watch: number): Promise<SentWorkout> {
  const { userId, deviceId, token } = await pairDevice({ timeZone: TIME_ZONE });
  await prisma.user.update({ where: { id: userId }, data: { maxHr: 180 } });
  const readings = simulate(watch);
  const legacyFrom = readings.length - 300;
  const workoutIds = new Set<unknown>();
  for (let i = 0; i < legacyFrom; i += 500) {
    const batch = readings.slice(i, Math.min(i + 500, legacyFrom)).map(({ ts, bpm }) => ({ ts, bpm }));
    const res = await postReadings(token, { readings: batch });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    for (const id of res.body.workoutIds as unknown[]) workoutIds.add(id);
  }
  const legacy = readings.slice(legacyFrom).map((r) => toLegacyPayload(r, `player-${watch}`, TIME_ZONE));
  const res = await postReadings(token, legacy);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  for (const id of res.body.workoutIds as unknown[]) workoutIds.add(id);
  expect(workoutIds.size).toBe(1);
  // Readings that name no workout are put in sessions in ts order, so within
  // one request the earliest of a second's duplicates is the one stored first.
  const sent: SentReading[] = [];
  const request = (from: number, to: number) =>
    readings
      .slice(from, to)
      .map((r, i) => ({ deviceId, ts: from + i >= legacyFrom ? legacyServerTs(r.ts, TIME_ZONE) : r.ts, bpm: r.bpm }))
      .sort((a, b) => a.ts - b.ts);
  for (let i = 0; i < legacyFrom; i += 500) sent.push(...request(i, Math.min(i + 500, legacyFrom)));
  sent.push(...request(legacyFrom, readings.length));
  return { workoutId: String([...workoutIds][0]), sent };
}

describe("pipeline end to end: API and Kafka → lake and rollup", () => {
  const workouts: SentWorkout[] = [];
  const workers = [
    createLakeWorker({ namespace: NAMESPACE, heartbeats: false, log: memoryLog() }),
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
    // Workers first: they land and roll up while readings still arrive.
    for (const worker of workers) await worker.start();
    for (let w = 0; w < API_WORKOUTS; w += 1) workouts.push(await postWorkout(w));
    for (let w = API_WORKOUTS; w < WORKOUTS; w += 10) {
      workouts.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => produceWorkout(w + i)))));
    }
    await waitForLake(names, 120_000);
    await waitUntilApplied(names.groups.rollup, names.topics.readings, 120_000);
  }, 170_000);

  afterAll(async () => {
    // The config is already read; this only keeps a reused test process clean.
    if (PREVIOUS_NAMESPACE === undefined) delete process.env.PIPELINE_NAMESPACE;
    else process.env.PIPELINE_NAMESPACE = PREVIOUS_NAMESPACE;
    for (const worker of workers) await worker.stop();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(names.topics) }).catch(() => undefined);
    await admin.disconnect();
    await hdfs.delete(names.lake.readings, { recursive: true }).catch(() => undefined);
    await hdfs.delete(names.lake.tmp, { recursive: true }).catch(() => undefined);
  });

  it("sends about 200,000 readings with duplicates, gaps and legacy payloads", () => {
    const total = workouts.reduce((n, w) => n + w.sent.length, 0);
    const distinct = workouts.reduce((n, w) => n + firstPerDeviceSecond(w.sent).length, 0);
    expect(total).toBeGreaterThan(190_000);
    expect(distinct).toBeLessThan(total);
  });

  it("lands every reading once in HDFS, readable with hyparquet, in the table's schema", async () => {
    const files = await readLake(names);
    for (const f of files) {
      expect(f.metadata.schema.slice(1).map((e) => [e.name, e.type])).toEqual(LAKE_COLUMNS);
    }
    const rows = files.flatMap((f) => f.rows);
    const key = (deviceId: unknown, ts: number) => `${String(deviceId)}/${Math.floor(ts / 1000)}`;
    const landed = new Set(rows.map((r) => key(r.device_id, (r.ts as Date).getTime())));
    const expected = new Set(workouts.flatMap((w) => w.sent.map((r) => key(r.deviceId, r.ts))));
    expect(rows.length).toBe(workouts.reduce((n, w) => n + w.sent.length, 0));
    expect(new Set(rows.map((r) => r.reading_id)).size).toBe(expected.size);
    expect(landed).toEqual(expected);
    expect(rows.filter((r) => r.external_id !== undefined && r.external_id !== null).length).toBe(API_WORKOUTS * 300);
  });

  it("rolls every workout up in PostgreSQL exactly as the independent reference", async () => {
    for (const [i, w] of workouts.entries()) {
      const expected = referenceWorkout(firstPerDeviceSecond(w.sent), BOUNDS);
      expect(await readStoredWorkout(w.workoutId), `workout ${i}`).toEqual(expected);
    }
  });
});

const LAKE_COLUMNS = [
  ["reading_id", "BYTE_ARRAY"],
  ["user_id", "BYTE_ARRAY"],
  ["device_id", "BYTE_ARRAY"],
  ["workout_id", "BYTE_ARRAY"],
  ["ts", "INT64"],
  ["bpm", "DOUBLE"],
  ["received_at", "INT64"],
  ["kafka_partition", "INT32"],
  ["kafka_offset", "INT64"],
  ["external_id", "BYTE_ARRAY"],
  ["request_id", "BYTE_ARRAY"],
];
