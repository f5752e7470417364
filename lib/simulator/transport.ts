import type { SimReading } from "./generate-workout";
import type { SendOutcome } from "./send-outcome";

/** How the simulated watches talk to HeartLake. */
export const TRANSPORTS = ["http", "socket", "legacy"] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** One simulated watch as the server knows it. */
export interface WatchIdentity {
  watch: number;
  token: string;
  deviceId: string;
  /** The device's configured zone: legacy wall times are written in it. */
  timeZone: string;
  /** Legacy `playerId`. */
  playerId: string;
}

/** A watch's connection: sends one batch at a time and says what became of it. */
export interface WatchTransport {
  send(readings: readonly SimReading[]): Promise<SendOutcome>;
  close(): Promise<void>;
}

export interface TransportOptions {
  /** Base URL of the app, e.g. http://127.0.0.1:3000. */
  url: string;
  /** How long to wait for one answer before trying the batch again. */
  timeoutMs: number;
}

/** What the API is sent for the readings in the `{ts, bpm}` format. */
export function readingsBody(readings: readonly SimReading[]) {
  return { readings: readings.map(({ ts, bpm }) => ({ ts, bpm })) };
}

/** A network failure is worth retrying; the batch is never dropped for it. */
export function networkRetry(err: unknown): SendOutcome {
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
  return {
    kind: "retry",
    afterMs: 1_000,
    reason: `network: ${err instanceof Error ? err.message : String(err)}${cause}`,
    network: true,
  };
}
