import { describe, expect, it } from "vitest";
import { checkBodySize, READINGS_ERROR_CODES, READINGS_ERROR_STATUS } from "./readings-error";
import { MAX_BODY_BYTES } from "./reading-rules";

describe("READINGS_ERROR_STATUS", () => {
  it.each([
    { code: "INVALID_JSON", status: 400 },
    { code: "UNSUPPORTED_CONTENT_TYPE", status: 415 },
    { code: "VALIDATION_FAILED", status: 422 },
    { code: "EMPTY_BATCH", status: 422 },
    { code: "BATCH_TOO_LARGE", status: 413 },
    { code: "PAYLOAD_TOO_LARGE", status: 413 },
  ] as const)("given $code, when mapped, then the status is $status", ({ code, status }) => {
    expect(READINGS_ERROR_STATUS[code]).toBe(status);
  });

  it("given the code list, when compared with the status map, then every code has exactly one status", () => {
    expect(Object.keys(READINGS_ERROR_STATUS).sort()).toEqual([...READINGS_ERROR_CODES].sort());
  });
});

describe("checkBodySize", () => {
  it.each([
    { given: "an empty body", bytes: 0, ok: true },
    { given: "exactly 1 MiB", bytes: MAX_BODY_BYTES, ok: true },
    { given: "1 MiB + 1 byte", bytes: MAX_BODY_BYTES + 1, ok: false },
  ])("given $given, when checked, then ok is $ok", ({ bytes, ok }) => {
    expect(checkBodySize(bytes) === null).toBe(ok);
  });

  it("given a body over a custom limit, when checked, then the message names both sizes", () => {
    expect(checkBodySize(2_000, 1_000)).toEqual({
      ok: false,
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: "body is 2000 bytes; at most 1000 bytes are accepted, send fewer readings per request",
        details: [],
      },
    });
  });
});
