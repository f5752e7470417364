import { INGEST_NAMESPACE } from "@/lib/ingest/socket-contract";
import { DEFAULT_MAX_BATCH } from "@/lib/readings/reading-rules";
import { schemaRef } from "./component-schemas";
import { AUTH_ERROR_STATUS, codesByStatus, READINGS_ENDPOINT_ERRORS, type ApiErrorCode } from "./error-codes";
import { readingsErrorExamples } from "./error-examples";
import { BATCH_EXAMPLE, LEGACY_PAYLOAD_EXAMPLE, READING_EXAMPLE } from "./examples";
import type { SocketIoExtension } from "./openapi-types";

const AUTH_CODES = Object.keys(AUTH_ERROR_STATUS);

// The server frames each event's payload as JSON itself, so these cannot happen over socket.io.
const HTTP_ONLY_CODES = new Set<ApiErrorCode>(["INVALID_JSON", "UNSUPPORTED_CONTENT_TYPE"]);

/** Every code a failed acknowledgement can carry: the readings endpoint's, less the HTTP framing ones. */
export const ACK_ERROR_CODES = [...codesByStatus(READINGS_ENDPOINT_ERRORS).values()]
  .flat()
  .filter((code) => !HTTP_ONLY_CODES.has(code));

const CLIENT_EXAMPLE = `import { io } from "socket.io-client";

const socket = io(\`\${HEARTLAKE_URL}${INGEST_NAMESPACE}\`, { auth: { token: DEVICE_TOKEN } });
socket.on("connect_error", (err) => console.error(err.data?.code ?? err.message));

const ack = await socket.timeout(10_000).emitWithAck("reading", ${JSON.stringify(READING_EXAMPLE)});
if (!ack.ok) console.error(ack.error.code, ack.error.details); // keep the reading and resend it`;

/**
 * The socket.io interface (lib/ingest/socket-contract.ts), which OpenAPI
 * cannot describe, as a vendor extension with the same schemas as HTTP.
 */
export function socketIoExtension(): SocketIoExtension {
  const refused = readingsErrorExamples().VALIDATION_FAILED;
  return {
    description:
      "Watches may stream readings over socket.io instead of HTTP. Each event goes through the same validation " +
      "and storage as POST /api/v1/readings and is acknowledged only once Kafka has stored it; the token is " +
      "checked again on every event. A failed acknowledgement carries an ErrorBody whose code is one of " +
      "ackErrorCodes; nothing of that event was stored, so the watch keeps the readings and resends them.",
    namespace: INGEST_NAMESPACE,
    handshake: {
      description: "The device token goes in the handshake's auth object.",
      auth: {
        type: "object",
        properties: { token: { type: "string", description: "The device token (see securitySchemes.deviceToken)." } },
        required: ["token"],
      },
    },
    connectError: {
      description: "A refused handshake reaches the client's connect_error handler; err.data is an ErrorBody.",
      schema: schemaRef("ErrorBody"),
      "x-error-codes": AUTH_CODES,
    },
    events: {
      reading: {
        description: "One reading {ts, bpm, workoutId?} or one legacy watch payload.",
        payload: { oneOf: [schemaRef("Reading"), schemaRef("LegacyReading")] },
        ack: schemaRef("IngestAck"),
        examples: {
          reading: { summary: "One reading", value: READING_EXAMPLE },
          legacy: { summary: "The legacy watch payload", value: LEGACY_PAYLOAD_EXAMPLE },
        },
        ackExamples: { stored: { summary: "Stored", value: { ok: true, accepted: 1 } } },
      },
      readings: {
        description: `A batch {readings: [...]} of up to ${DEFAULT_MAX_BATCH.toLocaleString("en-US")}, or an array of legacy payloads; all or none.`,
        payload: { oneOf: [schemaRef("ReadingsBatch"), schemaRef("LegacyReadingArray")] },
        ack: schemaRef("IngestAck"),
        examples: { batch: { summary: "A batch", value: BATCH_EXAMPLE } },
        ackExamples: {
          stored: { summary: "Stored", value: { ok: true, accepted: BATCH_EXAMPLE.readings.length } },
          refused: { summary: "Refused: nothing was stored", value: { ok: false, error: refused } },
        },
      },
    },
    ackErrorCodes: ACK_ERROR_CODES,
    clientExample: CLIENT_EXAMPLE,
  };
}
