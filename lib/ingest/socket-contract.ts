/**
 * The socket.io contract for watches, shared by the server and every client
 * (the simulator, the benchmark, tests). Namespace /ingest; the device token
 * goes in the handshake: io(url + "/ingest", { auth: { token } }).
 */
import type { ErrorBody } from "@/lib/api/error-response";

export const INGEST_NAMESPACE = "/ingest";

/** An error in an acknowledgement: the HTTP error body, plus when to retry (429, 503). */
export interface IngestErrorBody extends ErrorBody {
  retryAfterSeconds?: number;
}

/** What the acknowledgement callback receives. */
export type IngestAck = { ok: true; accepted: number } | { ok: false; error: IngestErrorBody };

export interface IngestClientEvents {
  /** One reading (`{ts, bpm, workoutId?}`) or one legacy watch payload. */
  reading: (payload: unknown, ack: (result: IngestAck) => void) => void;
  /** A batch: `{readings: [...]}` of up to 1,000, or an array of legacy payloads. */
  readings: (payload: unknown, ack: (result: IngestAck) => void) => void;
}

/** The server sends nothing unprompted on /ingest. */
export type IngestServerEvents = Record<string, never>;
