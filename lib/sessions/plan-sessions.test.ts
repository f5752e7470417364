import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_GAP_MS, planSessions, type OpenWorkout, type SessionPlan } from "./plan-sessions";

const T0 = Date.parse("2023-11-23T14:00:00.000Z");
const MINUTE = 60_000;

/** A reading at `minutes` after T0; `bpm` tells readings apart. */
const reading = (minutes: number, bpm = 120) => ({ ts: T0 + minutes * MINUTE, bpm });
/** An open workout spanning minutes [from, to] after T0. */
const openWorkout = (from: number, to: number): OpenWorkout => ({
  id: "w-open",
  startedAt: T0 + from * MINUTE,
  lastReadingAt: T0 + to * MINUTE,
});

/** The plan in minutes after T0, so the tables read like a timeline. */
function timeline(plan: SessionPlan<{ ts: number }>) {
  const minutes = (ts: number) => (ts - T0) / MINUTE;
  return {
    segments: plan.segments.map((s) => ({
      ...(s.kind === "existing" ? { existing: s.workoutId } : { new: s.open ? "open" : "closed" }),
      span: [minutes(s.startedAt), minutes(s.lastReadingAt)],
      readings: s.readings.map((r) => minutes(r.ts)),
    })),
    close: plan.closeWorkoutIds,
  };
}

describe("planSessions without an open workout", () => {
  it.each([
    { given: "no readings", readings: [], expected: { segments: [], close: [] } },
    {
      given: "readings a second apart",
      readings: [0, 1 / 60, 2 / 60],
      expected: { segments: [{ new: "open", span: [0, 2 / 60], readings: [0, 1 / 60, 2 / 60] }], close: [] },
    },
    {
      given: "a gap of exactly 10 minutes (not longer)",
      readings: [0, 10],
      expected: { segments: [{ new: "open", span: [0, 10], readings: [0, 10] }], close: [] },
    },
    {
      given: "a gap of 10 minutes and 1 ms",
      readings: [0, 10 + 1 / MINUTE],
      expected: {
        segments: [
          { new: "closed", span: [0, 0], readings: [0] },
          { new: "open", span: [10 + 1 / MINUTE, 10 + 1 / MINUTE], readings: [10 + 1 / MINUTE] },
        ],
        close: [],
      },
    },
    {
      given: "unsorted readings with two gaps",
      readings: [45, 1, 30, 0, 2, 31],
      expected: {
        segments: [
          { new: "closed", span: [0, 2], readings: [0, 1, 2] },
          { new: "closed", span: [30, 31], readings: [30, 31] },
          { new: "open", span: [45, 45], readings: [45] },
        ],
        close: [],
      },
    },
  ])(
    "given $given, when planned, then new workouts split at gaps and the last stays open",
    ({ readings, expected }) => {
      expect(timeline(planSessions({ openWorkout: null, readings: readings.map((m) => reading(m)) }))).toEqual(
        expected,
      );
    },
  );
});

describe("planSessions with an open workout spanning minutes 0-30", () => {
  it.each([
    {
      given: "readings continuing within the gap",
      readings: [35, 40],
      expected: { segments: [{ existing: "w-open", span: [0, 40], readings: [35, 40] }], close: [] },
    },
    {
      given: "a first reading exactly 10 minutes after the last",
      readings: [40],
      expected: { segments: [{ existing: "w-open", span: [0, 40], readings: [40] }], close: [] },
    },
    {
      given: "a reading after a longer gap",
      readings: [41],
      expected: { segments: [{ new: "open", span: [41, 41], readings: [41] }], close: ["w-open"] },
    },
    {
      given: "late readings inside the span, far from each other",
      readings: [12, 28, 1],
      expected: { segments: [{ existing: "w-open", span: [0, 30], readings: [1, 12, 28] }], close: [] },
    },
    {
      given: "readings chaining back before the start",
      readings: [-15, -7],
      expected: { segments: [{ existing: "w-open", span: [-15, 30], readings: [-15, -7] }], close: [] },
    },
    {
      given: "a backlog long before the workout",
      readings: [-120, -119],
      expected: { segments: [{ new: "closed", span: [-120, -119], readings: [-120, -119] }], close: [] },
    },
    {
      given: "some readings that attach, then a gap, then more",
      readings: [32, 50, 51],
      expected: {
        segments: [
          { existing: "w-open", span: [0, 32], readings: [32] },
          { new: "open", span: [50, 51], readings: [50, 51] },
        ],
        close: ["w-open"],
      },
    },
    {
      given: "a backlog, a late reading and two later workouts",
      readings: [70, -60, 15, 50],
      expected: {
        segments: [
          { new: "closed", span: [-60, -60], readings: [-60] },
          { existing: "w-open", span: [0, 30], readings: [15] },
          { new: "closed", span: [50, 50], readings: [50] },
          { new: "open", span: [70, 70], readings: [70] },
        ],
        close: ["w-open"],
      },
    },
  ])("given $given, when planned, then the plan matches the timeline", ({ readings, expected }) => {
    const plan = planSessions({ openWorkout: openWorkout(0, 30), readings: readings.map((m) => reading(m)) });

    expect(timeline(plan)).toEqual(expected);
  });

  it("given no readings, when planned, then the open workout is left alone", () => {
    expect(planSessions({ openWorkout: openWorkout(0, 30), readings: [] })).toEqual({
      segments: [],
      closeWorkoutIds: [],
    });
  });
});

describe("planSessions details", () => {
  it("given a 1-minute max gap, when planned, then a 2-minute pause splits", () => {
    const plan = planSessions({ openWorkout: null, readings: [reading(0), reading(2)], maxGapMs: MINUTE });

    expect(plan.segments.map((s) => s.readings.length)).toEqual([1, 1]);
  });

  it("given readings with equal timestamps, when planned, then input order is kept and the objects are the caller's", () => {
    const first = reading(5, 100);
    const second = reading(5, 101);
    const plan = planSessions({ openWorkout: null, readings: [reading(6), first, second] });

    expect(plan.segments[0]?.readings.slice(0, 2)).toEqual([first, second]);
    expect(plan.segments[0]?.readings[0]).toBe(first);
  });

  it("given readings, when planned, then the caller's array is not reordered", () => {
    const readings = [reading(2), reading(1)];
    planSessions({ openWorkout: null, readings });

    expect(readings.map((r) => r.ts)).toEqual([T0 + 2 * MINUTE, T0 + MINUTE]);
  });

  it("given the default, when read, then the max gap is 10 minutes", () => {
    expect(DEFAULT_MAX_GAP_MS).toBe(10 * MINUTE);
  });

  it.each([
    { given: "a negative max gap", maxGapMs: -1, readings: [reading(0)] },
    { given: "a NaN max gap", maxGapMs: Number.NaN, readings: [reading(0)] },
    { given: "a reading with a NaN ts", maxGapMs: MINUTE, readings: [{ ts: Number.NaN, bpm: 1 }] },
  ])("given $given, when planned, then it throws a RangeError", ({ maxGapMs, readings }) => {
    expect(() => planSessions({ openWorkout: null, readings, maxGapMs })).toThrow(RangeError);
  });
});
