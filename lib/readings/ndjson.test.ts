import { describe, expect, it } from "vitest";
import { parseReadingsRequest, type ParseReadingsOptions } from "./parse-readings-request";
import type { ParseReadingsResult } from "./validate-items";

const NOW = Date.parse("2023-11-23T14:10:00.000Z");
const TS_MS = Date.parse("2023-11-23T14:05:09.123Z");

const line = (overrides: Record<string, unknown> = {}) => JSON.stringify({ ts: TS_MS, bpm: 128, ...overrides });
const parseNdjson = (body: string, options: Partial<ParseReadingsOptions> = {}) =>
  parseReadingsRequest({ contentType: "application/x-ndjson", body }, { now: NOW, ...options });

function errorOf(result: ParseReadingsResult) {
  if (result.ok) throw new Error("expected a failure");
  return result.error;
}

describe("NDJSON bodies", () => {
  it.each([
    { given: "LF lines", body: `${line()}\n${line({ bpm: 130 })}` },
    { given: "CRLF lines and a trailing newline", body: `${line()}\r\n${line({ bpm: 130 })}\r\n` },
    { given: "blank and whitespace-only lines", body: `\n${line()}\n   \n\t\n${line({ bpm: 130 })}\n\n` },
  ])("given $given, when parsed, then each reading line is one reading", ({ body }) => {
    expect(parseNdjson(body)).toEqual({
      ok: true,
      readings: [
        { ts: TS_MS, bpm: 128 },
        { ts: TS_MS, bpm: 130 },
      ],
    });
  });

  it("given malformed lines, when parsed, then INVALID_JSON lists each by its body line number", () => {
    const error = errorOf(parseNdjson(`${line()}\n{"ts": \n\n${line()}\nnot json`));

    expect(error.code).toBe("INVALID_JSON");
    expect(error.details.map(({ index, line: at, field }) => ({ index, line: at, field }))).toEqual([
      { index: 1, line: 2, field: "reading" },
      { index: 3, line: 5, field: "reading" },
    ]);
    expect(error.details[0]?.message).toMatch(/^line 2: is not valid JSON \(.+\)$/);
  });

  it("given invalid readings, when parsed, then each issue has its line, index and field", () => {
    const error = errorOf(parseNdjson(`${line()}\n\n${line({ bpm: 300 })}\n${line({ ts: undefined })}`));

    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual([
      { index: 1, line: 3, field: "bpm", message: "line 3: bpm: must be between 25 and 250, got 300" },
      { index: 2, line: 4, field: "ts", message: "line 4: ts: is required" },
    ]);
  });

  it("given a legacy payload on a line, when parsed, then it is rejected: NDJSON is new-format only", () => {
    const legacy = JSON.stringify({ playerId: "p-17", heartbeat: 128, createdAt: [2023, 11, 23, 14, 5] });

    expect(errorOf(parseNdjson(legacy)).details.map((d) => d.field)).toEqual([
      "ts",
      "bpm",
      "playerId",
      "heartbeat",
      "createdAt",
    ]);
  });

  it("given a line that is an array, when parsed, then the line is named as a whole", () => {
    expect(errorOf(parseNdjson(`[${line()}]`)).details).toEqual([
      { index: 0, line: 1, field: "reading", message: "line 1: must be a JSON object, got an array" },
    ]);
  });

  it.each([
    { given: "an empty body", body: "", options: {}, code: "EMPTY_BATCH" },
    { given: "only blank lines", body: "\n \r\n\n", options: {}, code: "EMPTY_BATCH" },
    {
      given: "more lines than maxLines",
      body: [line(), line(), line()].join("\n"),
      options: { maxLines: 2 },
      code: "BATCH_TOO_LARGE",
    },
  ])("given $given, when parsed, then it fails with $code", ({ body, options, code }) => {
    expect(errorOf(parseNdjson(body, options)).code).toBe(code);
  });

  it("given maxLines non-blank lines among blank ones, when parsed, then blank lines do not count", () => {
    const result = parseNdjson(`${line()}\n\n\n${line()}\n`, { maxLines: 2 });

    expect(result.ok).toBe(true);
  });

  it("given more than maxLines lines, when parsed, then no line is parsed and the limit is named", () => {
    const error = errorOf(parseNdjson(`${line()}\n{broken\n${line()}`, { maxLines: 2 }));

    expect(error.message).toBe("the NDJSON body: 3 readings, at most 2 per request; split it into smaller requests");
  });
});
