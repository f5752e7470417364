// YYYY-MM-DDThh:mm:ss, optional fraction, optional Z or ±hh:mm (xsd:dateTime).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Epoch ms UTC of a TCX or GPX xsd:dateTime, or undefined when it is not one.
 * A time without a zone is read as UTC: GPX requires UTC, and TCX writers
 * (Garmin, Strava) write UTC. Digits past milliseconds are dropped rather than
 * rounded, so a reading never moves into the next millisecond.
 */
export function parseXmlDateTime(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = "", zone = "Z"] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Number(fraction.slice(0, 3).padEnd(3, "0"));
  const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC rolls 2025-02-30 over into March; a calendar date must not.
  if (new Date(local).getUTCDate() !== d) return undefined;
  return local - offsetMs(zone);
}

function offsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return sign * (hours * 60 + minutes) * 60_000;
}
