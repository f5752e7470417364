import { z } from "zod";
import { describeValue, typeError } from "./issues";
import { localToEpochMs, type LocalDateTime } from "./time-zone";

const SHAPE = "[year, month, day, hour, minute, second?, nanoOfSecond?]";

/**
 * The array's fields in order, with their ranges. Java's LocalDateTime allows
 * wider years; four digits is every real watch, and keeps Date.UTC away from
 * its 0-99 → 1900s quirk.
 */
export const CREATED_AT_FIELDS = [
  { name: "year", min: 1000, max: 9999 },
  { name: "month", min: 1, max: 12 },
  { name: "day", min: 1, max: 31 },
  { name: "hour", min: 0, max: 23 },
  { name: "minute", min: 0, max: 59 },
  { name: "second", min: 0, max: 59 },
  { name: "nanoOfSecond", min: 0, max: 999_999_999 },
] as const;

/** A problem with the whole array (no index) or with one element. */
export interface CreatedAtProblem {
  index?: number;
  message: string;
}

type ReadResult = { ok: true; value: LocalDateTime } | { ok: false; problems: CreatedAtProblem[] };

/**
 * Reads Jackson's array form of a Java LocalDateTime. Jackson drops trailing
 * zero seconds and nanos, so 5 and 6 elements are valid and default them to 0.
 */
export function readLocalDateTime(values: readonly unknown[]): ReadResult {
  if (values.length < 5 || values.length > CREATED_AT_FIELDS.length) {
    return { ok: false, problems: [{ message: `must have 5 to 7 elements ${SHAPE}, got ${values.length}` }] };
  }
  const numbers: number[] = [];
  const problems: CreatedAtProblem[] = [];
  CREATED_AT_FIELDS.forEach(({ name, min, max }, index) => {
    const value = index < values.length ? values[index] : 0;
    if (typeof value !== "number" || !Number.isInteger(value)) {
      problems.push({ index, message: `${name} must be an integer, got ${describeValue(value)}` });
    } else if (value < min || value > max) {
      problems.push({ index, message: `${name} must be between ${min} and ${max}, got ${value}` });
    }
    numbers.push(Number(value));
  });
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, nanos = 0] = numbers;
  const dayProblem = problems.length === 0 ? dayOfMonthProblem(year, month, day) : null;
  if (dayProblem) problems.push(dayProblem);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { year, month, day, hour, minute, second, millisecond: Math.floor(nanos / 1e6) } };
}

/** `createdAt` → epoch ms, reading the wall time in the device's zone. */
export function createdAtSchema(timeZone: string) {
  return z.array(z.unknown(), { error: typeError(`an array ${SHAPE}`) }).transform((values, ctx) => {
    const local = readLocalDateTime(values);
    if (local.ok) return localToEpochMs(local.value, timeZone);
    for (const { index, message } of local.problems) {
      ctx.issues.push({ code: "custom", message, input: values, path: index === undefined ? [] : [index] });
    }
    return z.NEVER;
  });
}

function dayOfMonthProblem(year: number, month: number, day: number): CreatedAtProblem | null {
  // Day 0 of the next month is the last day of this one, leap years included.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day <= daysInMonth) return null;
  const yearMonth = `${year}-${String(month).padStart(2, "0")}`;
  return { index: 2, message: `day must be between 1 and ${daysInMonth} for ${yearMonth}, got ${day}` };
}
