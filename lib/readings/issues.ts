import type { z } from "zod";
import { failure, type ReadingIssue, type ReadingsFailure } from "./readings-error";

/** Where an item sits in the request, for messages a watch developer can find it by. */
export interface ItemLocation {
  index?: number;
  line?: number;
  /** Written before the field: `readings[3].`, `[3].`, `line 4: ` or `` for a single reading. */
  prefix: string;
}

/** A short, safe rendering of a rejected value: never echoes a whole payload back. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** A zod error function: `is required` when missing, else `must be <expected>, got <value>`. */
export function typeError(expected: string): (issue: { input?: unknown }) => string {
  return (issue) =>
    issue.input === undefined ? "is required" : `must be ${expected}, got ${describeValue(issue.input)}`;
}

export function makeIssue(at: ItemLocation, path: readonly PropertyKey[], message: string): ReadingIssue {
  const field = formatPath(path);
  const where = field ? `${at.prefix}${field}` : at.prefix.replace(/(\.|: )$/, "") || "reading";
  return {
    ...(at.index !== undefined && { index: at.index }),
    ...(at.line !== undefined && { line: at.line }),
    field: field || "reading",
    message: `${where}: ${message}`,
  };
}

/** One issue per problem; an object with two unknown keys yields two issues. */
export function issuesFromZod(error: z.ZodError, at: ItemLocation): ReadingIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => makeIssue(at, [...issue.path, key], issue.message))
      : [makeIssue(at, issue.path, issue.message)],
  );
}

export function validationFailure(issues: ReadingIssue[]): ReadingsFailure {
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  const first = issues[0]?.message ?? "unknown problem";
  return failure("VALIDATION_FAILED", `${count}; no reading was accepted. First: ${first}`, issues);
}

/** `["createdAt", 2]` → `createdAt[2]`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}
