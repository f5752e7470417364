import type { Server, Socket } from "socket.io";
import { AppError } from "@/lib/api/app-error";
import { authenticateDevice } from "@/lib/devices/devices";
import { createInFlight } from "./in-flight";
import { getIngestRuntime } from "./ingest-runtime";
import { receiveReadings } from "./receive-readings";
import { socketPayload } from "./socket-payload";
import {
  INGEST_NAMESPACE,
  type IngestAck,
  type IngestClientEvents,
  type IngestErrorBody,
  type IngestServerEvents,
} from "./socket-contract";

type IngestSocket = Socket<IngestClientEvents, IngestServerEvents>;

/** The /ingest namespace, as a server shutting down sees it. */
export interface IngestNamespace {
  /**
   * Stops taking events: each socket is disconnected once its events under
   * way are acknowledged, and events sent meanwhile are never acknowledged,
   * so the watch sends them again. Resolves when every acknowledgement went
   * out or `timeoutMs` passed (true if all did).
   */
  drain(timeoutMs: number): Promise<boolean>;
}

/**
 * Watches stream readings over socket.io on /ingest. Each event goes through
 * the same path as an HTTP POST and is acknowledged only once Kafka has it;
 * the token is checked again on every event so a revoked one stops at once.
 */
export function registerIngestNamespace(io: Server): IngestNamespace {
  const namespace = io.of(INGEST_NAMESPACE);
  const events = createInFlight();
  const busy = new Map<IngestSocket, number>(); // events under way, per socket
  let draining = false;

  namespace.use((socket, next) => {
    authenticateDevice(getIngestRuntime().deps.prisma, tokenOf(socket))
      .then(() => next())
      .catch((err: unknown) => next(toConnectError(err)));
  });
  namespace.on("connection", (socket: IngestSocket) => {
    const onEvent = (payload: unknown, ack: unknown) => {
      if (draining) return;
      busy.set(socket, (busy.get(socket) ?? 0) + 1);
      void events.track(handle(socket, payload, ack)).finally(() => {
        const left = (busy.get(socket) ?? 1) - 1;
        if (left > 0) busy.set(socket, left);
        else busy.delete(socket);
        if (left <= 0 && draining) socket.disconnect(true);
      });
    };
    socket.on("reading", onEvent);
    socket.on("readings", onEvent);
  });

  return {
    drain(timeoutMs) {
      draining = true;
      for (const socket of namespace.sockets.values()) if (!busy.has(socket)) socket.disconnect(true);
      return events.idle(timeoutMs);
    },
  };
}

async function handle(socket: IngestSocket, payload: unknown, ack: unknown) {
  const reply = typeof ack === "function" ? (ack as (result: IngestAck) => void) : () => undefined;
  try {
    const { accepted } = await receiveReadings(getIngestRuntime(), {
      token: tokenOf(socket),
      ...socketPayload(payload),
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
