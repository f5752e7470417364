import { DEFAULT_MAX_IMPORT_BYTES } from "@/lib/imports/parse-workout-file";
import { DEFAULT_MAX_BATCH } from "@/lib/readings/reading-rules";
import { schemaRef } from "./component-schemas";
import { curlSample } from "./curl-sample";
import { IMPORT_ENDPOINT_ERRORS } from "./error-codes";
import { errorResponses } from "./error-responses";
import { IMPORT_RESULT_EXAMPLE } from "./examples";
import { importErrorExamples } from "./import-error-examples";
import type { JsonSchema, OperationObject } from "./openapi-types";
import { REQUEST_ID_HEADER, REQUEST_ID_PARAMETER } from "./request-id";
import { DEVICE_SECURITY } from "./security";

const MAX_MIB = DEFAULT_MAX_IMPORT_BYTES / 1024 / 1024;

const DESCRIPTION = `Imports a recorded workout from a FIT, TCX or GPX file, as exported by a watch, a bike \
computer, Garmin Connect or Strava. The format is detected from the content, never from the file name or \
Content-Type, so a misnamed file still imports. The file becomes one ended workout of the calling device, and its \
heart-rate samples travel the same Kafka path as live readings (the readings topic, in messages of up to \
${DEFAULT_MAX_BATCH.toLocaleString("en-US")} readings keyed by the workout), so zones, the lake and reconciliation \
treat them like any others. 201 is answered only once Kafka has stored every reading.

Importing the same file again lands on the same workout (it is keyed by the device, the format and the file's \
start time) and answers 201 with the same workoutId; the readings dedupe downstream. So after a 503 or a lost \
response, send the file again.

Send the file (at most ${MAX_MIB} MiB, ${DEFAULT_MAX_IMPORT_BYTES.toLocaleString("en-US")} bytes) in either way:
- as the raw body: \`application/octet-stream\` (any Content-Type other than multipart/form-data is read as the \
raw file).
- \`multipart/form-data\` with the file in a field named \`file\`, as an HTML form or \`curl -F\` sends it. Error \
messages then quote the file's name.

A file over the limit is refused with \`FILE_TOO_LARGE\`, either way.

Samples without a heart rate, out of range, without a usable time or at a time already taken are left out and \
counted in \`skipped\`; a file with none left is refused with \`NO_HEART_RATE\`.`;

/** A file's bytes, in OpenAPI 3.1's terms. */
const FILE_SCHEMA: JsonSchema = {
  type: "string",
  contentMediaType: "application/octet-stream",
  description: "The FIT, TCX or GPX file, byte for byte.",
};

export function importWorkoutOperation(): OperationObject {
  return {
    operationId: "importWorkout",
    summary: "Import a workout file (FIT, TCX, GPX)",
    description: DESCRIPTION,
    tags: ["Imports"],
    security: DEVICE_SECURITY,
    parameters: [REQUEST_ID_PARAMETER],
    requestBody: {
      description: `The workout file, raw or in a form, at most ${MAX_MIB} MiB.`,
      required: true,
      content: {
        "application/octet-stream": { schema: FILE_SCHEMA },
        "multipart/form-data": {
          schema: {
            type: "object",
            description: "A form with the file in the field `file`; other fields are ignored.",
            properties: { file: FILE_SCHEMA },
            required: ["file"],
          },
        },
      },
    },
    responses: {
      "201": {
        description: "Created: the workout, with every reading stored by Kafka.",
        headers: { "X-Request-Id": REQUEST_ID_HEADER },
        content: {
          "application/json": {
            schema: schemaRef("ImportResult"),
            examples: { imported: { summary: "A two-hour ride from a FIT file", value: IMPORT_RESULT_EXAMPLE } },
          },
        },
      },
      ...errorResponses(IMPORT_ENDPOINT_ERRORS, importErrorExamples(), { "X-Request-Id": REQUEST_ID_HEADER }),
    },
    "x-codeSamples": [
      curlSample({
        label: "curl: the raw file",
        ...POST_IMPORTS,
        contentType: "application/octet-stream",
        file: { path: "ride.fit" },
      }),
      curlSample({ label: "curl: a multipart form", ...POST_IMPORTS, file: { path: "ride.fit", formField: "file" } }),
    ],
  };
}

const POST_IMPORTS = { method: "post", path: "/api/v1/imports", authenticated: true } as const;
