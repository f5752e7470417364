import { describe, expect, it } from "vitest";
import { classifyAck, classifyHttpResponse, parseRetryAfter } from "./send-outcome";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const error = (code: string, message = "m") => JSON.stringify({ code, message, details: [] });

describe("parseRetryAfter", () => {
  it.each([
    { header: "3", ms: 3_000 },
    { header: " 0 ", ms: 0 },
    { header: "Sun, 22 Nov 2026 12:00:05 GMT", ms: 5_000 },
    { header: "Sun, 22 Nov 2026 11:00:00 GMT", ms: 0 },
    { header: "soon", ms: 1_000 },
    { header: null, ms: 1_000 },
  ])("given Retry-After $header, when parsed, then the wait is $ms ms", ({ header, ms }) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });
});

describe("classifyHttpResponse", () => {
  it.each([
    {
      status: 202,
      body: '{"accepted":5,"workoutIds":[]}',
      retryAfter: null,
      outcome: { kind: "accepted", accepted: 5 },
    },
    { status: 429, body: error("RATE_LIMITED"), retryAfter: "2", outcome: { kind: "retry", afterMs: 2_000 } },
    { status: 503, body: error("KAFKA_UNAVAILABLE"), retryAfter: "5", outcome: { kind: "retry", afterMs: 5_000 } },
    { status: 422, body: error("VALIDATION_FAILED"), retryAfter: null, outcome: { kind: "rejected" } },
    { status: 401, body: error("INVALID_TOKEN"), retryAfter: null, outcome: { kind: "rejected" } },
    { status: 500, body: "<html>", retryAfter: null, outcome: { kind: "rejected" } },
  ])("given HTTP $status, when classified, then it is $outcome.kind", ({ status, body, retryAfter, outcome }) => {
    expect(classifyHttpResponse(status, retryAfter, body, NOW)).toMatchObject(outcome);
  });

  it("given a refusal, when classified, then the reason names the status and the server's code", () => {
    const outcome = classifyHttpResponse(422, null, error("VALIDATION_FAILED", "1 problem"), NOW);

    expect(outcome).toEqual({ kind: "rejected", reason: "HTTP 422 VALIDATION_FAILED: 1 problem" });
  });
});

describe("classifyAck", () => {
  const nack = (code: string, message = "m") => ({ ok: false as const, error: { code, message, details: [] } });

  it.each([
    { ack: { ok: true as const, accepted: 7 }, outcome: { kind: "accepted", accepted: 7 } },
    {
      ack: nack("RATE_LIMITED", "send batches instead, and retry in 2 s."),
      outcome: { kind: "retry", afterMs: 2_000 },
    },
    { ack: nack("RATE_LIMITED"), outcome: { kind: "retry", afterMs: 1_000 } },
    { ack: nack("KAFKA_UNAVAILABLE"), outcome: { kind: "retry", afterMs: 5_000 } },
    { ack: nack("VALIDATION_FAILED"), outcome: { kind: "rejected" } },
    { ack: nack("INTERNAL"), outcome: { kind: "rejected" } },
  ])("given an ack $ack.error.code, when classified, then it is $outcome.kind", ({ ack, outcome }) => {
    expect(classifyAck(ack)).toMatchObject(outcome);
  });
});
