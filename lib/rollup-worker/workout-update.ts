import { z } from "zod";
import { getIntensityMinutes } from "@/lib/rollups/intensity-minutes";
import { MINUTE_MS } from "@/lib/rollups/minute-rollup";

const lastMinuteSchema = z.object({
  /** Epoch ms of the minute's start. */
  minute: z.int(),
  lowMs: z.int(),
  moderateMs: z.int(),
  highMs: z.int(),
  count: z.int(),
  bpmAverage: z.number(),
  bpmMin: z.number(),
  bpmMax: z.number(),
  dropoutMs: z.int(),
});

/**
 * Version 1 of a workout.updates message, keyed by workout id: the totals
 * after a committed batch, small enough to push to a browser as is. Each
 * message carries totals, not deltas, so a lost or repeated one does no harm.
 */
export const workoutUpdateSchema = z.object({
  v: z.literal(1),
  workoutId: z.uuid(),
  userId: z.uuid(),
  status: z.enum(["ACTIVE", "ENDED"]),
  /** Minutes per level (ms / 60000, not rounded). */
  minutes: z.object({ low: z.number(), moderate: z.number(), high: z.number() }),
  /** Moderate minutes × 1 + high minutes × 2. */
  intensityMinutes: z.number(),
  readingCount: z.int(),
  dropoutCount: z.int(),
  dropoutMs: z.int(),
  /** The workout's latest reading by timestamp (late readings do not move it back). */
  latest: z.object({ ts: z.int(), bpm: z.number() }).nullable(),
  /** The workout's latest minute row. */
  lastMinute: lastMinuteSchema.nullable(),
  /** When the rollup committed these totals, epoch ms. */
  updatedAt: z.int(),
});

export type WorkoutUpdate = z.infer<typeof workoutUpdateSchema>;

/** A workout's totals as the summary refresh returns them. */
export interface WorkoutTotals {
  workoutId: string;
  userId: string;
  status: "ACTIVE" | "ENDED";
  lowMs: number;
  moderateMs: number;
  highMs: number;
  readingCount: number;
  dropoutCount: number;
  dropoutMs: number;
  latest: { ts: number; bpm: number } | null;
  lastMinute: (Omit<z.infer<typeof lastMinuteSchema>, "bpmAverage"> & { bpmSum: number }) | null;
}

export function buildWorkoutUpdate(totals: WorkoutTotals, updatedAt: number): WorkoutUpdate {
  const { lastMinute } = totals;
  return {
    v: 1,
    workoutId: totals.workoutId,
    userId: totals.userId,
    status: totals.status,
    minutes: {
      low: totals.lowMs / MINUTE_MS,
      moderate: totals.moderateMs / MINUTE_MS,
      high: totals.highMs / MINUTE_MS,
    },
    intensityMinutes: getIntensityMinutes(totals),
    readingCount: totals.readingCount,
    dropoutCount: totals.dropoutCount,
    dropoutMs: totals.dropoutMs,
    latest: totals.latest,
    lastMinute: lastMinute && {
      minute: lastMinute.minute,
      lowMs: lastMinute.lowMs,
      moderateMs: lastMinute.moderateMs,
      highMs: lastMinute.highMs,
      count: lastMinute.count,
      bpmAverage: lastMinute.bpmSum / lastMinute.count,
      bpmMin: lastMinute.bpmMin,
      bpmMax: lastMinute.bpmMax,
      dropoutMs: lastMinute.dropoutMs,
    },
    updatedAt,
  };
}
