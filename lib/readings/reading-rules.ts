/**
 * The limits every ingested reading and request is held to. One module so the
 * API docs, the validators and their tests quote the same numbers.
 */

/** Lowest plausible heart rate in beats per minute (inclusive). */
export const BPM_MIN = 25;
/** Highest plausible heart rate in beats per minute (inclusive). */
export const BPM_MAX = 250;

/** How far in the past a reading may be: a watch that was offline for a week can still upload. */
export const MAX_READING_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** How far ahead of server time a reading may be: tolerates watch clock drift, not wrong clocks. */
export const MAX_READING_LEAD_MS = 5 * 60 * 1000;

/** Most readings in one JSON batch (`{"readings": [...]}` or a legacy array). */
export const DEFAULT_MAX_BATCH = 1_000;
/** Most non-blank lines in one NDJSON body. */
export const DEFAULT_MAX_NDJSON_LINES = 10_000;
/** Largest request body in bytes (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;
