import type { Server, Socket } from "socket.io";
import { AppError } from "@/lib/api/app-error";
import { authenticateDevice } from "@/lib/devices/devices";
import { getIngestRuntime } from "./ingest-runtime";
import { receiveReadings } from "./receive-readings";
import {
  INGEST_NAMESPACE,
  type IngestAck,
  type IngestClientEvents,
  type IngestErrorBody,
  type IngestServerEvents,
} from "./socket-contract";

type IngestSocket = Socket<IngestClientEvents, IngestServerEvents>;

/**
 * Watches stream readings over socket.io on /ingest. Each event goes through
 * the same path as an HTTP POST and is acknowledged only once Kafka has it;
 * the token is checked again on every event so a revoked one stops at once.
 */
export function registerIngestNamespace(io: Server): void {
  const namespace = io.of(INGEST_NAMESPACE);
  namespace.use((socket, next) => {
    authenticateDevice(getIngestRuntime().deps.prisma, tokenOf(socket))
      .then(() => next())
      .catch((err: unknown) => next(toConnectError(err)));
  });
  namespace.on("connection", (socket: IngestSocket) => {
    socket.on("reading", (payload, ack) => void handle(socket, payload, ack));
    socket.on("readings", (payload, ack) => void handle(socket, payload, ack));
  });
}

async function handle(socket: IngestSocket, payload: unknown, ack: unknown) {
  const reply = typeof ack === "function" ? (ack as (result: IngestAck) => void) : () => undefined;
  try {
    const { accepted } = await receiveReadings(getIngestRuntime(), {
      token: tokenOf(socket),
      contentType: "application/json",
      body: JSON.stringify(payload ?? null),
      requestId: `${socket.id}:${Date.now()}`,
    });
    reply({ ok: true, accepted });
  } catch (err) {
    reply({ ok: false, error: toErrorBody(err) });
  }
}

function tokenOf(socket: Socket): string | undefined {
  const token: unknown = socket.handshake.auth.token;
  return typeof token === "string" ? token : undefined;
}

function toErrorBody(err: unknown): IngestErrorBody {
  if (AppError.is(err)) {
    const body: IngestErrorBody = { code: err.code, message: err.message, details: err.details };
    if (err.retryAfterSeconds !== undefined) body.retryAfterSeconds = err.retryAfterSeconds;
    return body;
  }
  console.error("[ingest] unexpected error:", err);
  return { code: "INTERNAL", message: "Something went wrong on our side; try again.", details: [] };
}

/** socket.io hands `data` to the client's connect_error, so the code survives. */
function toConnectError(err: unknown): Error {
  const body = toErrorBody(err);
  return Object.assign(new Error(body.message), { data: body });
}
