import type { IngestAck } from "@/lib/ingest/socket-contract";

/** What became of one attempt to send a batch. */
export type SendOutcome =
  | { kind: "accepted"; accepted: number }
  /** The server asked us to come back later (429, 503) or, `network`, no answer came: same batch again. */
  | { kind: "retry"; afterMs: number; reason: string; network?: true }
  /** The server refused the batch for good; sending it again would not help. */
  | { kind: "rejected"; reason: string };

/** Used when a 429/503 carries no usable Retry-After. */
export const DEFAULT_RETRY_MS = 1_000;

// Mirrors RETRY_AFTER_SECONDS in lib/kafka/readings-publisher.ts: the socket
// ack carries no Retry-After, so the simulator waits what HTTP would say.
const SOCKET_RETRY_MS: Record<string, number> = { RATE_LIMITED: 1_000, KAFKA_UNAVAILABLE: 5_000 };

/** Retry-After is delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number): number {
  if (!header) return DEFAULT_RETRY_MS;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? DEFAULT_RETRY_MS : Math.max(0, date - now);
}

/** Reads an HTTP answer of POST /api/v1/readings. */
export function classifyHttpResponse(
  status: number,
  retryAfter: string | null,
  body: string,
  now: number,
): SendOutcome {
  if (status === 202) return { kind: "accepted", accepted: acceptedOf(body) };
  const reason = `HTTP ${status} ${errorSummary(body)}`;
  if (status === 429 || status === 503) {
    return { kind: "retry", afterMs: parseRetryAfter(retryAfter, now), reason };
  }
  return { kind: "rejected", reason };
}

/** Reads a socket.io acknowledgement of the `readings` event. */
export function classifyAck(ack: IngestAck): SendOutcome {
  if (ack.ok) return { kind: "accepted", accepted: ack.accepted };
  const reason = `${ack.error.code}: ${ack.error.message}`;
  const afterMs = SOCKET_RETRY_MS[ack.error.code];
  if (afterMs === undefined) return { kind: "rejected", reason };
  // The message says "retry in N s" for rate limits; trust it when present.
  const said = /retry in (\d+) s/.exec(ack.error.message);
  return { kind: "retry", afterMs: said ? Number(said[1]) * 1000 : afterMs, reason };
}

function acceptedOf(body: string): number {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === "object" && value !== null && "accepted" in value && typeof value.accepted === "number") {
      return value.accepted;
    }
  } catch {
    // fall through: a 202 without a readable count counts as nothing accepted
  }
  return 0;
}

function errorSummary(body: string): string {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === "object" && value !== null && "code" in value && "message" in value) {
      return `${String(value.code)}: ${String(value.message)}`;
    }
  } catch {
    // not JSON: show the start of the text
  }
  return body.slice(0, 200);
}
