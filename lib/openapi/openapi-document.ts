import { buildComponentSchemas } from "./component-schemas";
import { CURL_ENVIRONMENT } from "./curl-sample";
import { healthOperation } from "./health-path";
import { importWorkoutOperation } from "./imports-path";
import type { OpenApiDocument } from "./openapi-types";
import { readingsOperation } from "./readings-path";
import { DEVICE_TOKEN_SCHEME, DEVICE_TOKEN_SECURITY_SCHEME } from "./security";
import { socketIoExtension } from "./socket-io";
import { endWorkoutOperation, startWorkoutOperation } from "./workouts-paths";

/** Where the document is served; the docs page links to it. */
export const OPENAPI_JSON_PATH = "/api/v1/openapi.json";

const DESCRIPTION = `HeartLake takes heart-rate readings from watches, stores every one in Kafka and the lake, and \
tells each user how many minutes of low, moderate and high intensity each workout had.

This document is generated from the zod schemas the API validates requests with, so it cannot drift from \
what the server accepts. Where JSON Schema cannot express a rule (the time window a reading must fall in, \
the device's time zone for legacy timestamps) the schema's description says it.

Every device call carries the watch's device token. Every error has the same body, \`{code, message, details}\`; \
\`code\` is stable and is what a client should branch on.

Watches may also stream readings over socket.io; see \`x-socketio\`. Recorded workouts (FIT, TCX, GPX files) \
are imported with \`POST /api/v1/imports\`; their readings travel the same Kafka path as live ones.

The curl samples expect: \`${CURL_ENVIRONMENT}\`.`;

/**
 * The OpenAPI 3.1 document for device makers, as a plain JSON-ready object.
 * Building it runs zod's JSON Schema conversion and the example checks, so
 * callers build it once and keep it.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "HeartLake device API",
      version: "1.0.0",
      summary: "Send heart-rate readings from watches, manage their workouts and import recorded ones.",
      description: DESCRIPTION,
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/", description: "The HeartLake server that serves this document." }],
    tags: [
      { name: "Readings", description: "Heart-rate readings from watches." },
      { name: "Workouts", description: "Explicit workout start and end, for watches that know them." },
      { name: "Imports", description: "Recorded workouts from FIT, TCX and GPX files." },
      { name: "Health", description: "Whether the API can store readings right now." },
    ],
    paths: {
      "/api/v1/readings": { post: readingsOperation() },
      "/api/v1/workouts": { post: startWorkoutOperation() },
      "/api/v1/workouts/{id}/end": { post: endWorkoutOperation() },
      "/api/v1/imports": { post: importWorkoutOperation() },
      "/api/health": { get: healthOperation() },
    },
    components: {
      schemas: buildComponentSchemas(),
      securitySchemes: { [DEVICE_TOKEN_SCHEME]: DEVICE_TOKEN_SECURITY_SCHEME },
    },
    "x-socketio": socketIoExtension(),
  };
}
