import { z } from "zod";
import { BPM_DECIMALS, FRACTION_DECIMALS, hasAtMostDecimals } from "./exact-bpm";

/** How intensity levels are derived: a share of max HR, or of the reserve above resting HR. */
export const INTENSITY_METHODS = ["percent-max", "heart-rate-reserve"] as const;
export type IntensityMethod = (typeof INTENSITY_METHODS)[number];

/** Lower bounds of the moderate and high levels, as fractions (0.64 = 64 %). */
export interface ThresholdFractions {
  moderate: number;
  high: number;
}

/** HeartLake's default rules: ACSM cut-offs for %HRmax, and for heart-rate reserve. */
export const DEFAULT_THRESHOLDS: Readonly<Record<IntensityMethod, Readonly<ThresholdFractions>>> = {
  "percent-max": { moderate: 0.64, high: 0.77 },
  "heart-rate-reserve": { moderate: 0.4, high: 0.6 },
};

const fraction = z
  .number()
  .gt(0, { error: "must be above 0" })
  .lt(1.2, { error: "must be below 1.2 (120 %)" })
  .refine((v) => hasAtMostDecimals(v, FRACTION_DECIMALS), { error: "must have at most 4 decimal places (0.01 %)" });

const heartRate = (min: number, max: number) =>
  z
    .number()
    .min(min, { error: `must be at least ${min} bpm` })
    .max(max, { error: `must be at most ${max} bpm` })
    .refine((v) => hasAtMostDecimals(v, BPM_DECIMALS), { error: "must have at most one decimal place" });

/**
 * A user's zone settings. Give exactly one of `birthYear` or `age`; `maxHr`
 * overrides the Tanaka estimate; `restingHr` is required by the
 * heart-rate-reserve method. Parsed profiles always carry thresholds: the
 * user's own, or the method's defaults.
 */
export const zoneProfileSchema = z
  .object({
    birthYear: z.int().min(1900).max(2100).optional(),
    age: z.int().min(1).max(120).optional(),
    maxHr: heartRate(80, 250).optional(),
    restingHr: heartRate(20, 150).optional(),
    method: z.enum(INTENSITY_METHODS).default("percent-max"),
    thresholds: z.object({ moderate: fraction, high: fraction }).optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.birthYear === undefined) === (p.age === undefined)) {
      ctx.addIssue({ code: "custom", path: ["age"], message: "give exactly one of birthYear or age" });
    }
    if (p.method === "heart-rate-reserve" && p.restingHr === undefined) {
      ctx.addIssue({ code: "custom", path: ["restingHr"], message: "is required for the heart-rate-reserve method" });
    }
    if (p.restingHr !== undefined && p.maxHr !== undefined && p.restingHr >= p.maxHr) {
      ctx.addIssue({ code: "custom", path: ["restingHr"], message: "must be below maxHr" });
    }
    if (p.thresholds && p.thresholds.moderate >= p.thresholds.high) {
      ctx.addIssue({ code: "custom", path: ["thresholds", "high"], message: "must be above the moderate threshold" });
    }
  })
  .transform((p) => ({ ...p, thresholds: p.thresholds ?? { ...DEFAULT_THRESHOLDS[p.method] } }));

/** What a form or API sends. */
export type ZoneProfileInput = z.input<typeof zoneProfileSchema>;
/** A validated profile with its thresholds filled in. */
export type ZoneProfile = z.output<typeof zoneProfileSchema>;

/** A zone profile that cannot give thresholds; `issues` are "field: message" lines for the user. */
export class ZoneProfileError extends Error {
  override name = "ZoneProfileError";
  readonly code = "INVALID_ZONE_PROFILE";

  constructor(readonly issues: readonly string[]) {
    super(`Invalid zone profile: ${issues.join("; ")}`);
  }
}

/** Validates a zone profile; throws one ZoneProfileError naming every bad field. */
export function parseZoneProfile(input: unknown): ZoneProfile {
  const parsed = zoneProfileSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ZoneProfileError(parsed.error.issues.map((i) => `${i.path.join(".") || "profile"}: ${i.message}`));
}
