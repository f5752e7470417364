import { createReadingsMessage, type ReadingsMessage } from "@/lib/readings/readings-message";
import type { BufferedMessage } from "./lake-rows";

/** A readings message for unit tests: `count` readings a second apart from `ts`. */
export function sampleMessage(receivedAt: number, count = 2, ts = receivedAt - 60_000): ReadingsMessage {
  const readings = Array.from({ length: count }, (_, i) => ({ ts: ts + i * 1000, bpm: 100 + i }));
  return createReadingsMessage(
    { userId: "user-1", deviceId: "device-1", workoutId: "7d8f0b8e-8a55-4b55-9d7e-1f8e2a9c0b11", receivedAt },
    readings,
  );
}

/** A buffered message of a given day; `null` day makes it poison. */
export function buffered(offset: number, day: string | null, readings = 2): BufferedMessage {
  const receivedAt = day === null ? 0 : Date.parse(`${day}T12:00:00Z`);
  return {
    offset,
    day,
    kafkaTimestamp: Date.parse("2025-03-01T10:00:00Z"),
    bytes: 100,
    message: day === null ? null : sampleMessage(receivedAt, readings),
  };
}
