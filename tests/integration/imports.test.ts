import { afterAll, describe, expect, it } from "vitest";
import { makeFit, makeGpx, makeTcx, steadyPoints, T0 } from "@/lib/imports/workout-files.fixtures";
import { closeIngestRuntime } from "@/lib/ingest/ingest-runtime";
import { readingId } from "@/lib/readings/reading-id";
import { postImport } from "./support/api";
import { pairDevice } from "./support/devices";
import { readDeviceMessages, readingsEndOffsets } from "./support/readings-topic";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("POST /api/v1/imports against real Kafka and PostgreSQL", () => {
  afterAll(() => closeIngestRuntime());

  it.each([
    ["FIT", () => makeFit({ points: steadyPoints(1_500) }), 1_500],
    ["TCX", () => utf8(makeTcx({ points: steadyPoints(300) })), 300],
    ["GPX", () => utf8(makeGpx({ points: steadyPoints(300) })), 300],
  ])(
    "given a %s file, when imported, then one ended workout is created and its readings travel the Kafka path keyed by it",
    async (_, file, count) => {
      const watch = await pairDevice();
      const from = await readingsEndOffsets();

      const res = await postImport(watch.token, file(), "application/octet-stream");

      expect(res).toMatchObject({ status: 201, body: { accepted: count } });
      const messages = await readDeviceMessages(from, watch.deviceId);
      expect(new Set(messages.map((m) => m.key))).toEqual(new Set([res.body.workoutId]));
      const ids = messages.flatMap((m) => m.message.readings.map((r) => r.id));
      expect(ids).toHaveLength(count);
      expect(ids[0]).toBe(readingId(watch.deviceId, T0));
    },
  );

  it("given a FIT file in a multipart form, when imported twice, then both land on the same workout", async () => {
    const watch = await pairDevice();
    const form = () => {
      const data = new FormData();
      data.set("file", new File([new Uint8Array(makeFit({ points: steadyPoints(60) }))], "morning-run.fit"));
      return data;
    };

    const first = await postImport(watch.token, form());
    const second = await postImport(watch.token, form());

    expect(first).toMatchObject({ status: 201, body: { format: "fit", sport: "running", accepted: 60 } });
    expect(second.body.workoutId).toBe(first.body.workoutId);
  });

  it("given a multipart body that cannot be read, when imported, then 422 names the file field, not a 500", async () => {
    const watch = await pairDevice();

    const res = await postImport(watch.token, utf8("--nope\r\ngarbage"), "multipart/form-data; boundary=other");

    expect(res).toMatchObject({ status: 422, body: { code: "VALIDATION_FAILED", details: [{ field: "file" }] } });
  });

  it.each([
    ["a corrupt FIT file", () => flipByte(makeFit({ points: steadyPoints(30) }), 40), 422, "CORRUPT_FILE"],
    [
      "random bytes",
      () => new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
      415,
      "UNSUPPORTED_FORMAT",
    ],
    ["a GPX file without heart rate", () => utf8(makeGpx({ points: [[0], [1], [2]] })), 422, "NO_HEART_RATE"],
  ])("given %s, when imported, then %i %s and nothing is sent", async (_, file, status, code) => {
    const watch = await pairDevice();
    const from = await readingsEndOffsets();

    const res = await postImport(watch.token, file(), "application/octet-stream");

    expect(res).toMatchObject({ status, body: { code } });
    expect(await readDeviceMessages(from, watch.deviceId)).toEqual([]);
  });
});

function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}
