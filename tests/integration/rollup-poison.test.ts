import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { DEAD_LETTER_HEADERS } from "@/lib/rollup-worker/dead-letter-message";
import { createWorker, type RollupWorker } from "@/workers/rollup";
import { percentOfMax, referenceWorkout } from "./rollup-reference";
import {
  createAthlete,
  createRollupNamespace,
  produce,
  readingsMessage,
  readStoredWorkout,
  readTopic,
  waitUntilApplied,
} from "./rollup-support";

const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;

describe("rollup worker: poison records", () => {
  let ns: Awaited<ReturnType<typeof createRollupNamespace>>;
  let worker: RollupWorker;
  beforeAll(async () => {
    // One partition: the good readings come after the poison, so the worker must get past it.
    ns = await createRollupNamespace(1);
    worker = createWorker({ namespace: ns.namespace });
    await worker.start();
  });
  afterAll(async () => {
    await worker.stop();
    await ns.drop();
  });

  it("given undecodable, invalid, unknown-version and unknown-workout records between good ones, when consumed, then each goes to the DLQ topic and dead_letters with its reason and bytes, and the good readings are counted", async () => {
    const athlete = await createAthlete({ maxHr: 190 }, new Date(T0));
    const stranger = { ...athlete, workoutId: randomUUID() };
    const reading = (s: number) => ({ deviceId: athlete.deviceId, ts: T0 + s * 1000, bpm: 130 });
    const poison = [
      { value: Buffer.from([0xc3, 0x28]), reason: "UNDECODABLE" },
      { value: Buffer.from("{not json"), reason: "INVALID_JSON" },
      { value: Buffer.from(JSON.stringify({ v: 2, readings: [] })), reason: "UNKNOWN_VERSION" },
      { value: Buffer.from(JSON.stringify({ v: 1, workoutId: "nope" })), reason: "INVALID_FIELDS" },
      { value: readingsMessage(stranger, [reading(2)]).value as Buffer | string, reason: "UNKNOWN_WORKOUT" },
    ];

    await produce(ns.names.topics.readings, [
      readingsMessage(athlete, [reading(0), reading(1)]),
      ...poison.map((p) => ({ key: "poison", value: p.value, headers: { "x-request-id": "req-7" } })),
      { key: "tombstone", value: null },
      readingsMessage(athlete, [reading(3), reading(4)]),
    ]);
    await waitUntilApplied(worker.groupId, worker.topic);

    const expectedReasons = [...poison.map((p) => p.reason), "UNDECODABLE"];
    const rows = await getPrisma().deadLetter.findMany({
      where: { consumerGroup: worker.groupId },
      orderBy: { offset: "asc" },
    });
    expect(rows.map((r) => [Number(r.offset), r.reason])).toEqual(expectedReasons.map((reason, i) => [i + 1, reason]));
    expect(rows.every((r) => r.topic === worker.topic && r.partition === 0 && r.detail.length > 0)).toBe(true);
    const dlq = await readTopic(ns.names.topics.readingsDlq);
    expect(dlq.map((m) => String(m.headers?.[DEAD_LETTER_HEADERS.reason]))).toEqual(expectedReasons);
    expect(dlq.map((m) => String(m.headers?.[DEAD_LETTER_HEADERS.offset]))).toEqual(
      expectedReasons.map((_, i) => String(i + 1)),
    );
    expect(dlq.slice(0, poison.length).map((m) => m.value)).toEqual(poison.map((p) => Buffer.from(p.value)));
    expect(String(dlq[0]?.headers?.["x-request-id"])).toBe("req-7");
    expect(dlq.at(-1)?.value).toBeNull();
    const bounds = { moderate: percentOfMax(64, 190), high: percentOfMax(77, 190) };
    expect(await readStoredWorkout(athlete.workoutId)).toEqual(referenceWorkout([0, 1, 3, 4].map(reading), bounds));
    expect(worker.stats().poison).toBe(expectedReasons.length);
  });
});
