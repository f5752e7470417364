import type { Kafka } from "kafkajs";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { toErrorResponse } from "@/lib/api/error-response";
import { readJson } from "@/lib/api/read-json";
import { authenticateDevice } from "@/lib/devices/devices";
import { IMPORT_ERROR_CODES, IMPORT_ERROR_STATUS } from "@/lib/imports/import-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createRateLimiter } from "@/lib/ingest/rate-limiter";
import { createReadingsPublisher } from "@/lib/kafka/readings-publisher";
import { createReadingsMessage } from "@/lib/readings/readings-message";
import { READINGS_ERROR_CODES, READINGS_ERROR_STATUS } from "@/lib/readings/readings-error";
import { endWorkout, startWorkoutSchema } from "@/lib/workouts/workouts";
import { AUTH_ERROR_STATUS, JSON_BODY_ERROR_STATUS } from "./error-codes";
import { EXAMPLE_WORKOUT_ID } from "./examples";
import { buildOpenApiDocument } from "./openapi-document";
import type { OperationObject } from "./openapi-types";

const document = buildOpenApiDocument();
const readings = document.paths["/api/v1/readings"]?.post;
const startWorkout = document.paths["/api/v1/workouts"]?.post;
const endWorkoutOp = document.paths["/api/v1/workouts/{id}/end"]?.post;
const importWorkout = document.paths["/api/v1/imports"]?.post;
const deviceOperations = [readings, startWorkout, endWorkoutOp, importWorkout];

/** `{ CODE: status }` as the operation documents it. */
function documentedCodes(operation: OperationObject | undefined): Record<string, number> {
  return Object.fromEntries(
    Object.entries(operation?.responses ?? {}).flatMap(([status, response]) =>
      (response["x-error-codes"] ?? []).map((code) => [code, Number(status)]),
    ),
  );
}

/** What a call rejects with: `{ CODE: status }` and its Retry-After. */
async function refusal(call: () => unknown): Promise<{ code: Record<string, number>; retryAfter?: number }> {
  try {
    await call();
  } catch (err) {
    if (err instanceof AppError) return { code: { [err.code]: err.status }, retryAfter: err.retryAfterSeconds };
    throw err;
  }
  throw new Error("expected the call to be refused");
}

const fakePrisma = (device: unknown, workout: unknown = null) =>
  ({
    device: { findUnique: () => Promise.resolve(device) },
    workout: { findFirst: () => Promise.resolve(workout) },
  }) as unknown as PrismaClient;

const jsonRequest = (body: string, contentType = "application/json") =>
  new Request("http://heartlake.test/api/v1/workouts", {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });

const revoked = { id: "d", userId: "u", timeZone: "UTC", revokedAt: new Date() };

describe("the documented error codes against the code that raises them", () => {
  it("given the readings endpoint, when its codes are listed, then they are READINGS_ERROR_CODES plus auth, workout, rate-limit, Kafka and internal", () => {
    const codes = documentedCodes(readings);

    expect(Object.keys(codes).sort()).toEqual(
      [
        ...READINGS_ERROR_CODES,
        ...["MISSING_TOKEN", "INVALID_TOKEN", "TOKEN_REVOKED", "WORKOUT_NOT_FOUND"],
        ...["RATE_LIMITED", "KAFKA_UNAVAILABLE", "INTERNAL"],
      ].sort(),
    );
    for (const code of READINGS_ERROR_CODES) expect(codes[code], code).toBe(READINGS_ERROR_STATUS[code]);
  });

  it("given the imports endpoint, when its codes are listed, then they are IMPORT_ERROR_CODES plus auth, upload, Kafka and internal", () => {
    const codes = documentedCodes(importWorkout);

    expect(Object.keys(codes).sort()).toEqual(
      [
        ...IMPORT_ERROR_CODES,
        ...["MISSING_TOKEN", "INVALID_TOKEN", "TOKEN_REVOKED"],
        ...["VALIDATION_FAILED", "KAFKA_UNAVAILABLE", "INTERNAL"],
      ].sort(),
    );
    for (const code of IMPORT_ERROR_CODES) expect(codes[code], code).toBe(IMPORT_ERROR_STATUS[code]);
  });

  it.each([
    { given: "no token", token: undefined, device: null },
    { given: "an unknown token", token: "hl_dev_unknown", device: null },
    { given: "a revoked token", token: "hl_dev_revoked", device: revoked },
  ])(
    "given $given, when a device authenticates, then the code and status are documented on every device endpoint",
    async ({ token, device }) => {
      const { code } = await refusal(() => authenticateDevice(fakePrisma(device), token));

      expect(AUTH_ERROR_STATUS).toMatchObject(code);
      for (const operation of deviceOperations) expect(documentedCodes(operation)).toMatchObject(code);
    },
  );

  it("given a device over its rate, when it sends again, then RATE_LIMITED 429 is documented with Retry-After", async () => {
    const limiter = createRateLimiter({ perSecond: 1, burst: 1 });
    limiter.take("watch", 0);

    const { code, retryAfter } = await refusal(() => limiter.take("watch", 0));

    expect(code).toEqual({ RATE_LIMITED: 429 });
    expect(retryAfter).toBeGreaterThan(0);
    expect(documentedCodes(readings)).toMatchObject(code);
    expect(readings?.responses["429"]?.headers?.["Retry-After"]?.required).toBe(true);
  });

  it("given Kafka is down, when readings are published, then KAFKA_UNAVAILABLE 503 is documented with Retry-After", async () => {
    const kafka = { admin: () => ({ connect: () => Promise.reject(new Error("ECONNREFUSED")) }) } as unknown as Kafka;
    const publisher = createReadingsPublisher(kafka, {
      topic: "heartrate.readings",
      partitions: 1,
      maxInFlight: 1,
      maxWaiting: 1,
      timeoutMs: 1000,
    });
    const message = createReadingsMessage(
      { userId: "u", deviceId: "d", workoutId: EXAMPLE_WORKOUT_ID, receivedAt: 0 },
      [{ ts: 0, bpm: 100 }],
    );

    const { code, retryAfter } = await refusal(() => publisher.publish([message]));

    expect(code).toEqual({ KAFKA_UNAVAILABLE: 503 });
    expect(retryAfter).toBeGreaterThan(0);
    for (const operation of [readings, importWorkout]) {
      expect(documentedCodes(operation)).toMatchObject(code);
      expect(operation?.responses["503"]?.headers?.["Retry-After"]?.required).toBe(true);
    }
  });

  it.each([
    { given: "text that is not JSON", request: () => jsonRequest("{") },
    { given: "a body that is not JSON-typed", request: () => jsonRequest("{}", "text/plain") },
    { given: "an invalid workout", request: () => jsonRequest('{"sport": ""}') },
    { given: "a body over 16 KiB", request: () => jsonRequest(JSON.stringify({ sport: "x".repeat(20_000) })) },
  ])("given $given, when a workout start is read, then its code and status are documented", async ({ request }) => {
    const { code } = await refusal(() => readJson(request(), startWorkoutSchema));

    expect(JSON_BODY_ERROR_STATUS).toMatchObject(code);
    expect(documentedCodes(startWorkout)).toMatchObject(code);
  });

  it("given a workout of another device, when it is ended, then WORKOUT_NOT_FOUND 404 is documented", async () => {
    const device = { id: "d", userId: "u", timeZone: "UTC" };

    const { code } = await refusal(() => endWorkout(fakePrisma(null, null), device, EXAMPLE_WORKOUT_ID, new Date()));

    expect(code).toEqual({ WORKOUT_NOT_FOUND: 404 });
    expect(documentedCodes(endWorkoutOp)).toMatchObject(code);
  });

  it("given an unexpected error, when mapped to a response, then INTERNAL 500 is documented on every device endpoint", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = toErrorResponse(new Error("boom"), undefined);
    const body = (await response.json()) as { code: string };

    expect({ [body.code]: response.status }).toEqual({ INTERNAL: 500 });
    for (const operation of deviceOperations) expect(documentedCodes(operation)).toMatchObject({ INTERNAL: 500 });
  });

  it("given every error response, when read, then its code enum, x-error-codes and example codes agree", () => {
    for (const { responses } of deviceOperations.flatMap((op) => (op ? [op] : []))) {
      for (const response of Object.values(responses).filter((r) => r["x-error-codes"])) {
        const media = response.content?.["application/json"];
        const exampleCodes = Object.values(media?.examples ?? {}).map((e) => (e.value as { code: string }).code);

        expect(media?.schema.allOf?.[1]?.properties?.code).toEqual({ enum: response["x-error-codes"] });
        expect(exampleCodes).toEqual(response["x-error-codes"]);
      }
    }
  });
});
