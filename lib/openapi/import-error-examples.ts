import { AppError } from "@/lib/api/app-error";
import type { ErrorBody } from "@/lib/api/error-response";
import { parseUpload } from "@/lib/ingest/import-workout";
import type { IMPORT_ENDPOINT_ERRORS } from "./error-codes";
import { AUTH_EXAMPLES, errorBody, INTERNAL_EXAMPLE, KAFKA_UNAVAILABLE_EXAMPLE } from "./error-examples";

/** A workout file as a form would carry it: its name is what the error messages quote. */
export interface ExampleUpload {
  fileName: string;
  bytes: Uint8Array;
}

/** What Strava's bulk export holds: a gzipped FIT (only the gzip header matters). */
function gzippedFit(): ExampleUpload {
  return { fileName: "ride.fit.gz", bytes: new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]) };
}

/** A FIT cut short by an interrupted copy: its header promises 48,000 bytes of records, 16 KiB arrived. */
function truncatedFit(): ExampleUpload {
  const bytes = new Uint8Array(16 * 1024);
  const header = new DataView(bytes.buffer);
  header.setUint8(0, 14); // header size
  header.setUint8(1, 0x20); // protocol 2.0
  header.setUint16(2, 2132, true); // profile 21.32
  header.setUint32(4, 48_000, true); // size of the records
  bytes.set([0x2e, 0x46, 0x49, 0x54], 8); // ".FIT"
  return { fileName: "ride.fit", bytes };
}

/** A phone's GPS track: times and positions, no heart-rate extension. */
function gpxWithoutHeartRate(): ExampleUpload {
  const point = (lat: number, lon: number, time: string) =>
    `<trkpt lat="${lat}" lon="${lon}"><time>${time}</time></trkpt>`;
  const gpx = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="phone" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><type>cycling</type><trkseg>
    ${point(52.52, 13.405, "2023-11-23T14:05:09Z")}
    ${point(52.5201, 13.4052, "2023-11-23T14:05:10Z")}
  </trkseg></trk>
</gpx>
`;
  return { fileName: "ride.gpx", bytes: new TextEncoder().encode(gpx) };
}

/** One file per import code the parser raises, for the examples and the tests that post them. */
export function badUploads(): Record<"UNSUPPORTED_FORMAT" | "CORRUPT_FILE" | "NO_HEART_RATE", ExampleUpload> {
  return { UNSUPPORTED_FORMAT: gzippedFit(), CORRUPT_FILE: truncatedFit(), NO_HEART_RATE: gpxWithoutHeartRate() };
}

/** What the route's parsing step (parseUpload) answers for `upload`. */
function uploadError({ bytes, fileName }: ExampleUpload): ErrorBody {
  try {
    parseUpload(bytes, fileName);
  } catch (err) {
    if (AppError.is(err)) return errorBody(err.code, err.message, err.details);
    throw err;
  }
  throw new Error(`example upload ${fileName} was imported`);
}

/**
 * The file errors are what the real parser says about the files above; the
 * upload errors are the route's own messages, which the unit tests hold
 * against the route.
 */
export function importErrorExamples(): Record<keyof typeof IMPORT_ENDPOINT_ERRORS, ErrorBody> {
  const files = badUploads();
  return {
    UNSUPPORTED_FORMAT: uploadError(files.UNSUPPORTED_FORMAT),
    CORRUPT_FILE: uploadError(files.CORRUPT_FILE),
    NO_HEART_RATE: uploadError(files.NO_HEART_RATE),
    // A body (raw or a form) whose Content-Length is over the limit is refused before it is read.
    FILE_TOO_LARGE: errorBody("FILE_TOO_LARGE", "The file is larger than 50 MiB."),
    ...AUTH_EXAMPLES,
    VALIDATION_FAILED: errorBody("VALIDATION_FAILED", "Send the workout file in a form field named `file`.", [
      { field: "file", message: "missing" },
    ]),
    KAFKA_UNAVAILABLE: KAFKA_UNAVAILABLE_EXAMPLE,
    INTERNAL: INTERNAL_EXAMPLE,
  };
}
