import { describe, expect, it } from "vitest";
import {
  firstPerDeviceSecond,
  percentOfMax,
  percentOfReserve,
  referenceWorkout,
  tanaka,
  type Bounds,
} from "./rollup-reference";
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
  type AthleteProfile,
} from "./rollup-support";

// Whole minutes, three hours back: every reading is well in the past.
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 3 * 3_600_000;
const YEAR = new Date(T0).getUTCFullYear();

const PROFILES: { name: string; profile: AthleteProfile; bounds: Bounds }[] = [
  {
    name: "measured max",
    profile: { maxHr: 190 },
    bounds: { moderate: percentOfMax(64, 190), high: percentOfMax(77, 190) },
  },
  {
    name: "Tanaka from birth year",
    profile: { birthYear: YEAR - 40 },
    bounds: { moderate: percentOfMax(64, tanaka(40)), high: percentOfMax(77, tanaka(40)) },
  },
  {
    name: "default age 35",
    profile: {},
    bounds: { moderate: percentOfMax(64, tanaka(35)), high: percentOfMax(77, tanaka(35)) },
  },
  {
    name: "heart-rate reserve",
    profile: { zoneMethod: "HEART_RATE_RESERVE", maxHr: 190, restingHr: 60 },
    bounds: { moderate: percentOfReserve(40, 190, 60), high: percentOfReserve(60, 190, 60) },
  },
  {
    name: "own thresholds",
    profile: { maxHr: 200, moderateThreshold: 0.6, highThreshold: 0.85 },
    bounds: { moderate: percentOfMax(60, 200), high: percentOfMax(85, 200) },
  },
];

describe("rollup worker: zones and dropouts", () => {
  const suite = runRollupWorkerForSuite(3);

  it("given users with different zone profiles, when their workouts' readings are consumed, then summaries and minute rows equal an independent reference exactly", async () => {
    const rand = seeded(20250106);
    const athletes = await Promise.all(
      PROFILES.map(async (p) => ({ ...p, athlete: await createAthlete(p.profile, new Date(T0)) })),
    );
    const sent = athletes.map(({ athlete, bounds }) =>
      generateSession(rand, athlete.deviceId, T0, 700 + Math.floor(rand() * 300), [bounds.moderate, bounds.high]),
    );

    await produce(
      suite.ns.names.topics.readings,
      athletes.flatMap(({ athlete }, i) => toMessages(athlete, sent[i]!, rand)),
    );
    await waitUntilApplied(suite.worker.groupId, suite.worker.topic);

    for (const [i, { name, athlete, bounds }] of athletes.entries()) {
      const expected = referenceWorkout(firstPerDeviceSecond(sent[i]!), bounds);
      expect(expected.dropoutCount, `${name} has dropouts`).toBeGreaterThan(0);
      expect(await readStoredWorkout(athlete.workoutId), name).toEqual(expected);
    }
  });

  it("given gaps of 5 s, just over 5 s and 18 s, when consumed, then only the excess of the longer gaps is dropout, in the minute the gap follows", async () => {
    const athlete = await createAthlete({ maxHr: 200 }, new Date(T0));
    // Bounds 128 and 154 bpm; offsets in ms from a whole minute.
    const points: [number, number][] = [
      [58_000, 100],
      [59_000, 128],
      [60_000, 154],
      [78_000, 127.9],
      [83_000, 153.9],
      [88_001, 200],
    ];
    const readings = points.map(([offset, bpm]) => ({ deviceId: athlete.deviceId, ts: T0 + offset, bpm }));

    await produce(suite.ns.names.topics.readings, [readingsMessage(athlete, readings)]);
    await waitUntilApplied(suite.worker.groupId, suite.worker.topic);

    const stored = await readStoredWorkout(athlete.workoutId);
    // low: 58 s (1 s) + 78 s (the whole 5 s gap); moderate: 59 s (1 s) + 83 s (5 s of 5.001 s);
    // high: 60 s (5 s of 18 s) + the last reading (1 s).
    expect(stored).toMatchObject({ lowMs: 6_000, moderateMs: 6_000, highMs: 6_000 });
    expect(stored).toMatchObject({ dropoutMs: 13_000 + 1, dropoutCount: 2, readingCount: 6 });
    expect(stored.minutes.map((m) => [m.minute - T0, m.dropoutMs, m.dropoutCount])).toEqual([
      [0, 0, 0],
      [60_000, 13_000 + 1, 2],
    ]);
  });
});
