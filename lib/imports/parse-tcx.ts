import { parseBpmText, toImportedWorkout, type ParseContext, type RawSample } from "./collect-readings";
import type { ImportedWorkout } from "./imported-workout";
import { pickSport } from "./sport";
import { parseXmlDateTime } from "./xml-date-time";
import { XML_PARSED_AT, child, children, parseXmlDocument, path, text } from "./xml-document";

/**
 * Reads a Garmin Training Center (TCX) activity file: every Trackpoint's Time
 * and HeartRateBpm/Value, the Activity's Sport attribute ("Running",
 * "Biking", "Other"), and its Id, which TCX defines as the start time.
 */
export function parseTcx(bytes: Uint8Array, context: ParseContext): ImportedWorkout {
  const document = parseXmlDocument(bytes, { ...context, recordTag: "Trackpoint" });
  const activities = activitiesOf(child(document, "TrainingCenterDatabase"));
  const samples: RawSample[] = [];
  const declaredStarts: (number | undefined)[] = [];
  for (const activity of activities) {
    declaredStarts.push(parseXmlDateTime(text(child(activity, "Id"))));
    for (const lap of children(activity, "Lap")) {
      declaredStarts.push(parseXmlDateTime(child(lap, "@_StartTime")));
      for (const track of children(lap, "Track")) {
        for (const point of children(track, "Trackpoint")) {
          samples.push({
            ts: parseXmlDateTime(text(child(point, "Time"))),
            bpm: parseBpmText(text(path(point, "HeartRateBpm", "Value"))),
          });
        }
      }
    }
  }
  const sport = pickSport(activities.map((a) => child(a, "@_Sport")));
  return toImportedWorkout({ format: "tcx", sport, declaredStarts, samples }, context, XML_PARSED_AT);
}

// A triathlon is one MultiSportSession with a FirstSport and NextSports, each holding an Activity.
function activitiesOf(root: unknown): unknown[] {
  const activities = child(root, "Activities");
  const multiSport = children(activities, "MultiSportSession").flatMap((session) => [
    ...children(session, "FirstSport"),
    ...children(session, "NextSport"),
  ]);
  return [...children(activities, "Activity"), ...multiSport.flatMap((sport) => children(sport, "Activity"))];
}
