import { describe, expect, it } from "vitest";
import { decodeReadingsMessage } from "@/lib/readings/readings-message";
import { parseProducerPerformance, sampleMessages } from "./kafka-baseline";

describe("parseProducerPerformance", () => {
  it("given the tool's output, when parsed, then the final summary line is read, not a progress line", () => {
    const output = [
      "9911 records sent, 1982.2 records/sec (190.12 MB/sec), 80.5 ms avg latency, 201.0 ms max latency.",
      "20000 records sent, 2345.678901 records/sec (224.93 MB/sec), 70.12 ms avg latency, 420.00 ms max latency, 60 ms 50th, 150 ms 95th, 300 ms 99th, 410 ms 99.9th.",
    ].join("\n");

    expect(parseProducerPerformance(output)).toEqual({
      records: 20_000,
      recordsPerSecond: 2345.678901,
      mbPerSecond: 224.93,
      avgLatencyMs: 70.12,
      p99LatencyMs: 300,
    });
  });

  it("given output without a summary, when parsed, then it is null", () => {
    expect(parseProducerPerformance("Exception in thread main")).toBeNull();
  });
});

describe("sampleMessages", () => {
  it("given a batch size, when sampled, then each message is a valid v1 readings message of that many readings on one line", () => {
    const [message] = sampleMessages(1000, 1);
    const decoded = decodeReadingsMessage(message);

    expect(message).not.toContain("\n");
    expect(decoded.ok && decoded.message.readings.length).toBe(1000);
  });
});
