import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { firstPerDeviceSecond, percentOfMax, referenceWorkout, type SentReading } from "./rollup-reference";
import {
  createAthlete,
  runRollupWorkerForSuite,
  generateSession,
  produce,
  readingsMessage,
  readStoredWorkout,
  seeded,
  toMessages,
  waitUntilApplied,
} from "./rollup-support";

const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 2 * 3_600_000;
const BOUNDS = { moderate: percentOfMax(64, 190), high: percentOfMax(77, 190) };

describe("rollup worker: duplicates, retries, late and out-of-order readings", () => {
  const suite = runRollupWorkerForSuite(2);

  it("given retried messages and readings re-stamped within the same second, when consumed, then each reading counts once and the first stored wins", async () => {
    const rand = seeded(7);
    const athlete = await createAthlete({ maxHr: 190 }, new Date(T0));
    const sent = generateSession(rand, athlete.deviceId, T0, 400);
    const messages = toMessages(athlete, sent, rand);
    // The watch retries everything, some readings re-stamped a few ms later with another bpm.
    const restamped = sent
      .filter((_, i) => i % 7 === 0)
      .map((r) => ({ ...r, ts: r.ts - (r.ts % 1000) + 999, bpm: 61 }));

    await produce(suite.ns.names.topics.readings, messages);
    await produce(suite.ns.names.topics.readings, [...messages, readingsMessage(athlete, restamped)]);
    await waitUntilApplied(suite.worker.groupId, suite.worker.topic);

    const distinct = firstPerDeviceSecond(sent);
    expect(await readStoredWorkout(athlete.workoutId)).toEqual(referenceWorkout(distinct, BOUNDS));
    expect(await getPrisma().reading.count({ where: { workoutId: athlete.workoutId } })).toBe(distinct.length);
    expect(suite.worker.stats().duplicates).toBeGreaterThanOrEqual(sent.length + restamped.length - distinct.length);
  });

  it("given readings held back and then sent late in random order, when consumed, then PostgreSQL equals the reference after each step", async () => {
    const rand = seeded(11);
    const athlete = await createAthlete({ maxHr: 190 }, new Date(T0));
    const sent = generateSession(rand, athlete.deviceId, T0 + 1_800_000, 900, [BOUNDS.moderate, BOUNDS.high]);
    const late = new Set(sent.filter(() => rand() < 0.2));
    const onTime = sent.filter((r) => !late.has(r));
    const shuffled = [...late]
      .map((r) => ({ r, k: rand() }))
      .sort((a, b) => a.k - b.k)
      .map(({ r }) => r);

    await produce(suite.ns.names.topics.readings, toMessages(athlete, onTime, rand));
    await waitUntilApplied(suite.worker.groupId, suite.worker.topic);
    const before = await readStoredWorkout(athlete.workoutId);
    await produce(suite.ns.names.topics.readings, toMessages(athlete, shuffled, rand, 5));
    await waitUntilApplied(suite.worker.groupId, suite.worker.topic);

    expect(before).toEqual(referenceWorkout(firstPerDeviceSecond(onTime), BOUNDS));
    expect(await readStoredWorkout(athlete.workoutId)).toEqual(
      referenceWorkout(firstPerDeviceSecond([...onTime, ...shuffled]), BOUNDS),
    );
  });

  it("given a reading that arrives after its successor and falls inside a dropout, when consumed, then the predecessor's credit and the dropout shrink", async () => {
    const athlete = await createAthlete({ maxHr: 190 }, new Date(T0));
    const at = (s: number, bpm: number): SentReading => ({ deviceId: athlete.deviceId, ts: T0 + s * 1000, bpm });
    const first = [at(10, 100), at(40, 130), at(41, 150)];

    await produce(suite.ns.names.topics.readings, [readingsMessage(athlete, first)]);
    await waitUntilApplied(suite.worker.groupId, suite.worker.topic);
    await produce(suite.ns.names.topics.readings, [readingsMessage(athlete, [at(13, 160)])]);
    await waitUntilApplied(suite.worker.groupId, suite.worker.topic);

    const stored = await readStoredWorkout(athlete.workoutId);
    // 10 s stands for 3 s now; 13 s for 5 s of its 27 s gap (22 s dropout).
    expect(stored).toMatchObject({ lowMs: 3_000, moderateMs: 1_000, highMs: 5_000 + 1_000 });
    expect(stored).toMatchObject({ dropoutMs: 22_000, dropoutCount: 1, readingCount: 4 });
  });
});
