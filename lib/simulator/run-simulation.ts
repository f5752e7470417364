import type { WatchPlan } from "./plan-watches";
import { createRunStats, type RunStats } from "./run-stats";
import { sendBatches } from "./send-batches";
import type { WatchIdentity, WatchTransport } from "./transport";

export interface RunSimulationInput {
  plans: readonly WatchPlan[];
  identities: readonly WatchIdentity[];
  connect: (identity: WatchIdentity) => Promise<WatchTransport>;
  paced: boolean;
  giveUpAfterMs: number;
  stats?: RunStats;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Every watch at once, each sending its own batches in order, like a fleet
 * of real watches: the server sees many devices in parallel, one request in
 * flight per device.
 */
export async function runSimulation(input: RunSimulationInput): Promise<RunStats> {
  const stats = input.stats ?? createRunStats();
  await Promise.all(
    input.plans.map(async (plan, i) => {
      const identity = input.identities[i];
      if (!identity) throw new Error(`no device for watch ${i}`);
      const transport = await input.connect(identity);
      try {
        await sendBatches(transport, plan.batches, stats, {
          paced: input.paced,
          giveUpAfterMs: input.giveUpAfterMs,
          now: Date.now,
          sleep,
        });
      } finally {
        await transport.close();
      }
    }),
  );
  return stats;
}
