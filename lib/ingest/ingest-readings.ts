import type { AuthenticatedDevice } from "@/lib/devices/devices";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReadingsPublisher } from "@/lib/kafka/readings-publisher";
import { createReadingsMessage } from "@/lib/readings/readings-message";
import type { NormalizedReading } from "@/lib/readings/reading-schema";
import { assignWorkouts } from "./assign-workouts";
import { attachToWorkout } from "./attach-to-workout";
import { countAccepted } from "./ingest-counts";
import { touchLastSeen } from "./last-seen";

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
 * that Kafka has not stored. Most requests attach to a workout that exists
 * in one statement; only opening or closing workouts takes the locked path.
 */
export async function ingestReadings(
  deps: IngestDeps,
  device: AuthenticatedDevice,
  readings: readonly NormalizedReading[],
  context: IngestContext,
): Promise<{ accepted: number; workoutIds: string[] }> {
  const byWorkout =
    (await attachToWorkout(deps.prisma, device, readings, deps.sessionGapMs)) ??
    (await assignWorkouts(deps.prisma, device, readings, deps.sessionGapMs));
  await touchLastSeen(deps.prisma, device.id, context.receivedAt);
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
