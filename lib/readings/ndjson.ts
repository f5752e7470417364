import type { z } from "zod";
import { makeIssue } from "./issues";
import type { NormalizedReading } from "./reading-schema";
import { failure, type ReadingIssue, type ReadingsFailure } from "./readings-error";
import { checkBatchSize, validateItems, type ParseReadingsResult } from "./validate-items";

/** One non-blank line of an NDJSON body, with its 1-based line number. */
export interface NdjsonLine {
  line: number;
  value: unknown;
}

/**
 * Splits on \n (a trailing \r is JSON whitespace), skips blank lines, and
 * reports every malformed line by number rather than only the first.
 */
export function parseNdjsonLines(text: string, maxLines: number): { ok: true; lines: NdjsonLine[] } | ReadingsFailure {
  const nonBlank = text
    .split("\n")
    .map((raw, i) => ({ raw, line: i + 1 }))
    .filter(({ raw }) => raw.trim() !== "");
  const sizeProblem = checkBatchSize(nonBlank.length, maxLines, "the NDJSON body");
  if (sizeProblem) return sizeProblem;
  const lines: NdjsonLine[] = [];
  const issues: ReadingIssue[] = [];
  nonBlank.forEach(({ raw, line }, index) => {
    try {
      lines.push({ line, value: JSON.parse(raw) });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      issues.push(makeIssue({ index, line, prefix: `line ${line}: ` }, [], `is not valid JSON (${reason})`));
    }
  });
  if (issues.length > 0) {
    const first = issues[0]?.message ?? "";
    return failure(
      "INVALID_JSON",
      `${issues.length} malformed line${issues.length === 1 ? "" : "s"}; no reading was accepted. First: ${first}`,
      issues,
    );
  }
  return { ok: true, lines };
}

/** NDJSON carries readings in the `{ ts, bpm, workoutId? }` format only, one per line. */
export function readingsFromNdjson(
  text: string,
  schema: z.ZodType<NormalizedReading>,
  maxLines: number,
): ParseReadingsResult {
  const parsed = parseNdjsonLines(text, maxLines);
  if (!parsed.ok) return parsed;
  const items = parsed.lines.map(({ line, value }, index) => ({
    value,
    at: { index, line, prefix: `line ${line}: ` },
  }));
  return validateItems(items, schema);
}
