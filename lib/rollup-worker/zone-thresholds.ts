import { getIntensityThresholds, type IntensityThresholds } from "@/lib/zones/intensity-zones";
import {
  DEFAULT_THRESHOLDS,
  parseZoneProfile,
  ZoneProfileError,
  type ZoneProfileInput,
} from "@/lib/zones/zone-profile";

/** The zone columns of a users row. Null thresholds mean the method's defaults. */
export interface UserZoneSettings {
  birthYear: number | null;
  maxHr: number | null;
  restingHr: number | null;
  zoneMethod: "PERCENT_MAX" | "HEART_RATE_RESERVE";
  moderateThreshold: number | null;
  highThreshold: number | null;
}

export interface ResolvedThresholds {
  thresholds: IntensityThresholds;
  /** Why the user's own settings could not be used (and a simpler profile was); null when they were. */
  fallback: string | null;
}

/**
 * A user's thresholds in bpm for a workout, with the age of the workout's
 * year. Without a birth year the age is `defaultAge` (only used when there
 * is no measured max either). Settings that cannot give thresholds (e.g.
 * heart-rate reserve without a resting rate) must not stop the rollup, so
 * they fall back to %HRmax with the default thresholds, then without the
 * measured max, then to the default age alone; the reason is returned for the log.
 */
export function resolveThresholds(user: UserZoneSettings, referenceDate: Date, defaultAge: number): ResolvedThresholds {
  const age = user.birthYear === null ? { age: defaultAge } : { birthYear: user.birthYear };
  const maxHr = user.maxHr === null ? {} : { maxHr: user.maxHr };
  const candidates: ZoneProfileInput[] = [
    toProfileInput(user, defaultAge),
    { ...age, ...maxHr },
    age,
    { age: defaultAge },
  ];
  let fallback: string | null = null;
  for (const candidate of candidates) {
    try {
      return { thresholds: getIntensityThresholds(parseZoneProfile(candidate), referenceDate), fallback };
    } catch (err) {
      if (!(err instanceof ZoneProfileError)) throw err;
      fallback ??= err.issues.join("; ");
    }
  }
  throw new Error("the default zone profile must always resolve");
}

/** The users row as a zone profile: one missing threshold takes the method's default. */
export function toProfileInput(user: UserZoneSettings, defaultAge: number): ZoneProfileInput {
  const method = user.zoneMethod === "HEART_RATE_RESERVE" ? "heart-rate-reserve" : "percent-max";
  const defaults = DEFAULT_THRESHOLDS[method];
  return {
    ...(user.birthYear === null ? { age: defaultAge } : { birthYear: user.birthYear }),
    ...(user.maxHr !== null && { maxHr: user.maxHr }),
    ...(user.restingHr !== null && { restingHr: user.restingHr }),
    method,
    thresholds: {
      moderate: user.moderateThreshold ?? defaults.moderate,
      high: user.highThreshold ?? defaults.high,
    },
  };
}
