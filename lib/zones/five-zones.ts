import { bpmAtFraction } from "./exact-bpm";

/** Garmin/Polar style zones; 0 means below zone 1 (under 50 % of max). */
export type FiveZone = 0 | 1 | 2 | 3 | 4 | 5;

/** Where a zone starts, in bpm, unrounded. */
export interface FiveZoneThreshold {
  zone: Exclude<FiveZone, 0>;
  fromBpm: number;
}

/** A half-open bpm range [fromBpm, toBpm); `toBpm` null means no upper bound. */
export interface FiveZoneRange {
  zone: FiveZone;
  fromBpm: number;
  toBpm: number | null;
}

/** Lower bounds of zones 1-5 as fractions of max HR. */
export const FIVE_ZONE_FRACTIONS = [
  { zone: 1, fraction: 0.5 },
  { zone: 2, fraction: 0.6 },
  { zone: 3, fraction: 0.7 },
  { zone: 4, fraction: 0.8 },
  { zone: 5, fraction: 0.9 },
] as const;

/** Lower bounds of zones 1-5, ascending. */
export function getFiveZoneThresholds(maxHr: number): FiveZoneThreshold[] {
  return FIVE_ZONE_FRACTIONS.map(({ zone, fraction }) => ({ zone, fromBpm: bpmAtFraction(fraction, maxHr) }));
}

/**
 * The highest zone whose lower bound the reading reaches (thresholds
 * ascending); 100 % of max and above stays in zone 5.
 */
export function classifyFiveZone(bpm: number, thresholds: readonly FiveZoneThreshold[]): FiveZone {
  let zone: FiveZone = 0;
  for (const t of thresholds) if (bpm >= t.fromBpm) zone = t.zone;
  return zone;
}

/** Zones 0 to 5, lowest first, for previewing. */
export function getFiveZoneRanges(maxHr: number): FiveZoneRange[] {
  const starts: { zone: FiveZone; fromBpm: number }[] = [{ zone: 0, fromBpm: 0 }, ...getFiveZoneThresholds(maxHr)];
  return starts.map((s, i) => ({ ...s, toBpm: starts[i + 1]?.fromBpm ?? null }));
}
