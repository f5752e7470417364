import { z } from "zod";
import { AppError } from "@/lib/api/app-error";
import type { AuthenticatedDevice } from "@/lib/devices/devices";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const startWorkoutSchema = z.strictObject({
  /** Free text such as "running"; lower-cased. */
  sport: z.string().trim().min(1).max(40).toLowerCase().default("other"),
  /** The watch's own id for this workout: a retried start returns the same workout. */
  clientId: z.string().trim().min(1).max(100).optional(),
});
export type StartWorkoutInput = z.infer<typeof startWorkoutSchema>;

export const workoutIdSchema = z.uuid({ error: "workout id must be a UUID" });

export interface WorkoutRef {
  id: string;
  sport: string;
  status: "ACTIVE" | "ENDED";
  startedAt: string;
  endedAt: string | null;
}

const toRef = (w: {
  id: string;
  sport: string;
  status: "ACTIVE" | "ENDED";
  startedAt: Date;
  endedAt: Date | null;
}) => ({
  id: w.id,
  sport: w.sport,
  status: w.status,
  startedAt: w.startedAt.toISOString(),
  endedAt: w.endedAt?.toISOString() ?? null,
});

/**
 * Starts a workout on the device. Any workout still open on the device is
 * ended first: a watch records one workout at a time.
 */
export async function startWorkout(
  prisma: PrismaClient,
  device: AuthenticatedDevice,
  input: StartWorkoutInput,
  now: Date,
): Promise<{ workout: WorkoutRef; created: boolean }> {
  if (input.clientId) {
    const existing = await prisma.workout.findUnique({
      where: { deviceId_clientId: { deviceId: device.id, clientId: input.clientId } },
    });
    if (existing) return { workout: toRef(existing), created: false };
  }
  const workout = await prisma.$transaction(async (tx) => {
    await tx.workout.updateMany({
      where: { deviceId: device.id, status: "ACTIVE" },
      data: { status: "ENDED", endedAt: now },
    });
    return tx.workout.create({
      data: {
        userId: device.userId,
        deviceId: device.id,
        sport: input.sport,
        clientId: input.clientId,
        startedAt: now,
      },
    });
  });
  return { workout: toRef(workout), created: true };
}

/** Ends a workout of this device; ending it twice is fine. */
export async function endWorkout(
  prisma: PrismaClient,
  device: AuthenticatedDevice,
  workoutId: string,
  now: Date,
): Promise<WorkoutRef> {
  const workout = await prisma.workout.findFirst({ where: { id: workoutId, deviceId: device.id } });
  if (!workout) throw new AppError("WORKOUT_NOT_FOUND", `workout ${workoutId} not found for this device`, 404);
  if (workout.status === "ENDED") return toRef(workout);
  const ended = await prisma.workout.update({
    where: { id: workoutId },
    data: {
      status: "ENDED",
      endedAt: workout.lastReadingAt && workout.lastReadingAt > now ? workout.lastReadingAt : now,
    },
  });
  return toRef(ended);
}
