import type { z } from "zod";
import { issuesFromZod, validationFailure, type ItemLocation } from "./issues";
import type { NormalizedReading } from "./reading-schema";
import { failure, type ReadingIssue, type ReadingsFailure } from "./readings-error";

/** A raw item and where it sits in the request. */
export interface LocatedItem {
  value: unknown;
  at: ItemLocation;
}

export type ParseReadingsResult = { ok: true; readings: NormalizedReading[] } | ReadingsFailure;

/** Checks the item count before any item is validated, so a huge batch costs nothing. */
export function checkBatchSize(count: number, maxBatch: number, what: string): ReadingsFailure | null {
  if (count === 0) return failure("EMPTY_BATCH", `${what} is empty; send at least one reading`);
  if (count > maxBatch) {
    return failure(
      "BATCH_TOO_LARGE",
      `${what}: ${count} readings, at most ${maxBatch} per request; split it into smaller requests`,
    );
  }
  return null;
}

/**
 * All or nothing: every item is validated so the client learns about every
 * bad one in a single round trip; one bad item rejects the whole request.
 * `extra` carries request-level problems found before the items.
 */
export function validateItems(
  items: readonly LocatedItem[],
  schema: z.ZodType<NormalizedReading>,
  extra: ReadingIssue[] = [],
): ParseReadingsResult {
  const readings: NormalizedReading[] = [];
  const issues = [...extra];
  for (const { value, at } of items) {
    const parsed = schema.safeParse(value);
    if (parsed.success) readings.push(parsed.data);
    else issues.push(...issuesFromZod(parsed.error, at));
  }
  return issues.length > 0 ? validationFailure(issues) : { ok: true, readings };
}
