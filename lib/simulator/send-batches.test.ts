import { describe, expect, it } from "vitest";
import type { SimBatch } from "./batches";
import type { SimReading } from "./generate-workout";
import { createRunStats } from "./run-stats";
import { sendBatches, type SendBatchesOptions } from "./send-batches";
import type { SendOutcome } from "./send-outcome";
import type { WatchTransport } from "./transport";

const batch = (dueAt: number, ...seconds: number[]): SimBatch => ({
  dueAt,
  readings: seconds.map((s) => ({ ts: s * 1000, bpm: 100, sendS: s })),
});

/** A transport that answers from a script and remembers what it was sent. */
function scriptedTransport(answers: SendOutcome[]) {
  const sent: (readonly SimReading[])[] = [];
  const transport: WatchTransport = {
    send: (readings) => {
      sent.push(readings);
      return Promise.resolve(answers.shift() ?? { kind: "accepted", accepted: readings.length });
    },
    close: () => Promise.resolve(),
  };
  return { transport, sent };
}

/** A fake clock: sleeping moves it forward instantly, and every sleep is recorded. */
function fakeClock(paced = false): SendBatchesOptions & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    paced,
    giveUpAfterMs: 60_000,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}

describe("sendBatches", () => {
  it("given a 429 then a 202, when sent, then the very same readings go again after Retry-After", async () => {
    const { transport, sent } = scriptedTransport([{ kind: "retry", afterMs: 2_000, reason: "HTTP 429 RATE_LIMITED" }]);
    const stats = createRunStats();
    const clock = fakeClock();

    await sendBatches(transport, [batch(0, 1, 2, 3)], stats, clock);

    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    expect(clock.sleeps).toEqual([2_000]);
    expect(stats).toMatchObject({ sent: 3, accepted: 3, retries: 1, rejected: 0, failures: 0 });
    expect(stats.errors.get("HTTP 429 RATE_LIMITED")).toBe(1);
  });

  it("given a refusal, when sent, then the batch counts as rejected and the next batch still goes", async () => {
    const { transport, sent } = scriptedTransport([{ kind: "rejected", reason: "HTTP 422 VALIDATION_FAILED" }]);
    const stats = createRunStats();

    await sendBatches(transport, [batch(0, 1, 2), batch(0, 3)], stats, fakeClock());

    expect(sent).toHaveLength(2);
    expect(stats).toMatchObject({ sent: 3, accepted: 1, retries: 0, rejected: 2, failures: 1 });
  });

  it("given a server that keeps answering 503, when the give-up time passes, then the batch is rejected, not dropped silently", async () => {
    const unavailable: SendOutcome = { kind: "retry", afterMs: 5_000, reason: "HTTP 503 KAFKA_UNAVAILABLE" };
    const { transport, sent } = scriptedTransport(Array.from({ length: 100 }, () => unavailable));
    const stats = createRunStats();

    await sendBatches(transport, [batch(0, 1)], stats, fakeClock());

    expect(sent).toHaveLength(13); // at 0, 5, …, 60 s; waiting once more would pass 60 s
    expect(stats).toMatchObject({ accepted: 0, retries: 12, rejected: 1 });
  });

  it("given a network failure, when sent, then it counts as an error and the batch goes again", async () => {
    const { transport, sent } = scriptedTransport([
      { kind: "retry", afterMs: 1_000, reason: "network: ECONNRESET", network: true },
    ]);
    const stats = createRunStats();

    await sendBatches(transport, [batch(0, 1)], stats, fakeClock());

    expect(sent).toHaveLength(2);
    expect(stats).toMatchObject({ accepted: 1, retries: 1, failures: 1 });
  });

  it("given realtime pacing, when sent, then each batch waits until it is due", async () => {
    const { transport } = scriptedTransport([]);
    const clock = fakeClock(true);

    await sendBatches(transport, [batch(5_000, 1), batch(10_000, 2)], createRunStats(), clock);

    expect(clock.sleeps).toEqual([5_000, 5_000]);
  });

  it("given max speed, when sent, then nothing waits", async () => {
    const { transport } = scriptedTransport([]);
    const clock = fakeClock(false);

    await sendBatches(transport, [batch(5_000, 1), batch(10_000, 2)], createRunStats(), clock);

    expect(clock.sleeps).toEqual([]);
  });
});
