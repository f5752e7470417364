import type { BenchDevice } from "./bench-devices";

/** What one request carries. */
export interface Payload {
  contentType: string;
  body: string;
  readings: number;
}

/** The next `n` readings of a device: one a second, a plausible bpm. */
export function nextReadings(device: BenchDevice, n: number): { ts: number; bpm: number }[] {
  const readings = Array.from({ length: n }, (_, i) => ({
    ts: device.nextTs + i * 1000,
    bpm: 90 + ((device.nextTs / 1000 + i) % 70),
  }));
  device.nextTs += n * 1000;
  return readings;
}

export const singlePayload = (device: BenchDevice): Payload => ({
  contentType: "application/json",
  body: JSON.stringify(nextReadings(device, 1)[0]),
  readings: 1,
});

export const batchPayload = (device: BenchDevice, n: number): Payload => ({
  contentType: "application/json",
  body: JSON.stringify({ readings: nextReadings(device, n) }),
  readings: n,
});

export const ndjsonPayload = (device: BenchDevice, n: number): Payload => ({
  contentType: "application/x-ndjson",
  body: nextReadings(device, n)
    .map((r) => JSON.stringify(r))
    .join("\n"),
  readings: n,
});
