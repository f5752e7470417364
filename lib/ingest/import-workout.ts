import { AppError } from "@/lib/api/app-error";
import type { AuthenticatedDevice } from "@/lib/devices/devices";
import { ImportError, IMPORT_ERROR_STATUS } from "@/lib/imports/import-error";
import { parseWorkoutFile, type ImportedWorkout } from "@/lib/imports/parse-workout-file";
import { createReadingsMessage } from "@/lib/readings/readings-message";
import { DEFAULT_MAX_BATCH } from "@/lib/readings/reading-rules";
import { countAccepted } from "./ingest-counts";
import type { IngestContext, IngestDeps } from "./ingest-readings";

export interface ImportResult {
  workoutId: string;
  format: ImportedWorkout["format"];
  sport: string;
  accepted: number;
  skipped: ImportedWorkout["skipped"];
}

/** Parses a workout file, turning parse failures into API errors with the import's codes. */
export function parseUpload(bytes: Uint8Array, fileName?: string, onProgress?: (fraction: number) => void) {
  try {
    return parseWorkoutFile(bytes, { fileName, onProgress });
  } catch (err) {
    if (err instanceof ImportError) throw new AppError(err.code, err.message, IMPORT_ERROR_STATUS[err.code]);
    throw err;
  }
}

/**
 * Stores a recorded workout the way live readings travel: one ended workout
 * in PostgreSQL, its readings on heartrate.readings in messages of at most
 * a batch each, keyed by the workout. The clientId makes a re-import of the
 * same file land on the same workout, so its readings dedupe downstream.
 */
export async function importWorkout(
  deps: IngestDeps,
  device: AuthenticatedDevice,
  imported: ImportedWorkout,
  context: IngestContext,
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<ImportResult> {
  const first = imported.readings[0]?.ts ?? imported.startedAt;
  const last = imported.readings.at(-1)?.ts ?? imported.startedAt;
  const clientId = `import:${imported.format}:${imported.startedAt}`;
  const workout = await deps.prisma.workout.upsert({
    where: { deviceId_clientId: { deviceId: device.id, clientId } },
    update: {},
    create: {
      userId: device.userId,
      deviceId: device.id,
      clientId,
      sport: imported.sport,
      status: "ENDED",
      startedAt: new Date(Math.min(first, imported.startedAt)),
      endedAt: new Date(last),
      lastReadingAt: new Date(last),
    },
  });
  const meta = { userId: device.userId, deviceId: device.id, workoutId: workout.id, ...context };
  for (let i = 0; i < imported.readings.length; i += DEFAULT_MAX_BATCH) {
    const chunk = imported.readings.slice(i, i + DEFAULT_MAX_BATCH);
    await deps.publisher.publish([createReadingsMessage(meta, chunk)]);
    await countAccepted(deps.prisma, context.receivedAt, chunk.length);
    onProgress(i + chunk.length, imported.readings.length);
  }
  return {
    workoutId: workout.id,
    format: imported.format,
    sport: imported.sport,
    accepted: imported.readings.length,
    skipped: imported.skipped,
  };
}
