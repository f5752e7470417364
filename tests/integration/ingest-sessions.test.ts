import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/prisma";
import { closeIngestRuntime } from "@/lib/ingest/ingest-runtime";
import { planSessions, type OpenWorkout } from "@/lib/sessions/plan-sessions";
import { postReadings } from "./support/api";
import { pairDevice } from "./support/devices";

const MINUTE = 60_000;
const GAP = 10 * MINUTE; // SESSION_GAP_MINUTES's default
const base = Math.floor(Date.now() / 1000) * 1000 - 2 * 24 * 60 * MINUTE;

interface ModelWorkout {
  startedAt: number;
  lastReadingAt: number | null;
  status: "ACTIVE" | "ENDED";
  endedAt: number | null;
}

/** What the locked path alone would store: planSessions applied batch by batch. */
function modelIngest(workouts: ModelWorkout[], readings: { ts: number }[]): number[] {
  const openIndex = workouts.findLastIndex((w) => w.status === "ACTIVE");
  const open = workouts[openIndex];
  const openWorkout: OpenWorkout | null = open
    ? { id: String(openIndex), startedAt: open.startedAt, lastReadingAt: open.lastReadingAt ?? open.startedAt }
    : null;
  const plan = planSessions({ openWorkout, readings, maxGapMs: GAP });
  if (open && plan.closeWorkoutIds.length > 0)
    Object.assign(open, { status: "ENDED", endedAt: openWorkout?.lastReadingAt });
  return plan.segments.map((segment) => {
    const index = segment.kind === "existing" ? openIndex : workouts.length;
    if (segment.kind === "new") {
      const endedAt = segment.open ? null : segment.lastReadingAt;
      workouts.push({
        startedAt: segment.startedAt,
        lastReadingAt: null,
        status: segment.open ? "ACTIVE" : "ENDED",
        endedAt,
      });
    }
    const workout = workouts[index] as ModelWorkout;
    workout.lastReadingAt = Math.max(workout.lastReadingAt ?? -Infinity, ...segment.readings.map((r) => r.ts));
    return index;
  });
}

/** A small deterministic PRNG, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** How far apart a batch's readings are: seconds, minutes, or across the gap (several runs in one batch). */
const SPACINGS = [1_000, 2 * MINUTE, GAP + MINUTE];

/** Batches that mostly follow the clock, with late readings, pauses near the gap and offline backlogs. */
function batches(seed: number, count: number): number[][] {
  const next = random(seed);
  let clock = 0;
  return Array.from({ length: count }, () => {
    const roll = next();
    if (roll < 0.15)
      clock += GAP + MINUTE * (1 + next() * 30); // a new workout
    else if (roll < 0.3)
      clock += GAP - 2 * MINUTE + next() * 4 * MINUTE; // a pause around the gap
    else clock += 1_000 + next() * MINUTE;
    const late = next() < 0.2 ? -(next() * 40 * MINUTE) : 0; // late or backlog readings
    const spacing = SPACINGS[Math.floor(next() * SPACINGS.length)] ?? 1_000;
    const size = 1 + Math.floor(next() * 8);
    const batch = Array.from({ length: size }, (_, i) => base + Math.round(clock + late + i * spacing * next()));
    clock = Math.max(clock, (batch.at(-1) ?? base) - base);
    return batch;
  });
}

describe("sessionizing through the API", () => {
  afterAll(() => closeIngestRuntime());

  it.each([1, 2, 3, 4, 5, 6])(
    "given random batches (seed %i) posted one after another, when stored, then workouts are exactly what planSessions decides",
    async (seed) => {
      const watch = await pairDevice();
      const model: ModelWorkout[] = [];
      const idOf = new Map<number, string>();

      for (const batch of batches(seed, 25)) {
        const readings = batch.map((ts, i) => ({ ts, bpm: 100 + i }));
        const res = await postReadings(watch.token, { readings });
        expect(res.status).toBe(202);
        const expected = modelIngest(model, readings);
        const got = res.body.workoutIds as string[];
        expected.forEach((index, i) => {
          if (!idOf.has(index)) idOf.set(index, got[i] ?? "");
        });
        expect(got).toEqual(expected.map((index) => idOf.get(index)));
      }

      const stored = await getPrisma().workout.findMany({ where: { deviceId: watch.deviceId } });
      const byId = new Map(stored.map((w) => [w.id, w]));
      expect(stored).toHaveLength(model.length);
      model.forEach((w, index) => {
        const row = byId.get(idOf.get(index) ?? "");
        expect({
          startedAt: row?.startedAt.getTime(),
          lastReadingAt: row?.lastReadingAt?.getTime() ?? null,
          status: row?.status,
          endedAt: row?.endedAt?.getTime() ?? null,
        }).toEqual(w);
      });
    },
  );

  it("given many watches posting at once, some naming their workout, when requests share statements, then each watch's readings land on its own workout", async () => {
    const watches = await Promise.all(Array.from({ length: 8 }, () => pairDevice()));
    const opened = await Promise.all(watches.map((w) => postReadings(w.token, { ts: base, bpm: 100 })));
    const workoutOf = opened.map((r) => (r.body.workoutIds as string[])[0]);

    const results = await Promise.all(
      watches.flatMap((watch, w) =>
        Array.from({ length: 6 }, (_, i) => {
          const reading = { ts: base + (i + 1) * 1000, bpm: 110 };
          return postReadings(watch.token, i % 2 === 0 ? reading : { ...reading, workoutId: workoutOf[w] });
        }),
      ),
    );

    expect(results.map((r) => r.body.workoutIds)).toEqual(watches.flatMap((_, w) => Array(6).fill([workoutOf[w]])));
    const stored = await getPrisma().workout.findMany({ where: { deviceId: { in: watches.map((w) => w.deviceId) } } });
    expect(stored.map((w) => [w.status, w.lastReadingAt?.getTime()])).toEqual(Array(8).fill(["ACTIVE", base + 6000]));
  });

  it("given one watch posting readings concurrently across a gap, when stored, then one workout is open and every closed one ends at its last reading", async () => {
    const watch = await pairDevice();
    const first = Array.from({ length: 20 }, (_, i) => base + i * 1000);
    const second = Array.from({ length: 20 }, (_, i) => base + 15 * MINUTE + i * 1000);

    const results = await Promise.all([...first, ...second].map((ts) => postReadings(watch.token, { ts, bpm: 120 })));

    expect(results.map((r) => r.status)).toEqual(Array(40).fill(202));
    const stored = await getPrisma().workout.findMany({ where: { deviceId: watch.deviceId } });
    expect(stored.filter((w) => w.status === "ACTIVE")).toHaveLength(1);
    for (const w of stored.filter((w) => w.status === "ENDED")) expect(w.endedAt).toEqual(w.lastReadingAt);
    const ids = new Set(results.flatMap((r) => r.body.workoutIds as string[]));
    expect([...ids].every((id) => stored.some((w) => w.id === id))).toBe(true);
  });
});
