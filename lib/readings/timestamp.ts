import { z } from "zod";
import { describeValue } from "./issues";
import { MAX_READING_AGE_MS, MAX_READING_LEAD_MS } from "./reading-rules";

type Parsed = { ok: true; ms: number } | { ok: false; message: string };

/**
 * Server time for the window check: a fixed epoch ms, or a function read on
 * every check, so that a schema built once can serve every request.
 */
export type ServerTime = number | (() => number);

// zod's ISO check validates the calendar too (no 2023-02-30) and demands a Z
// or ±HH:MM offset: a time without a zone is ambiguous, so it is rejected.
const isoDateTime = z.iso.datetime({ offset: true });

/** Epoch seconds sent by mistake land before 1973; saying so saves a debugging session. */
const EPOCH_SECONDS_HINT_BELOW = 1e11;

/** Reads `ts`: an ISO-8601 date-time with offset, or whole epoch milliseconds. */
export function parseTimestamp(value: unknown): Parsed {
  if (value === undefined) return { ok: false, message: "is required" };
  if (typeof value === "string") {
    return isoDateTime.safeParse(value).success
      ? { ok: true, ms: Date.parse(value) }
      : {
          ok: false,
          message: `must be an ISO-8601 date-time with seconds and Z or ±HH:MM, e.g. "2023-11-23T14:05:09.123Z", got ${describeValue(value)}`,
        };
  }
  if (typeof value === "number" && Number.isSafeInteger(value)) return { ok: true, ms: value };
  if (typeof value === "number") {
    return { ok: false, message: `must be whole epoch milliseconds, got ${describeValue(value)}` };
  }
  return {
    ok: false,
    message: `must be an ISO-8601 string or epoch milliseconds number, got ${describeValue(value)}`,
  };
}

/** Why `ts` is outside [now − 7 days, now + 5 minutes], or null when it is inside. */
export function timeWindowProblem(ts: number, now: number): string | null {
  // The ISO form is only for the message: building it for every valid reading cost more than the check.
  if (ts < now - MAX_READING_AGE_MS) {
    const hint = ts < EPOCH_SECONDS_HINT_BELOW ? " (epoch seconds? ts must be in milliseconds)" : "";
    return `is ${isoOf(ts)}, ${formatDuration(now - ts)} before server time; readings may be at most 7 days old${hint}`;
  }
  if (ts > now + MAX_READING_LEAD_MS) {
    return `is ${isoOf(ts)}, ${formatDuration(ts - now)} after server time; at most 5 minutes ahead is accepted, check the watch clock`;
  }
  return null;
}

/** Rejects an epoch-ms number outside the accepted window around `now`. */
export function withinTimeWindow(now: ServerTime) {
  const read = typeof now === "number" ? () => now : now;
  return z.number().check((ctx) => {
    const problem = timeWindowProblem(ctx.value, read());
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });
}

/**
 * A zod schema for a `ts` field that outputs epoch ms. `now` is injected
 * because the window moves: the same reading is valid today, not next week.
 */
export function timestampSchema(now: ServerTime) {
  return z
    .unknown()
    .transform((value, ctx) => {
      const parsed = parseTimestamp(value);
      if (parsed.ok) return parsed.ms;
      ctx.issues.push({ code: "custom", message: parsed.message, input: value });
      return z.NEVER;
    })
    .pipe(withinTimeWindow(now));
}

function isoOf(ts: number): string {
  const date = new Date(ts);
  // Beyond ±8.64e15 ms there is no Date; say the number rather than throw.
  return Number.isNaN(date.getTime()) ? String(ts) : date.toISOString();
}

function formatDuration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 120) return `${Math.round(minutes * 10) / 10} minutes`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours * 10) / 10} hours`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}
