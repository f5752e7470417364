import { DEFAULT_MAX_BATCH, DEFAULT_MAX_NDJSON_LINES, MAX_BODY_BYTES } from "@/lib/readings/reading-rules";
import { schemaRef } from "./component-schemas";
import { curlSample } from "./curl-sample";
import { READINGS_ENDPOINT_ERRORS } from "./error-codes";
import { readingsErrorExamples } from "./error-examples";
import { errorResponses } from "./error-responses";
import {
  ACCEPTED_EXAMPLE,
  BATCH_EXAMPLE,
  LEGACY_PAYLOAD_EXAMPLE,
  NDJSON_EXAMPLE,
  READINGS_JSON_EXAMPLES,
  READINGS_NDJSON_EXAMPLES,
} from "./examples";
import type { OperationObject } from "./openapi-types";
import { REQUEST_ID_HEADER, REQUEST_ID_PARAMETER } from "./request-id";
import { DEVICE_SECURITY } from "./security";

const count = (n: number) => n.toLocaleString("en-US");

const DESCRIPTION = `Sends heart-rate readings. Every request is all or nothing: if one reading is invalid, none is \
accepted and the error lists every problem. 202 is answered only once Kafka has stored every reading, so a watch \
may delete readings it got a 202 for and must resend the others; resending is safe, because two readings of one \
device in the same whole second count once.

Accepted bodies (at most ${MAX_BODY_BYTES / 1024 / 1024} MiB, ${count(MAX_BODY_BYTES)} bytes):
- \`application/json\`: one reading \`{ts, bpm, workoutId?}\`, a batch \`{"readings": [...]}\` of up to \
${count(DEFAULT_MAX_BATCH)}, one legacy watch payload \`{playerId, heartbeat, createdAt}\`, or an array of up to \
${count(DEFAULT_MAX_BATCH)} legacy payloads. An object with a \`readings\` key is a batch; one with \`playerId\`, \
\`heartbeat\` or \`createdAt\` is a legacy payload; any other object is one reading.
- \`application/x-ndjson\`: one \`{ts, bpm, workoutId?}\` reading per line, up to ${count(DEFAULT_MAX_NDJSON_LINES)} \
non-blank lines; errors name the line.

A charset parameter other than UTF-8 is refused. Each device may make 20 requests a second with bursts of 60 \
(the defaults of RATE_LIMIT_PER_SECOND and RATE_LIMIT_BURST), HTTP and socket.io together; send batches rather \
than one request per reading.`;

export function readingsOperation(): OperationObject {
  return {
    operationId: "sendReadings",
    summary: "Send heart-rate readings",
    description: DESCRIPTION,
    tags: ["Readings"],
    security: DEVICE_SECURITY,
    parameters: [REQUEST_ID_PARAMETER],
    requestBody: {
      description: "Readings in any of the accepted shapes.",
      required: true,
      content: {
        "application/json": {
          schema: {
            oneOf: [
              schemaRef("Reading"),
              schemaRef("ReadingsBatch"),
              schemaRef("LegacyReading"),
              schemaRef("LegacyReadingArray"),
            ],
          },
          examples: READINGS_JSON_EXAMPLES,
        },
        "application/x-ndjson": {
          schema: {
            type: "string",
            description: "Newline-delimited JSON: each non-blank line is one Reading (not a legacy payload).",
          },
          "x-ndjson-line": schemaRef("Reading"),
          examples: READINGS_NDJSON_EXAMPLES,
        },
      },
    },
    responses: {
      "202": {
        description: "Accepted: Kafka has stored every reading.",
        headers: { "X-Request-Id": REQUEST_ID_HEADER },
        content: {
          "application/json": {
            schema: schemaRef("ReadingsAccepted"),
            examples: { accepted: { summary: "Three readings in one workout", value: ACCEPTED_EXAMPLE } },
          },
        },
      },
      ...errorResponses(READINGS_ENDPOINT_ERRORS, readingsErrorExamples(), { "X-Request-Id": REQUEST_ID_HEADER }),
    },
    "x-codeSamples": [
      curlSample({ label: "curl: a batch", ...POST_READINGS, contentType: "application/json", body: BATCH_EXAMPLE }),
      curlSample({
        label: "curl: NDJSON",
        ...POST_READINGS,
        contentType: "application/x-ndjson",
        body: NDJSON_EXAMPLE,
      }),
      curlSample({
        label: "curl: the legacy watch payload",
        ...POST_READINGS,
        contentType: "application/json",
        body: LEGACY_PAYLOAD_EXAMPLE,
      }),
    ],
  };
}

const POST_READINGS = { method: "post", path: "/api/v1/readings", authenticated: true } as const;
