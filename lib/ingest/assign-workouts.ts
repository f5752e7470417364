import { AppError, type ErrorDetail } from "@/lib/api/app-error";
import type { AuthenticatedDevice } from "@/lib/devices/devices";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { NormalizedReading } from "@/lib/readings/reading-schema";
import { planSessions, type OpenWorkout } from "@/lib/sessions/plan-sessions";
import { noteLastSeen } from "./last-seen";

/**
 * Groups readings by workout, creating and closing workouts for the readings
 * that name none. The device row is locked for the duration, so two requests
 * from one watch cannot both open a workout; the open workout's row too, so
 * a concurrent attachToWorkout cannot move its span under this plan.
 */
export async function assignWorkouts(
  prisma: PrismaClient,
  device: AuthenticatedDevice,
  readings: readonly NormalizedReading[],
  sessionGapMs: number,
): Promise<Map<string, NormalizedReading[]>> {
  const named = readings.filter((r) => r.workoutId !== undefined);
  const unnamed = readings.filter((r) => r.workoutId === undefined);
  const groups = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM devices WHERE id = ${device.id}::uuid FOR UPDATE`;
    const groups = await checkNamedWorkouts(tx, device, readings, named);
    if (unnamed.length > 0) await sessionize(tx, device, unnamed, sessionGapMs, groups);
    await touchWorkouts(tx, groups);
    await tx.device.update({ where: { id: device.id }, data: { lastSeenAt: new Date() } });
    return groups;
  });
  noteLastSeen(device.id, Date.now());
  return groups;
}

async function checkNamedWorkouts(
  tx: Prisma.TransactionClient,
  device: AuthenticatedDevice,
  all: readonly NormalizedReading[],
  named: readonly NormalizedReading[],
): Promise<Map<string, NormalizedReading[]>> {
  const groups = groupBy(named, (r) => r.workoutId ?? "");
  if (groups.size === 0) return groups;
  const found = await tx.workout.findMany({
    where: { id: { in: [...groups.keys()] }, deviceId: device.id },
    select: { id: true },
  });
  const known = new Set(found.map((w) => w.id));
  const details: ErrorDetail[] = all.flatMap((r, index) =>
    r.workoutId !== undefined && !known.has(r.workoutId)
      ? [{ index, field: "workoutId", message: `workout ${r.workoutId} not found for this device` }]
      : [],
  );
  if (details.length > 0) {
    throw new AppError("WORKOUT_NOT_FOUND", "Some readings name a workout this device does not have.", 404, details);
  }
  return groups;
}

async function sessionize(
  tx: Prisma.TransactionClient,
  device: AuthenticatedDevice,
  unnamed: readonly NormalizedReading[],
  sessionGapMs: number,
  groups: Map<string, NormalizedReading[]>,
) {
  const openWorkout = await lockOpenWorkout(tx, device.id);
  const plan = planSessions({ openWorkout, readings: unnamed, maxGapMs: sessionGapMs });
  for (const id of plan.closeWorkoutIds) {
    await tx.workout.update({
      where: { id },
      data: { status: "ENDED", endedAt: new Date(openWorkout?.lastReadingAt ?? 0) },
    });
  }
  for (const segment of plan.segments) {
    const workoutId =
      segment.kind === "existing"
        ? segment.workoutId
        : (
            await tx.workout.create({
              data: {
                userId: device.userId,
                deviceId: device.id,
                startedAt: new Date(segment.startedAt),
                status: segment.open ? "ACTIVE" : "ENDED",
                endedAt: segment.open ? null : new Date(segment.lastReadingAt),
              },
              select: { id: true },
            })
          ).id;
    groups.set(workoutId, [...(groups.get(workoutId) ?? []), ...segment.readings]);
  }
}

/** The device's newest ACTIVE workout, locked: FOR UPDATE also waits out a concurrent attach and reads its result. */
async function lockOpenWorkout(tx: Prisma.TransactionClient, deviceId: string): Promise<OpenWorkout | null> {
  const [open] = await tx.$queryRaw<{ id: string; started_at: Date; last_reading_at: Date | null }[]>`
    SELECT id, started_at, last_reading_at FROM workouts
    WHERE device_id = ${deviceId}::uuid AND status = 'ACTIVE'
    ORDER BY started_at DESC LIMIT 1
    FOR UPDATE`;
  if (!open) return null;
  return {
    id: open.id,
    startedAt: open.started_at.getTime(),
    lastReadingAt: (open.last_reading_at ?? open.started_at).getTime(),
  };
}

/** Moves each workout's lastReadingAt forward (never back: late readings arrive too). */
async function touchWorkouts(tx: Prisma.TransactionClient, groups: Map<string, NormalizedReading[]>) {
  for (const [id, ofWorkout] of groups) {
    const latest = new Date(Math.max(...ofWorkout.map((r) => r.ts)));
    await tx.$executeRaw`UPDATE workouts SET last_reading_at = GREATEST(COALESCE(last_reading_at, ${latest}), ${latest})
                         WHERE id = ${id}::uuid`;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
