import { describe, expect, it } from "vitest";
import { createReadingsMessage } from "@/lib/readings/readings-message";
import type { DecodedRecord } from "./batch-types";
import { getWorkoutIds, toBatchReadings, type KnownWorkout } from "./batch-readings";

const W1 = "6f1c2b8e-7a55-4d0e-9c43-0d7a4e1b2c3d";
const W2 = "0b9d7c55-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
const DEVICE = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
const USER = "f0e1d2c3-b4a5-4968-8776-a5b4c3d2e1f0";
const T = 1_700_000_000_000;

function decoded(offset: number, workoutId: string, deviceId = DEVICE, count = 2): DecodedRecord {
  const readings = Array.from({ length: count }, (_, i) => ({ ts: T + (offset * 10 + i) * 1000, bpm: 100 + i }));
  const message = createReadingsMessage({ userId: "anyone", deviceId, workoutId, receivedAt: T + 5 }, readings);
  return { record: { offset, key: null, value: null, headers: {} }, message };
}

const known = new Map<string, KnownWorkout>([[W1, { id: W1, userId: USER, deviceId: DEVICE }]]);

describe("toBatchReadings", () => {
  it("given messages of a known workout, when flattened, then readings carry the workout's owner and the offset", () => {
    const { readings, poison } = toBatchReadings([decoded(0, W1), decoded(1, W1)], known);

    expect(poison).toEqual([]);
    expect(readings.map((r) => r.offset)).toEqual([0, 0, 1, 1]);
    expect(readings[0]).toMatchObject({ workoutId: W1, deviceId: DEVICE, userId: USER, ts: T, bpm: 100 });
    expect(readings[0]?.receivedAt).toBe(T + 5);
  });

  it("given a workout PostgreSQL does not have, when flattened, then the message is UNKNOWN_WORKOUT poison", () => {
    const { readings, poison } = toBatchReadings([decoded(0, W2), decoded(1, W1)], known);

    expect(readings.map((r) => r.offset)).toEqual([1, 1]);
    expect(poison.map((p) => [p.record.offset, p.reason])).toEqual([[0, "UNKNOWN_WORKOUT"]]);
    expect(poison[0]?.detail).toContain(W2);
  });

  it("given a workout of another device, when flattened, then the message is poison", () => {
    const other = "11111111-2222-4333-8444-555555555555";
    const { readings, poison } = toBatchReadings([decoded(0, W1, other)], known);

    expect(readings).toEqual([]);
    expect(poison[0]?.detail).toContain("another device");
  });

  it("given upper-case uuids, when flattened, then they match PostgreSQL's lower-case ones", () => {
    const message = decoded(0, W1.toUpperCase(), DEVICE.toUpperCase());

    const { readings } = toBatchReadings([message], known);

    expect(readings).toHaveLength(2);
    expect(readings[0]?.readingId).toBe(readings[0]?.readingId.toLowerCase());
    expect(getWorkoutIds([message])).toEqual([W1]);
  });
});
