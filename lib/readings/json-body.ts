import type { z } from "zod";
import { describeValue, validationFailure } from "./issues";
import { LEGACY_KEYS } from "./legacy-reading-schema";
import type { NormalizedReading } from "./reading-schema";
import type { ReadingIssue } from "./readings-error";
import { checkBatchSize, validateItems, type ParseReadingsResult } from "./validate-items";

/** The two item schemas: the legacy one reads createdAt in the device's time zone. */
export interface ItemSchemas {
  reading: z.ZodType<NormalizedReading>;
  legacy: z.ZodType<NormalizedReading>;
}

/**
 * Tells the JSON shapes apart by their keys:
 * - `{"readings": [...]}` is a batch;
 * - an object with `playerId`, `heartbeat` or `createdAt` is one legacy payload;
 * - any other object is one reading (its errors then say what is missing);
 * - a top-level array is a batch of legacy payloads (the old watch app's
 *   only way to batch); new-format batches must use `{"readings": [...]}`.
 */
export function readingsFromJson(body: unknown, schemas: ItemSchemas, maxBatch: number): ParseReadingsResult {
  if (Array.isArray(body)) {
    const tooMany = checkBatchSize(body.length, maxBatch, "the array");
    if (tooMany) return tooMany;
    return validateItems(
      body.map((value, index) => ({ value, at: { index, prefix: `[${index}].` } })),
      schemas.legacy,
    );
  }
  if (!isRecord(body)) {
    return validationFailure([
      { field: "body", message: `body: must be a JSON object or array, got ${describeValue(body)}` },
    ]);
  }
  if (Object.hasOwn(body, "readings")) return readingsFromBatch(body, schemas.reading, maxBatch);
  const schema = LEGACY_KEYS.some((key) => Object.hasOwn(body, key)) ? schemas.legacy : schemas.reading;
  return validateItems([{ value: body, at: { prefix: "" } }], schema);
}

function readingsFromBatch(
  body: Record<string, unknown>,
  schema: z.ZodType<NormalizedReading>,
  maxBatch: number,
): ParseReadingsResult {
  const { readings, ...rest } = body;
  const unknownKeys: ReadingIssue[] = Object.keys(rest).map((key) => ({
    field: key,
    message: `${key}: is not a known field; a batch is {"readings": [...]} only`,
  }));
  if (!Array.isArray(readings)) {
    const problem = `readings: must be an array of readings, got ${describeValue(readings)}`;
    return validationFailure([...unknownKeys, { field: "readings", message: problem }]);
  }
  const sizeProblem = checkBatchSize(readings.length, maxBatch, "readings");
  if (sizeProblem) return sizeProblem;
  const items = readings.map((value, index) => ({ value, at: { index, prefix: `readings[${index}].` } }));
  return validateItems(items, schema, unknownKeys);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
