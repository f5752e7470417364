import type { Rng } from "./prng";

/** How often real watches misbehave; the defaults give a few of each per hour. */
export interface ArtifactRates {
  /** Chance per second that the sensor loses contact and a dropout starts. */
  dropoutPerSecond: number;
  /** Shortest and longest dropout, seconds. */
  dropoutMinS: number;
  dropoutMaxS: number;
  /** Chance per reading that the watch sends it again (same second) a little later. */
  duplicatePerReading: number;
}

export const DEFAULT_ARTIFACT_RATES: ArtifactRates = {
  dropoutPerSecond: 1 / 900,
  dropoutMinS: 10,
  dropoutMaxS: 60,
  duplicatePerReading: 1 / 600,
};

/** A sampled second: `s` is the workout second measured, `sendS` when the watch sends it. */
export interface Sample {
  s: number;
  sendS: number;
  /** Milliseconds into the second; always < 1000 so the reading stays in second `s`. */
  ms: number;
  duplicate: boolean;
}

export interface SampleSchedule {
  samples: Sample[];
  dropouts: { startS: number; durationS: number }[];
}

/**
 * Which seconds produce a reading and when each is sent. Dropouts leave gaps
 * of 10-60 s; a duplicate is the same second re-sent 1-3 s later with a new
 * millisecond, as a watch that missed an acknowledgement would. The first
 * and last 30 s are kept clean so the workout's span is always the plan's.
 */
export function scheduleSamples(rng: Rng, totalS: number, phaseMs: number, rates = DEFAULT_ARTIFACT_RATES) {
  const schedule: SampleSchedule = { samples: [], dropouts: [] };
  const jitter = () => Math.min(999, phaseMs + rng.int(0, 99));
  for (let s = 0; s < totalS; s += 1) {
    const inMiddle = s >= 30 && s < totalS - 30;
    if (inMiddle && rng.chance(rates.dropoutPerSecond)) {
      const durationS = Math.min(rng.int(rates.dropoutMinS, rates.dropoutMaxS), totalS - 30 - s);
      schedule.dropouts.push({ startS: s, durationS });
      s += durationS - 1;
      continue;
    }
    schedule.samples.push({ s, sendS: s, ms: jitter(), duplicate: false });
    if (inMiddle && rng.chance(rates.duplicatePerReading)) {
      schedule.samples.push({ s, sendS: s + rng.int(1, 3), ms: jitter(), duplicate: true });
    }
  }
  // Stable: the original of a duplicate is always sent before its copy.
  schedule.samples.sort((a, b) => a.sendS - b.sendS);
  return schedule;
}
