/** The workout file formats HeartLake reads. */
export type WorkoutFormat = "fit" | "tcx" | "gpx";

/** One heart-rate sample of an imported workout. */
export interface ImportedReading {
  /** Epoch milliseconds, UTC, an integer. */
  ts: number;
  /** Beats per minute, BPM_MIN to BPM_MAX. */
  bpm: number;
}

/** Samples the file had but the import left out, by reason. */
export interface SkippedSamples {
  /** Records without a heart rate (GPS-only points, strap not yet paired). */
  noHeartRate: number;
  /** Heart rates outside BPM_MIN..BPM_MAX, e.g. the 0 a strap writes when it loses contact. */
  outOfRange: number;
  /** Heart rates without a usable absolute time (missing, unparseable, or device-relative). */
  noTimestamp: number;
  /** Later samples at a timestamp already taken; the first in the file wins. */
  duplicateTimestamp: number;
}

/** A recorded workout reduced to what HeartLake needs. */
export interface ImportedWorkout {
  format: WorkoutFormat;
  /**
   * Lower-case snake_case name from the FIT profile's sport list ("running",
   * "cycling", "cross_country_skiing", "multisport"); "other" when unknown.
   */
  sport: string;
  /** When the workout started, epoch ms UTC: the file's declared start, else its first timestamp. */
  startedAt: number;
  /** In time order, one per timestamp, never empty. */
  readings: ImportedReading[];
  skipped: SkippedSamples;
}

export interface ParseWorkoutOptions {
  /** Shown in error messages; the format is still detected from the content. */
  fileName?: string;
  /** Called with fractions rising from 0 to exactly 1, about a hundred times at most. */
  onProgress?: (fraction: number) => void;
  /** Larger files are refused with FILE_TOO_LARGE. Default DEFAULT_MAX_IMPORT_BYTES. */
  maxBytes?: number;
}
