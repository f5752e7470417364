import { describe, expect, it } from "vitest";
import { readingId } from "./reading-id";
import {
  createReadingsMessage,
  decodeReadingsMessage,
  encodeReadingsMessage,
  readingsMessageV1Schema,
  type ReadingsMessage,
} from "./readings-message";

const TS = 1_700_748_309_123;
const meta = {
  userId: "user-1",
  deviceId: "device-1",
  workoutId: "0b7e6a3c-1d2f-4a5b-8c9d-0e1f2a3b4c5d",
  receivedAt: TS + 500,
};

const message = (overrides: Partial<ReadingsMessage> = {}): ReadingsMessage => ({
  ...createReadingsMessage(meta, [{ ts: TS, bpm: 128 }]),
  ...overrides,
});

describe("createReadingsMessage", () => {
  it("given readings of one workout, when built, then each gets its deterministic id and externalId is kept", () => {
    const built = createReadingsMessage({ ...meta, requestId: "req-1" }, [
      { ts: TS, bpm: 128, externalId: "p-17" },
      { ts: TS + 1000, bpm: 129 },
    ]);

    expect(built).toEqual({
      v: 1,
      ...meta,
      requestId: "req-1",
      readings: [
        { id: readingId("device-1", TS), ts: TS, bpm: 128, externalId: "p-17" },
        { id: readingId("device-1", TS + 1000), ts: TS + 1000, bpm: 129 },
      ],
    });
  });
});

describe("encodeReadingsMessage", () => {
  it("given a valid message, when encoded and decoded, then it round-trips", () => {
    const original = message({ requestId: "req-1" });

    expect(decodeReadingsMessage(Buffer.from(encodeReadingsMessage(original)))).toEqual({
      ok: true,
      message: original,
    });
  });

  const reading = (overrides: Record<string, unknown>) => ({
    id: readingId("device-1", TS),
    ts: TS,
    bpm: 128,
    ...overrides,
  });

  it.each([
    { given: "no readings", overrides: { readings: [] } },
    { given: "a bpm out of range", overrides: { readings: [reading({ bpm: 400 })] } },
    { given: "a NaN bpm", overrides: { readings: [reading({ bpm: Number.NaN })] } },
    { given: "a fractional ts", overrides: { readings: [reading({ ts: TS + 0.5 })] } },
    { given: "an id that is no UUID", overrides: { readings: [reading({ id: "r-1" })] } },
    { given: "an empty externalId", overrides: { readings: [reading({ externalId: "" })] } },
    { given: "a workoutId that is not a UUID", overrides: { workoutId: "w-1" } },
    { given: "an empty userId", overrides: { userId: "" } },
  ])("given $given, when encoded, then it throws before reaching the topic", ({ overrides }) => {
    expect(() => encodeReadingsMessage(message(overrides as Partial<ReadingsMessage>))).toThrow();
  });

  it("given a valid message with fields it does not know, when encoded, then the bytes are what the full schema would write", () => {
    const original = createReadingsMessage({ ...meta, requestId: "req-1" }, [
      { ts: TS, bpm: 128, externalId: "p-17" },
      { ts: TS + 1000, bpm: 129.5 },
    ]);
    const withExtras = {
      ...original,
      traceId: "t-1",
      readings: original.readings.map((r) => ({ ...r, debug: true })),
    } as ReadingsMessage;

    expect(encodeReadingsMessage(withExtras)).toBe(JSON.stringify(readingsMessageV1Schema.parse(withExtras)));
  });
});

describe("decodeReadingsMessage", () => {
  const json = (value: unknown) => JSON.stringify(value);

  it.each([
    { given: "a tombstone (null)", value: null, reason: "UNDECODABLE", detail: "message has no value" },
    {
      given: "bytes that are not UTF-8",
      value: new Uint8Array([0xc3, 0x28]),
      reason: "UNDECODABLE",
      detail: "value is not valid UTF-8",
    },
    { given: "text that is not JSON", value: "{v:1}", reason: "INVALID_JSON", detail: expect.any(String) },
    { given: "a JSON array", value: "[]", reason: "INVALID_FIELDS", detail: "message is not a JSON object" },
    {
      given: "version 2",
      value: json({ ...message(), v: 2 }),
      reason: "UNKNOWN_VERSION",
      detail: "v is 2; this consumer reads v 1",
    },
    {
      given: "no version",
      value: json({ ...message(), v: undefined }),
      reason: "UNKNOWN_VERSION",
      detail: "v is missing; this consumer reads v 1",
    },
    {
      given: 'version "1" as a string',
      value: json({ ...message(), v: "1" }),
      reason: "UNKNOWN_VERSION",
      detail: 'v is "1"; this consumer reads v 1',
    },
    {
      given: "a bad reading",
      value: json(message({ readings: [{ id: "x", ts: TS, bpm: 128 }] })),
      reason: "INVALID_FIELDS",
      detail: expect.stringContaining("readings.0.id:"),
    },
    {
      given: "no userId",
      value: json({ ...message(), userId: undefined }),
      reason: "INVALID_FIELDS",
      detail: expect.stringContaining("userId:"),
    },
  ])("given $given, when decoded, then it fails with $reason", ({ value, reason, detail }) => {
    expect(decodeReadingsMessage(value)).toEqual({ ok: false, reason, detail });
  });

  it("given a field this version does not know, when decoded, then it is ignored (additive changes need no bump)", () => {
    const result = decodeReadingsMessage(json({ ...message(), traceId: "t-1" }));

    expect(result).toEqual({ ok: true, message: message() });
  });
});
