import { describe, expect, it } from "vitest";
import { encodeReadingsMessage } from "@/lib/readings/readings-message";
import { buffered, sampleMessage } from "./lake-messages.fixtures";
import { bufferKafkaMessage, toLakeColumns } from "./lake-rows";

const kafkaMessage = (value: string | null, offset = "7") => ({
  offset,
  timestamp: String(Date.UTC(2025, 2, 1)),
  value: value === null ? null : Buffer.from(value),
});

describe("bufferKafkaMessage", () => {
  it("given a valid message received just before midnight UTC, when buffered, then its day is that UTC day", () => {
    const message = sampleMessage(Date.UTC(2025, 0, 31, 23, 59, 59, 999));

    const { entry, failure } = bufferKafkaMessage(kafkaMessage(encodeReadingsMessage(message)));

    expect(failure).toBeNull();
    expect(entry).toMatchObject({ offset: 7, day: "2025-01-31", message });
    expect(entry.bytes).toBe(Buffer.byteLength(encodeReadingsMessage(message)));
  });

  it.each([
    ["not JSON", "{", "INVALID_JSON"],
    ["a tombstone", null, "UNDECODABLE"],
    ["an unknown version", '{"v":9}', "UNKNOWN_VERSION"],
    [
      "a receivedAt with no calendar day",
      JSON.stringify({ ...sampleMessage(0), receivedAt: 2 ** 53 - 1 }),
      "INVALID_FIELDS",
    ],
  ])("given %s, when buffered, then it is poison: no day, no message, a reason", (_, value, reason) => {
    const { entry, failure } = bufferKafkaMessage(kafkaMessage(value));

    expect(entry).toMatchObject({ offset: 7, day: null, message: null });
    expect(failure?.reason).toBe(reason);
  });
});

describe("toLakeColumns", () => {
  it("given messages and a poison one, when turned into columns, then there is one row per reading with its message's fields", () => {
    const first = buffered(10, "2025-01-31", 2);
    const second = { ...buffered(12, "2025-01-31", 1), message: { ...sampleMessage(1_000, 1), requestId: "req-1" } };
    second.message.readings[0]!.externalId = "p-17";

    const columns = toLakeColumns([first, buffered(11, null), second], 4);

    expect(columns.reading_id).toEqual([...first.message!.readings, ...second.message.readings].map((r) => r.id));
    expect(columns.ts).toEqual([...first.message!.readings, ...second.message.readings].map((r) => r.ts));
    expect([...columns.bpm]).toEqual([100, 101, 100]);
    expect(columns.received_at).toEqual([first.message!.receivedAt, first.message!.receivedAt, 1_000]);
    expect([...columns.kafka_partition]).toEqual([4, 4, 4]);
    expect([...columns.kafka_offset]).toEqual([10n, 10n, 12n]);
    expect(columns.external_id).toEqual([null, null, "p-17"]);
    expect(columns.request_id).toEqual([null, null, "req-1"]);
    expect(columns.user_id).toEqual(["user-1", "user-1", "user-1"]);
  });
});
