import { detectWorkoutFormat } from "./detect-format";
import { ImportError, describeFile } from "./import-error";
import type { ImportedWorkout, ParseWorkoutOptions, WorkoutFormat } from "./imported-workout";
import type { ParseContext } from "./collect-readings";
import { parseFit } from "./parse-fit";
import { parseGpx } from "./parse-gpx";
import { parseTcx } from "./parse-tcx";
import { createProgress } from "./progress";

export type {
  ImportedReading,
  ImportedWorkout,
  ParseWorkoutOptions,
  SkippedSamples,
  WorkoutFormat,
} from "./imported-workout";

/**
 * Largest file imported by default (50 MiB). A 24-hour FIT is a few MB; TCX
 * and GPX are bigger, and their parsed tree takes several times the file in memory.
 */
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const PARSERS: Readonly<Record<WorkoutFormat, (bytes: Uint8Array, context: ParseContext) => ImportedWorkout>> = {
  fit: parseFit,
  tcx: parseTcx,
  gpx: parseGpx,
};

/**
 * Reads a recorded workout (FIT, TCX or GPX, told apart by content) into
 * heart-rate readings in time order. Pure and synchronous: the caller reads
 * the file or request body and stores the result. Throws ImportError, or
 * whatever onProgress itself threw.
 */
export function parseWorkoutFile(bytes: Uint8Array, options: ParseWorkoutOptions = {}): ImportedWorkout {
  const { fileName, onProgress, maxBytes = DEFAULT_MAX_IMPORT_BYTES } = options;
  if (bytes.byteLength > maxBytes) {
    throw new ImportError(
      "FILE_TOO_LARGE",
      `${describeFile(fileName)} is ${formatSize(bytes.byteLength)}; at most ${formatSize(maxBytes)} can be imported`,
    );
  }
  const format = detectWorkoutFormat(bytes, fileName);
  const context: ParseContext = { fileName, progress: createProgress(onProgress) };
  const workout = PARSERS[format](bytes, context);
  context.progress.finish();
  return workout;
}

function formatSize(bytes: number): string {
  const mib = 1024 * 1024;
  return bytes < mib ? `${bytes} bytes` : `${(bytes / mib).toFixed(1)} MB`;
}
