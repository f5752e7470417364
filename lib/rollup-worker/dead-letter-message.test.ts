import { describe, expect, it } from "vitest";
import { buildDeadLetterMessage, DEAD_LETTER_HEADERS, MAX_DETAIL_LENGTH, truncateDetail } from "./dead-letter-message";

const source = { groupId: "heartlake-rollup", topic: "heartrate.readings", partition: 3 };

describe("buildDeadLetterMessage", () => {
  it("given a poison record, when built, then key, bytes and headers are kept and the reason and origin added", () => {
    const value = Buffer.from([0xff, 0xfe, 0x00]);
    const record = { offset: 42, key: Buffer.from("k"), value, headers: { "x-request-id": "req-1" } };

    const message = buildDeadLetterMessage(
      { record, reason: "UNDECODABLE", detail: "value is not valid UTF-8" },
      source,
    );

    expect(message.key).toEqual(Buffer.from("k"));
    expect(message.value).toBe(value);
    expect(message.headers).toEqual({
      "x-request-id": "req-1",
      [DEAD_LETTER_HEADERS.reason]: "UNDECODABLE",
      [DEAD_LETTER_HEADERS.detail]: "value is not valid UTF-8",
      [DEAD_LETTER_HEADERS.topic]: "heartrate.readings",
      [DEAD_LETTER_HEADERS.partition]: "3",
      [DEAD_LETTER_HEADERS.offset]: "42",
      [DEAD_LETTER_HEADERS.group]: "heartlake-rollup",
    });
  });

  it("given a huge detail, when truncated, then it keeps the first characters within the limit", () => {
    const detail = truncateDetail("x".repeat(10 * MAX_DETAIL_LENGTH));

    expect(detail).toHaveLength(MAX_DETAIL_LENGTH);
    expect(detail.endsWith("…")).toBe(true);
    expect(truncateDetail("short")).toBe("short");
  });
});
