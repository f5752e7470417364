import { parseBpmText, toImportedWorkout, type ParseContext, type RawSample } from "./collect-readings";
import type { ImportedWorkout } from "./imported-workout";
import { pickSport } from "./sport";
import { parseXmlDateTime } from "./xml-date-time";
import { XML_PARSED_AT, child, children, parseXmlDocument, text } from "./xml-document";

/**
 * Reads a GPX 1.1 track: every trkpt's time and the heart rate in its
 * extensions (Garmin TrackPointExtension v1 or v2, whatever the namespace
 * prefix), the sport from trk/type. GPX states no start of its own (its
 * metadata time is when the file was written), so the first trkpt is the start.
 */
export function parseGpx(bytes: Uint8Array, context: ParseContext): ImportedWorkout {
  const document = parseXmlDocument(bytes, { ...context, recordTag: "trkpt" });
  const tracks = children(child(document, "gpx"), "trk");
  const samples: RawSample[] = [];
  for (const track of tracks) {
    for (const segment of children(track, "trkseg")) {
      for (const point of children(segment, "trkpt")) {
        samples.push({ ts: parseXmlDateTime(text(child(point, "time"))), bpm: parseBpmText(heartRateText(point)) });
      }
    }
  }
  const sport = pickSport(tracks.map((t) => text(child(t, "type"))));
  return toImportedWorkout({ format: "gpx", sport, declaredStarts: [], samples }, context, XML_PARSED_AT);
}

// Garmin writes <gpxtpx:TrackPointExtension><gpxtpx:hr>; a few apps put <hr> straight in <extensions>.
function heartRateText(point: unknown): string | undefined {
  const extensions = child(point, "extensions");
  for (const extension of children(extensions, "TrackPointExtension")) {
    const hr = text(child(extension, "hr"));
    if (hr !== undefined) return hr;
  }
  return text(child(extensions, "hr"));
}
