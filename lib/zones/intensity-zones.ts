import { bpmAtFraction } from "./exact-bpm";
import { getMaxHeartRate } from "./max-heart-rate";
import { ZoneProfileError, type ZoneProfile } from "./zone-profile";

export const INTENSITY_LEVELS = ["low", "moderate", "high"] as const;
/** The three levels a workout's time is split into. */
export type IntensityLevel = (typeof INTENSITY_LEVELS)[number];

/** A profile resolved to bpm: a reading is moderate from `moderateBpm`, high from `highBpm`. */
export interface IntensityThresholds {
  maxHr: number;
  moderateBpm: number;
  highBpm: number;
}

/** A half-open bpm range [fromBpm, toBpm); `toBpm` null means no upper bound. */
export interface IntensityRange {
  level: IntensityLevel;
  fromBpm: number;
  toBpm: number | null;
}

/**
 * Lower bounds in bpm, not rounded: %HRmax takes the fraction of max;
 * heart-rate reserve takes resting + fraction × (max − resting).
 */
export function getIntensityThresholds(profile: ZoneProfile, referenceDate: Date): IntensityThresholds {
  const maxHr = getMaxHeartRate(profile, referenceDate);
  const base = profile.method === "heart-rate-reserve" ? restingBelowMax(profile, maxHr) : 0;
  return {
    maxHr,
    moderateBpm: bpmAtFraction(profile.thresholds.moderate, maxHr, base),
    highBpm: bpmAtFraction(profile.thresholds.high, maxHr, base),
  };
}

function restingBelowMax(profile: ZoneProfile, maxHr: number): number {
  // The schema checks a measured max; a Tanaka max is only known here.
  if (profile.restingHr === undefined || profile.restingHr >= maxHr) {
    throw new ZoneProfileError([`restingHr: must be given and below the maximum heart rate ${maxHr}`]);
  }
  return profile.restingHr;
}

/** A reading is in the highest level whose lower bound it reaches. */
export function classifyIntensity(bpm: number, thresholds: IntensityThresholds): IntensityLevel {
  if (bpm >= thresholds.highBpm) return "high";
  if (bpm >= thresholds.moderateBpm) return "moderate";
  return "low";
}

/** The three ranges, lowest first, for previewing a profile's zones. */
export function getIntensityRanges(thresholds: IntensityThresholds): IntensityRange[] {
  return [
    { level: "low", fromBpm: 0, toBpm: thresholds.moderateBpm },
    { level: "moderate", fromBpm: thresholds.moderateBpm, toBpm: thresholds.highBpm },
    { level: "high", fromBpm: thresholds.highBpm, toBpm: null },
  ];
}
