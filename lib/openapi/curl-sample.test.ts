import { describe, expect, it } from "vitest";
import { curlSample } from "./curl-sample";
import { formatJson } from "./format-json";

describe("curlSample", () => {
  it("given an unauthenticated GET, when rendered, then it is a bare curl -i of the URL", () => {
    const sample = curlSample({ label: "curl", method: "get", path: "/api/health", authenticated: false });

    expect(sample).toEqual({ lang: "Shell", label: "curl", source: 'curl -i "$HEARTLAKE_URL/api/health"' });
  });

  it("given a JSON body with a single quote, when rendered, then the body is single-quoted with the quote escaped", () => {
    const { source } = curlSample({
      label: "curl",
      method: "post",
      path: "/api/v1/workouts",
      authenticated: true,
      contentType: "application/json",
      body: { sport: "rock'n'roll" },
    });

    expect(source).toBe(
      [
        'curl -i -X POST "$HEARTLAKE_URL/api/v1/workouts" \\',
        '  -H "Authorization: Bearer $DEVICE_TOKEN" \\',
        '  -H "Content-Type: application/json" \\',
        `  --data-binary '{"sport":"rock'\\''n'\\''roll"}'`,
      ].join("\n"),
    );
  });

  it("given an NDJSON body, when rendered, then it is sent from a quoted here-document, newlines kept", () => {
    const { source } = curlSample({
      label: "curl",
      method: "post",
      path: "/api/v1/readings",
      authenticated: true,
      contentType: "application/x-ndjson",
      body: '{"a":1}\n{"a":2}\n',
    });

    expect(source).toMatch(/--data-binary @- <<'EOF'\n\{"a":1\}\n\{"a":2\}\nEOF$/);
  });

  it.each([
    {
      given: "a raw file",
      file: { path: "ride.fit" },
      contentType: "application/octet-stream" as const,
      last: ['  -H "Content-Type: application/octet-stream" \\', "  --data-binary @ride.fit"],
    },
    { given: "a form field", file: { path: "ride.fit", formField: "file" }, last: ["  -F file=@ride.fit"] },
    {
      given: "a file name with a space and a quote",
      file: { path: "Bob's ride.fit", formField: "file" },
      last: [`  -F 'file=@Bob'\\''s ride.fit'`],
    },
  ])("given $given, when rendered, then the file is read from disk by curl", ({ file, contentType, last }) => {
    const { source } = curlSample({
      label: "curl",
      method: "post",
      path: "/api/v1/imports",
      authenticated: true,
      contentType,
      file,
    });

    expect(source.split("\n")).toEqual([
      'curl -i -X POST "$HEARTLAKE_URL/api/v1/imports" \\',
      '  -H "Authorization: Bearer $DEVICE_TOKEN" \\',
      ...last,
    ]);
  });
});

describe("formatJson", () => {
  it.each([
    { given: "a short object", value: { ts: 1, bpm: 128 }, expected: '{"ts":1,"bpm":128}' },
    { given: "an empty array", value: [], expected: "[]" },
    {
      given: "a long array",
      value: ["a".repeat(40), "b".repeat(40)],
      expected: `[\n  "${"a".repeat(40)}",\n  "${"b".repeat(40)}"\n]`,
    },
  ])("given $given, when formatted, then it reads as $expected", ({ value, expected }) => {
    expect(formatJson(value)).toBe(expected);
  });

  it("given any value, when formatted and parsed back, then it is unchanged", () => {
    const value = {
      readings: Array.from({ length: 5 }, (_, i) => ({ ts: i, bpm: 100 + i, nested: { list: [1, 2, 3] } })),
    };

    expect(JSON.parse(formatJson(value, 30))).toEqual(value);
  });
});
