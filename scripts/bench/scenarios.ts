import type { BenchDevice } from "./bench-devices";
import { createAgent, postReadings } from "./http-client";
import { runClosedLoop, runOpenLoop, type Attempt, type LoadResult } from "./load";
import { batchPayload, ndjsonPayload, nextReadings, singlePayload, type Payload } from "./payloads";
import { connectSockets, emitReadings } from "./socket-load";

/** How a throughput scenario sends: one device per worker, one request in flight per device. */
export interface Scenario {
  name: string;
  workers: number;
  /** Readings per request, for the Kafka baseline of the same message shape. */
  readingsPerRequest: number;
  /** Sets up the senders, one per device; returns them and a cleanup. */
  prepare(url: string, devices: BenchDevice[]): Promise<{ send: (worker: number) => Promise<Attempt>; close(): void }>;
}

const agent = createAgent(512);

async function post(url: string, device: BenchDevice, payload: Payload): Promise<Attempt> {
  const status = await postReadings(agent, url, device.token, payload);
  return status === 202
    ? { ok: true, readings: payload.readings }
    : { ok: false, readings: 0, failure: `HTTP ${status}` };
}

function httpScenario(name: string, workers: number, n: number, make: (d: BenchDevice) => Payload): Scenario {
  return {
    name,
    workers,
    readingsPerRequest: n,
    prepare: (url, devices) =>
      Promise.resolve({ send: (w) => post(url, deviceOf(devices, w), make(deviceOf(devices, w))), close: () => {} }),
  };
}

function deviceOf(devices: BenchDevice[], i: number): BenchDevice {
  const device = devices[i % devices.length];
  if (!device) throw new Error("no bench devices");
  return device;
}

/** The throughput scenarios, in the order they run. */
export const SCENARIOS: Scenario[] = [
  httpScenario("single POSTs", 64, 1, singlePayload),
  httpScenario("batches of 100", 16, 100, (d) => batchPayload(d, 100)),
  httpScenario("batches of 1,000", 16, 1000, (d) => batchPayload(d, 1000)),
  httpScenario("NDJSON, 1,000 lines", 16, 1000, (d) => ndjsonPayload(d, 1000)),
  {
    name: "socket.io, batches of 1,000",
    workers: 16,
    readingsPerRequest: 1000,
    async prepare(url, devices) {
      const sockets = await connectSockets(
        url,
        devices.map((d) => d.token),
      );
      return {
        send: (w) => {
          const socket = sockets[w % sockets.length];
          if (!socket) throw new Error("no socket");
          return emitReadings(socket, { readings: nextReadings(deviceOf(devices, w), 1000) });
        },
        close: () => sockets.forEach((s) => s.close()),
      };
    },
  },
];

/** Warms the path up (JIT, pools, producer) unmeasured, then measures for `seconds`. */
export async function runScenario(scenario: Scenario, url: string, devices: BenchDevice[], seconds: number) {
  const { send, close } = await scenario.prepare(url, devices);
  try {
    const warmUp = await runClosedLoop(scenario.workers, 1_500, send);
    return { warmUp, result: await runClosedLoop(scenario.workers, seconds * 1000, send) };
  } finally {
    close();
  }
}

/** Single POSTs on a fixed schedule at `rate` per second, spread over the devices. */
export function runLatencyProbe(
  url: string,
  devices: BenchDevice[],
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  return runOpenLoop(rate, seconds * 1000, (i) => {
    const device = deviceOf(devices, i);
    return post(url, device, singlePayload(device));
  });
}
