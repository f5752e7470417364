import { BPM_MAX, BPM_MIN } from "@/lib/readings/reading-rules";
import { bpmAtFraction, type AthleteProfile } from "./athlete";
import type { Rng } from "./prng";
import { targetAt, type Phase } from "./workout-plan";

/** Phases where sustained effort makes the heart drift upwards. */
const DRIFTING = new Set(["hard", "steady"]);

/**
 * One bpm per second of the workout. The heart approaches the target
 * exponentially (a first-order lag, faster up than down) because a real heart
 * takes tens of seconds to settle after the effort changes; the noise is
 * AR(1), since sensor error and beat-to-beat variation persist for seconds.
 */
export function simulateHeartRate(rng: Rng, profile: AthleteProfile, phases: readonly Phase[], totalS: number) {
  const bpms: number[] = [];
  let heart = profile.startHr;
  let noise = 0;
  let effortS = 0;
  const noiseKeep = 0.8;
  const innovationSd = profile.noiseSd * Math.sqrt(1 - noiseKeep ** 2);
  for (let s = 0; s < totalS; s += 1) {
    const { phase, fraction } = targetAt(phases, s);
    effortS = DRIFTING.has(phase.kind) ? effortS + 1 : Math.max(0, effortS - 2);
    const target = Math.min(profile.maxHr, bpmAtFraction(profile, fraction) + (effortS / 60) * profile.driftPerMinute);
    const tau = target > heart ? profile.riseTauS : profile.fallTauS;
    heart += (target - heart) * (1 - Math.exp(-1 / tau));
    noise = noiseKeep * noise + rng.normal(0, innovationSd);
    bpms.push(clampBpm(Math.round(heart + noise), profile));
  }
  return bpms;
}

/** Inside the API's accepted range, and never far past the wearer's own max. */
function clampBpm(bpm: number, profile: AthleteProfile): number {
  return Math.min(BPM_MAX, profile.maxHr + 3, Math.max(BPM_MIN, bpm));
}
