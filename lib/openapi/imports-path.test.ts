import type { Kafka } from "kafkajs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/imports/route";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { IngestRuntime } from "@/lib/ingest/ingest-runtime";
import { DEFAULT_MAX_IMPORT_BYTES } from "@/lib/imports/parse-workout-file";
import { createReadingsPublisher, type ReadingsPublisher } from "@/lib/kafka/readings-publisher";
import { checkJsonSchema } from "./check-json-schema";
import { resolveSchema } from "./document-queries";
import { EXAMPLE_WORKOUT_ID } from "./examples";
import { badUploads, type ExampleUpload } from "./import-error-examples";
import { buildOpenApiDocument } from "./openapi-document";

const document = buildOpenApiDocument();
const operation = document.paths["/api/v1/imports"]?.post;
const resolve = (ref: string) => resolveSchema(document, { $ref: ref });

/** The example body documented for `code` under `status`. */
const documentedExample = (status: number, code: string) =>
  operation?.responses[String(status)]?.content?.["application/json"]?.examples?.[code]?.value;

// The route takes its Kafka producer and Prisma client from the process-wide
// runtime (lib/ingest/ingest-runtime.ts); a fake one there keeps the real
// route in front of the real parser without a stack.
const shared = globalThis as unknown as { heartlakeIngest?: IngestRuntime };
let saved: IngestRuntime | undefined;
let published: number;

function fakeRuntime(publisher?: ReadingsPublisher): IngestRuntime {
  const device = { id: "d", userId: "u", timeZone: "UTC", revokedAt: null };
  const prisma = {
    device: { findUnique: () => Promise.resolve(device) },
    workout: { upsert: () => Promise.resolve({ id: EXAMPLE_WORKOUT_ID }) },
    $executeRaw: () => Promise.resolve(1),
  } as unknown as PrismaClient;
  const counting: ReadingsPublisher = {
    publish: (messages) => Promise.resolve(void (published += messages.length)),
    disconnect: () => Promise.resolve(),
  };
  return { deps: { prisma, publisher: publisher ?? counting, sessionGapMs: 600_000 } } as IngestRuntime;
}

beforeEach(() => {
  saved = shared.heartlakeIngest;
  shared.heartlakeIngest = fakeRuntime();
  published = 0;
});
afterEach(() => {
  shared.heartlakeIngest = saved;
});

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://heartlake.test/api/v1/imports", {
      method: "POST",
      headers: { authorization: "Bearer hl_dev_test", ...headers },
      body,
    }),
  );

const inForm = ({ bytes, fileName }: ExampleUpload, field = "file") => {
  const form = new FormData();
  form.set(field, new File([new Uint8Array(bytes)], fileName));
  return form;
};

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as { code?: string } };
}

const HEART_RATE_GPX = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="watch" xmlns="http://www.topografix.com/GPX/1/1"
  xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
  <trk><type>running</type><trkseg>
    <trkpt lat="52.52" lon="13.405"><time>2023-11-23T14:05:09Z</time>
      <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>128</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>
    </trkpt>
    <trkpt lat="52.5201" lon="13.4052"><time>2023-11-23T14:05:10Z</time></trkpt>
  </trkseg></trk>
</gpx>
`;

describe("POST /api/v1/imports as documented, against the route", () => {
  it("given a GPX with heart rate, when imported, then 201 answers a body that matches ImportResult", async () => {
    const response = await post(new TextEncoder().encode(HEART_RATE_GPX), {
      "content-type": "application/octet-stream",
    });
    const body: unknown = await response.json();

    expect(response.status).toBe(201);
    expect(operation?.responses["201"]?.headers).toHaveProperty("X-Request-Id");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(body).toEqual({
      workoutId: EXAMPLE_WORKOUT_ID,
      format: "gpx",
      sport: "running",
      accepted: 1,
      skipped: { noHeartRate: 1, outOfRange: 0, noTimestamp: 0, duplicateTimestamp: 0 },
    });
    expect(checkJsonSchema({ $ref: "#/components/schemas/ImportResult" }, body, resolve)).toEqual([]);
    expect(published).toBe(1);
  });

  it.each(Object.entries(badUploads()))(
    "given the %s example file in a form, when imported, then the route answers the documented example at its status",
    async (code, upload) => {
      const { status, body } = await answer(await post(inForm(upload)));

      expect(operation?.responses[String(status)]?.["x-error-codes"]).toContain(code);
      expect(body).toEqual(documentedExample(status, code));
      expect(published).toBe(0);
    },
  );

  it.each(Object.entries(badUploads()))(
    "given the %s example file as the raw body, when imported, then the code and status are the same",
    async (code, upload) => {
      const form = await answer(await post(inForm(upload)));

      const raw = await answer(
        await post(new Uint8Array(upload.bytes), { "content-type": "application/octet-stream" }),
      );

      expect({ status: raw.status, code: raw.body.code }).toEqual({ status: form.status, code });
    },
  );

  it("given a form without a file field, when imported, then VALIDATION_FAILED 422 is the documented example", async () => {
    const upload = badUploads().NO_HEART_RATE;

    const { status, body } = await answer(await post(inForm(upload, "upload")));

    expect(status).toBe(422);
    expect(body).toEqual(documentedExample(422, "VALIDATION_FAILED"));
  });

  it.each([
    { given: "a form", contentType: "multipart/form-data; boundary=x", status: 413, code: "FILE_TOO_LARGE" },
    { given: "a raw body", contentType: "application/octet-stream", status: 413, code: "FILE_TOO_LARGE" },
  ])(
    "given $given declaring more than the limit, when imported, then $code $status is the documented example",
    async ({ contentType, status, code }) => {
      const length = String(DEFAULT_MAX_IMPORT_BYTES + 1024 * 1024);

      const answered = await answer(await post("x", { "content-type": contentType, "content-length": length }));

      expect(answered).toEqual({ status, body: documentedExample(status, code) });
    },
  );

  it("given Kafka is down, when a file is imported, then KAFKA_UNAVAILABLE 503 with Retry-After is documented", async () => {
    const kafka = { admin: () => ({ connect: () => Promise.reject(new Error("ECONNREFUSED")) }) } as unknown as Kafka;
    const options = { topic: "heartrate.readings", partitions: 1, maxInFlight: 1, maxWaiting: 1, timeoutMs: 1000 };
    shared.heartlakeIngest = fakeRuntime(createReadingsPublisher(kafka, options));

    const response = await post(new TextEncoder().encode(HEART_RATE_GPX));
    const { status, body } = await answer(response);

    expect({ status, code: body.code }).toEqual({ status: 503, code: "KAFKA_UNAVAILABLE" });
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(operation?.responses["503"]?.headers?.["Retry-After"]?.required).toBe(true);
  });
});

describe("the imports operation", () => {
  it("given its request body, when read, then it takes the raw file or a form with a binary file field", () => {
    const content = operation?.requestBody?.content ?? {};

    expect(operation?.requestBody?.required).toBe(true);
    expect(Object.keys(content)).toEqual(["application/octet-stream", "multipart/form-data"]);
    expect(content["application/octet-stream"]?.schema).toMatchObject({
      type: "string",
      contentMediaType: "application/octet-stream",
    });
    expect(content["multipart/form-data"]?.schema).toMatchObject({
      type: "object",
      required: ["file"],
      properties: { file: { type: "string", contentMediaType: "application/octet-stream" } },
    });
  });

  it("given its responses, when listed, then every status the route answers is there", () => {
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(
      ["201", "401", "413", "415", "422", "500", "503"].sort(),
    );
    expect(operation?.responses["201"]?.content?.["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/ImportResult",
    });
  });

  it("given its description, when read, then it says re-imports land on the same workout and readings go through Kafka", () => {
    expect(operation?.description).toContain("Importing the same file again lands on the same workout");
    expect(operation?.description).toContain("the same Kafka path as live readings");
  });

  it("given its curl samples, when read, then one sends the raw file and one a multipart form", () => {
    const sources = (operation?.["x-codeSamples"] ?? []).map((sample) => sample.source);

    expect(sources).toEqual([
      expect.stringContaining('-H "Content-Type: application/octet-stream" \\\n  --data-binary @ride.fit'),
      expect.stringContaining("-F file=@ride.fit"),
    ]);
    for (const source of sources) {
      expect(source).toMatch(/^curl -i -X POST "\$HEARTLAKE_URL\/api\/v1\/imports"/);
      expect(source).toContain('-H "Authorization: Bearer $DEVICE_TOKEN"');
    }
    expect(sources[1]).not.toContain("Content-Type");
  });
});
