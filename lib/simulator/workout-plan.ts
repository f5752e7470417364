import { fractionAt, type AthleteProfile } from "./athlete";
import type { Rng } from "./prng";

export type PhaseKind = "warm-up" | "hard" | "easy" | "steady" | "cool-down";

/**
 * A stretch of the workout with one intent. The target effort moves linearly
 * from `from` to `to` (fractions of max HR) across the phase;
 * the heart follows it with a lag, so the curve is smooth, not stepped.
 */
export interface Phase {
  kind: PhaseKind;
  /** Second of the workout the phase starts at. */
  startS: number;
  durationS: number;
  from: number;
  to: number;
}

/**
 * Warm-up, then an interval block and a steady block in random order, then a
 * cool-down: the shape of a typical run or ride. Phases are contiguous and
 * cover exactly `totalS` seconds.
 */
export function planWorkout(rng: Rng, profile: AthleteProfile, totalS: number): Phase[] {
  if (!Number.isInteger(totalS) || totalS < 10) throw new RangeError(`totalS must be an integer >= 10, got ${totalS}`);
  const warmS = Math.max(1, Math.round(totalS * rng.range(0.12, 0.18)));
  const coolS = Math.max(1, Math.round(totalS * rng.range(0.08, 0.12)));
  const mainS = totalS - warmS - coolS;
  const intervalS = Math.round(mainS * rng.range(0.4, 0.6));
  const steadyLevel = rng.range(0.72, 0.75);
  const intervals = planIntervals(rng, totalS, intervalS);
  const steady = [{ kind: "steady" as const, durationS: mainS - intervalS, from: steadyLevel, to: steadyLevel }];
  const main = rng.chance(0.5) ? [...intervals, ...steady] : [...steady, ...intervals];
  const endOfWarmUp = rng.range(0.62, 0.68);
  return layOut([
    { kind: "warm-up", durationS: warmS, from: fractionAt(profile, profile.startHr), to: endOfWarmUp },
    ...main,
    { kind: "cool-down", durationS: coolS, from: rng.range(0.6, 0.66), to: rng.range(0.48, 0.54) },
  ]);
}

type Unplaced = Omit<Phase, "startS">;

/** Hard and easy alternation; lengths scale with the workout (15 s to 4 min hard). */
function planIntervals(rng: Rng, totalS: number, blockS: number): Unplaced[] {
  const hardS = Math.round(Math.min(240, Math.max(15, (totalS / 20) * rng.range(0.8, 1.2))));
  const easyS = Math.round(Math.min(180, Math.max(10, hardS * rng.range(0.6, 1))));
  const phases: Unplaced[] = [];
  for (let left = blockS, hard = true; left > 0; hard = !hard) {
    const durationS = Math.min(left, hard ? hardS : easyS);
    // Hard well inside high (≥ 77 %), easy inside moderate (64-77 %), noise included.
    const level = hard ? rng.range(0.85, 0.93) : rng.range(0.65, 0.68);
    phases.push({ kind: hard ? "hard" : "easy", durationS, from: level, to: level });
    left -= durationS;
  }
  return phases;
}

function layOut(phases: Unplaced[]): Phase[] {
  let startS = 0;
  return phases
    .filter((p) => p.durationS > 0)
    .map((p) => {
      const placed = { ...p, startS };
      startS += p.durationS;
      return placed;
    });
}

/** The target effort at workout second `s`, as a fraction of max HR. */
export function targetAt(phases: readonly Phase[], s: number): { phase: Phase; fraction: number } {
  const phase = phases.find((p) => s < p.startS + p.durationS) ?? phases.at(-1);
  if (!phase) throw new RangeError("a workout needs at least one phase");
  const progress = phase.durationS <= 1 ? 1 : Math.min(1, (s - phase.startS) / (phase.durationS - 1));
  return { phase, fraction: phase.from + (phase.to - phase.from) * progress };
}
