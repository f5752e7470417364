import { ImportError, describeFile } from "./import-error";
import type { WorkoutFormat } from "./imported-workout";
import { hasFitSignature } from "./parse-fit";
import { sniffXmlRoot } from "./xml-document";

/** Root elements of the XML formats, by local name (any namespace prefix). A Map, so `<constructor>` finds nothing. */
const XML_ROOTS: ReadonlyMap<string, WorkoutFormat> = new Map([
  ["TrainingCenterDatabase", "tcx"],
  ["gpx", "gpx"],
]);

/**
 * The format of a workout file, from its content alone: a misnamed file
 * ("run.fit" that is really a GPX) still imports, and a renamed PDF does not.
 * Throws UNSUPPORTED_FORMAT with a hint for the usual wrong picks.
 */
export function detectWorkoutFormat(bytes: Uint8Array, fileName?: string): WorkoutFormat {
  if (hasFitSignature(bytes)) return "fit";
  const root = sniffXmlRoot(bytes);
  const format = root === undefined ? undefined : XML_ROOTS.get(root);
  if (format) return format;
  throw new ImportError("UNSUPPORTED_FORMAT", `${describeFile(fileName)} ${whatItIs(bytes, root)}`);
}

function whatItIs(bytes: Uint8Array, xmlRoot: string | undefined): string {
  if (bytes.byteLength === 0) return "is empty; choose a FIT, TCX or GPX file";
  // Strava's bulk export gzips each activity (.fit.gz); Garmin Connect's "Export Original" is a .zip.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return "is gzip-compressed; decompress it and import the FIT, TCX or GPX inside";
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return "is a ZIP archive; extract it and import the FIT, TCX or GPX inside";
  }
  if (xmlRoot) return `is XML with root element <${xmlRoot}>, not a FIT, TCX or GPX file`;
  return "is not a FIT, TCX or GPX file";
}
