import { AppError, type ErrorDetail } from "@/lib/api/app-error";
import type { AuthenticatedDevice } from "@/lib/devices/devices";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ReadingsPublisher } from "@/lib/kafka/readings-publisher";
import { createReadingsMessage } from "@/lib/readings/readings-message";
import type { NormalizedReading } from "@/lib/readings/reading-schema";
import { planSessions, type OpenWorkout } from "@/lib/sessions/plan-sessions";
import { countAccepted } from "./ingest-counts";

export interface IngestDeps {
  prisma: PrismaClient;
  publisher: ReadingsPublisher;
  /** A gap longer than this between readings closes a workout. */
  sessionGapMs: number;
}

export interface IngestContext {
  receivedAt: number;
  requestId?: string;
}

/**
 * The one path every reading takes, whatever the transport: attach readings
 * to workouts, then publish one message per workout and return only after
 * Kafka has acknowledged all of them. Nothing is acknowledged to the watch
 * that Kafka has not stored.
 */
export async function ingestReadings(
  deps: IngestDeps,
  device: AuthenticatedDevice,
  readings: readonly NormalizedReading[],
  context: IngestContext,
): Promise<{ accepted: number; workoutIds: string[] }> {
  const byWorkout = await assignWorkouts(deps, device, readings);
  const messages = [...byWorkout].map(([workoutId, ofWorkout]) =>
    createReadingsMessage(
      {
        userId: device.userId,
        deviceId: device.id,
        workoutId,
        receivedAt: context.receivedAt,
        requestId: context.requestId,
      },
      ofWorkout,
    ),
  );
  await deps.publisher.publish(messages, context.requestId ? { "x-request-id": context.requestId } : {});
  await countAccepted(deps.prisma, context.receivedAt, readings.length);
  return { accepted: readings.length, workoutIds: [...byWorkout.keys()] };
}

/**
 * Groups readings by workout, creating and closing workouts for the readings
 * that name none. The device row is locked for the duration, so two requests
 * from one watch cannot both open a workout.
 */
async function assignWorkouts(
  deps: IngestDeps,
  device: AuthenticatedDevice,
  readings: readonly NormalizedReading[],
): Promise<Map<string, NormalizedReading[]>> {
  const named = readings.filter((r) => r.workoutId !== undefined);
  const unnamed = readings.filter((r) => r.workoutId === undefined);
  return deps.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM devices WHERE id = ${device.id}::uuid FOR UPDATE`;
    const groups = await checkNamedWorkouts(tx, device, readings, named);
    if (unnamed.length > 0) await sessionize(tx, device, unnamed, deps.sessionGapMs, groups);
    await touchWorkouts(tx, groups);
    await tx.device.update({ where: { id: device.id }, data: { lastSeenAt: new Date() } });
    return groups;
  });
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
  const open = await tx.workout.findFirst({
    where: { deviceId: device.id, status: "ACTIVE" },
    orderBy: { startedAt: "desc" },
  });
  const openWorkout: OpenWorkout | null = open
    ? {
        id: open.id,
        startedAt: open.startedAt.getTime(),
        lastReadingAt: (open.lastReadingAt ?? open.startedAt).getTime(),
      }
    : null;
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
