import { BPM_MAX, BPM_MIN } from "@/lib/readings/reading-rules";
import { ImportError, describeFile } from "./import-error";
import type { ImportedReading, ImportedWorkout, SkippedSamples, WorkoutFormat } from "./imported-workout";
import { phase, type Progress } from "./progress";

// The readings API's own range: an imported workout holds exactly the
// readings a watch could have sent live.
/** One record as a format parser found it, before any checks. */
export interface RawSample {
  /** Epoch ms UTC, or undefined when the record has no usable time. */
  ts: number | undefined;
  /** Undefined when the record carries no heart rate. */
  bpm: number | undefined;
}

export interface CollectedReadings {
  readings: ImportedReading[];
  skipped: SkippedSamples;
}

/**
 * Keeps the samples that are usable readings: with a heart rate, in range,
 * with a time; sorted by time, and one per timestamp (the first in the file
 * wins, as a recording device appends in order). Throws NO_HEART_RATE when
 * nothing is left, naming why, since an empty workout is useless downstream.
 */
export function collectReadings(
  samples: readonly RawSample[],
  fileName: string | undefined,
  onFraction: (fraction: number) => void = () => undefined,
): CollectedReadings {
  const skipped: SkippedSamples = { noHeartRate: 0, outOfRange: 0, noTimestamp: 0, duplicateTimestamp: 0 };
  const kept: ImportedReading[] = [];
  const total = samples.length;
  for (let i = 0; i < total; i++) {
    if (i % 512 === 0) onFraction(i / total);
    const { ts, bpm } = samples[i]!;
    if (bpm === undefined || !Number.isFinite(bpm)) skipped.noHeartRate++;
    else if (bpm < BPM_MIN || bpm > BPM_MAX) skipped.outOfRange++;
    else if (ts === undefined || !Number.isSafeInteger(ts)) skipped.noTimestamp++;
    else kept.push({ ts, bpm });
  }
  // Array.prototype.sort is stable, so among equal timestamps file order survives.
  kept.sort((a, b) => a.ts - b.ts);
  const readings = kept.filter((r, i) => i === 0 || r.ts !== kept[i - 1]!.ts);
  skipped.duplicateTimestamp = kept.length - readings.length;
  if (readings.length === 0) throw noHeartRate(fileName, skipped);
  return { readings, skipped };
}

function noHeartRate(fileName: string | undefined, skipped: SkippedSamples): ImportError {
  const name = describeFile(fileName);
  if (skipped.outOfRange > 0) {
    return new ImportError(
      "NO_HEART_RATE",
      `${name} has no usable heart-rate samples: all ${skipped.outOfRange} were outside ${BPM_MIN}–${BPM_MAX} bpm; check that the strap was worn correctly`,
    );
  }
  if (skipped.noTimestamp > 0) {
    return new ImportError(
      "NO_HEART_RATE",
      `${name} has heart-rate samples but none with a date and time, so they cannot be placed on a timeline`,
    );
  }
  return new ImportError(
    "NO_HEART_RATE",
    `${name} has no heart-rate samples; record the workout with a heart-rate sensor, or export it with heart rate included`,
  );
}

/** What every format parser is handed besides the bytes. */
export interface ParseContext {
  fileName: string | undefined;
  progress: Progress;
}

/** What a format parser found in a file, before the readings are checked. */
export interface ParsedFile {
  format: WorkoutFormat;
  sport: string;
  /** Start times the file states (FIT session, TCX activity id and laps); the earliest is used. */
  declaredStarts: readonly (number | undefined)[];
  samples: readonly RawSample[];
}

/**
 * Turns a parsed file into the workout, reporting progress over the samples
 * from `fromFraction` on. A file that states no start starts at its first timestamp.
 */
export function toImportedWorkout(file: ParsedFile, context: ParseContext, fromFraction: number): ImportedWorkout {
  const { readings, skipped } = collectReadings(
    file.samples,
    context.fileName,
    phase(context.progress, fromFraction, 1),
  );
  const startedAt = earliest(file.declaredStarts) ?? earliest(file.samples.map((s) => s.ts)) ?? readings[0]!.ts;
  return { format: file.format, sport: file.sport, startedAt, readings, skipped };
}

function earliest(values: readonly (number | undefined)[]): number | undefined {
  let min: number | undefined;
  for (const value of values) {
    if (value !== undefined && Number.isSafeInteger(value) && (min === undefined || value < min)) min = value;
  }
  return min;
}

/** A heart rate written as text; blank or non-numeric text is no heart rate at all. */
export function parseBpmText(value: string | undefined): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const bpm = Number(trimmed);
  return Number.isFinite(bpm) ? bpm : undefined;
}
