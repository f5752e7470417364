import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeIngestRuntime } from "@/lib/ingest/ingest-runtime";
import { postReadings } from "./support/api";
import { pairDevice } from "./support/devices";
import { readDeviceMessages, readingsEndOffsets } from "./support/readings-topic";

const now = () => Math.floor(Date.now() / 1000) * 1000;
const ok = () => ({ ts: now() - 10_000, bpm: 120 });
const json = "application/json";
const ndjson = "application/x-ndjson";
const legacy = (createdAt: unknown[], extra: object = {}) => ({
  playerId: "p-17",
  heartbeat: 128.0,
  createdAt,
  ...extra,
});
const today = () => {
  const d = new Date(now() - 60_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

interface BadInput {
  name: string;
  body: () => string | Uint8Array | object;
  contentType?: string | null;
  status: number;
  code: string;
  /** A field the details must name, where there is one. */
  field?: string;
}

const BAD_INPUTS: BadInput[] = [
  { name: "malformed JSON", body: () => "{", status: 400, code: "INVALID_JSON" },
  { name: "an empty body", body: () => "", status: 400, code: "INVALID_JSON" },
  {
    name: "bytes that are not UTF-8",
    body: () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    status: 400,
    code: "INVALID_JSON",
  },
  { name: "text/plain", body: () => ok(), contentType: "text/plain", status: 415, code: "UNSUPPORTED_CONTENT_TYPE" },
  { name: "no content type", body: () => ok(), contentType: null, status: 415, code: "UNSUPPORTED_CONTENT_TYPE" },
  { name: "XML", body: () => "<r/>", contentType: "application/xml", status: 415, code: "UNSUPPORTED_CONTENT_TYPE" },
  {
    name: "a latin-1 charset",
    body: () => ok(),
    contentType: "application/json; charset=iso-8859-1",
    status: 415,
    code: "UNSUPPORTED_CONTENT_TYPE",
  },
  { name: "a body over 1 MB", body: () => " ".repeat(1_048_577), status: 413, code: "PAYLOAD_TOO_LARGE" },
  {
    name: "1,001 readings",
    body: () => ({ readings: Array.from({ length: 1_001 }, ok) }),
    status: 413,
    code: "BATCH_TOO_LARGE",
  },
  { name: "an empty batch", body: () => ({ readings: [] }), status: 422, code: "EMPTY_BATCH" },
  { name: "bpm 24", body: () => ({ ...ok(), bpm: 24 }), status: 422, code: "VALIDATION_FAILED", field: "bpm" },
  { name: "bpm 251", body: () => ({ ...ok(), bpm: 251 }), status: 422, code: "VALIDATION_FAILED", field: "bpm" },
  {
    name: "bpm as a string",
    body: () => ({ ...ok(), bpm: "120" }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "bpm",
  },
  { name: "bpm null", body: () => ({ ...ok(), bpm: null }), status: 422, code: "VALIDATION_FAILED", field: "bpm" },
  { name: "no bpm", body: () => ({ ts: ok().ts }), status: 422, code: "VALIDATION_FAILED", field: "bpm" },
  { name: "no ts", body: () => ({ bpm: 120 }), status: 422, code: "VALIDATION_FAILED", field: "ts" },
  {
    name: "ts 8 days ago",
    body: () => ({ ...ok(), ts: now() - 8 * 86_400_000 }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "ts",
  },
  {
    name: "ts 10 minutes ahead",
    body: () => ({ ...ok(), ts: now() + 600_000 }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "ts",
  },
  {
    name: "ts in words",
    body: () => ({ ...ok(), ts: "yesterday" }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "ts",
  },
  {
    name: "ts ISO without a zone",
    body: () => ({ ...ok(), ts: "2026-11-22T10:00:00" }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "ts",
  },
  {
    name: "ts in epoch seconds",
    body: () => ({ ...ok(), ts: Math.floor(now() / 1000) }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "ts",
  },
  {
    name: "ts with a fraction of a ms",
    body: () => ({ ...ok(), ts: now() - 10_000.5 }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "ts",
  },
  { name: "an unknown field", body: () => ({ ...ok(), spo2: 98 }), status: 422, code: "VALIDATION_FAILED" },
  {
    name: "a workoutId that is not a UUID",
    body: () => ({ ...ok(), workoutId: "w-1" }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "workoutId",
  },
  { name: "readings that are not an array", body: () => ({ readings: {} }), status: 422, code: "VALIDATION_FAILED" },
  { name: "a bare number", body: () => "42", status: 422, code: "VALIDATION_FAILED" },
  {
    name: "an extra key beside readings",
    body: () => ({ readings: [ok()], device: "x" }),
    status: 422,
    code: "VALIDATION_FAILED",
  },
  {
    name: "one bad reading among good ones",
    body: () => ({ readings: [ok(), { ...ok(), bpm: 0 }, ok()] }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "bpm",
  },
  {
    name: "legacy heartbeat 300",
    body: () => ({ ...legacy(today()), heartbeat: 300 }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "heartbeat",
  },
  { name: "legacy month 13", body: () => legacy([2026, 13, 1, 10, 0]), status: 422, code: "VALIDATION_FAILED" },
  { name: "legacy 30 February", body: () => legacy([2024, 2, 30, 10, 0]), status: 422, code: "VALIDATION_FAILED" },
  {
    name: "legacy createdAt of 4 fields",
    body: () => legacy([2026, 11, 22, 10]),
    status: 422,
    code: "VALIDATION_FAILED",
  },
  {
    name: "legacy with an unknown field",
    body: () => legacy(today(), { battery: 50 }),
    status: 422,
    code: "VALIDATION_FAILED",
  },
  {
    name: "legacy without playerId",
    body: () => ({ heartbeat: 128, createdAt: today() }),
    status: 422,
    code: "VALIDATION_FAILED",
    field: "playerId",
  },
  {
    name: "NDJSON with a broken line",
    body: () => `${JSON.stringify(ok())}\n{"ts":`,
    contentType: ndjson,
    status: 400,
    code: "INVALID_JSON",
  },
  {
    name: "NDJSON with bpm 300 on line 2",
    body: () => `${JSON.stringify(ok())}\n${JSON.stringify({ ...ok(), bpm: 300 })}`,
    contentType: ndjson,
    status: 422,
    code: "VALIDATION_FAILED",
    field: "bpm",
  },
  { name: "NDJSON with only blank lines", body: () => "\n\n", contentType: ndjson, status: 422, code: "EMPTY_BATCH" },
];

describe("bad input to POST /api/v1/readings", () => {
  let watch: Awaited<ReturnType<typeof pairDevice>>;
  let from: Map<number, number>;
  beforeAll(async () => {
    watch = await pairDevice();
    from = await readingsEndOffsets();
  });
  afterAll(async () => {
    // Checked once for the whole table: not one bad request may have reached Kafka.
    expect(await readDeviceMessages(from, watch.deviceId)).toEqual([]);
    await closeIngestRuntime();
  });

  it("has at least 30 cases", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD_INPUTS)(
    "given $name, when posted, then $status $code",
    async ({ body, contentType, status, code, field }) => {
      const res = await postReadings(watch.token, body(), contentType === undefined ? json : contentType);

      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ code, message: expect.any(String), details: expect.any(Array) });
      if (field)
        expect(res.body.details).toContainEqual(expect.objectContaining({ field: expect.stringContaining(field) }));
    },
  );
});
