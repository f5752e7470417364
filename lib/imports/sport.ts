import { Profile } from "@garmin/fitsdk";

/** What a workout is called when the file does not say, or says something we cannot map. */
export const OTHER_SPORT = "other";

// The FIT profile's sport list is the vocabulary for every format, so a run is
// "running" whichever watch or app recorded it. "generic" and "all" say nothing.
const FIT_SPORTS = new Set(
  Object.values(Profile.types["sport"] ?? {})
    .filter((name) => name !== "generic" && name !== "all")
    .map(toSnakeCase),
);

/** Names TCX ("Biking") and GPX <type> (Garmin Connect, Strava, free text) use for FIT sports. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ["biking", "cycling"],
  ["bike", "cycling"],
  ["ride", "cycling"],
  ["run", "running"],
  ["walk", "walking"],
  ["hike", "hiking"],
  ["swim", "swimming"],
]);

/**
 * A sport name from any format as lower-case snake_case from the FIT sport
 * list: "Running" → "running", "Biking" → "cycling", "crossCountrySkiing" →
 * "cross_country_skiing", "trail_running" → "running"; anything else "other".
 */
export function normalizeSport(name: unknown): string {
  if (typeof name !== "string") return OTHER_SPORT;
  const key = toSnakeCase(name.trim());
  const known = lookUp(key);
  if (known) return known;
  // Garmin Connect's activity types are FIT sub-sports: "road_biking", "lap_swimming".
  const lastWord = key.split("_").pop();
  return (lastWord && lookUp(lastWord)) || OTHER_SPORT;
}

/** One sport for a file of several sessions or tracks: theirs if they agree, else "multisport". */
export function pickSport(names: readonly unknown[]): string {
  const sports = new Set(names.filter((n) => n !== undefined).map(normalizeSport));
  sports.delete(OTHER_SPORT);
  if (sports.size === 0) return OTHER_SPORT;
  if (sports.size > 1) return "multisport";
  return [...sports][0]!;
}

function lookUp(key: string): string | undefined {
  if (FIT_SPORTS.has(key)) return key;
  // A Map, not an object literal: file text like "constructor" must not find Object.prototype.
  return ALIASES.get(key);
}

function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[\s-]+/g, "_")
    .toLowerCase();
}
