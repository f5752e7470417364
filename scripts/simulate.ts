// Simulates a fleet of watches streaming workouts into HeartLake.
// Usage: npm run simulate -- --watches 100 --minutes 60 --transport http|socket|legacy
//          [--url http://127.0.0.1:3000] [--speed realtime|max] [--batch-seconds 5] [--seed N]
//          [--token T ...] [--time-zone Europe/Berlin] [--verify-kafka]
import { randomBytes, randomInt } from "node:crypto";
import { parseArgs } from "node:util";
import { getPrisma } from "@/lib/db/prisma";
import { createKafka } from "@/lib/kafka/client";
import { createHttpTransport } from "@/lib/simulator/http-transport";
import { countDeviceReadings, readingsEndOffsets, type EndOffsets } from "@/lib/simulator/kafka-check";
import { legacyServerTs } from "@/lib/simulator/legacy-payload";
import { parseSimulateOptions, type SimulateOptions } from "@/lib/simulator/options";
import { planWatches, type WatchPlan } from "@/lib/simulator/plan-watches";
import { startProgress } from "@/lib/simulator/progress";
import { provisionWatches } from "@/lib/simulator/provision-watches";
import { runSimulation } from "@/lib/simulator/run-simulation";
import { createRunStats, type RunStats } from "@/lib/simulator/run-stats";
import { createSocketTransport } from "@/lib/simulator/socket-transport";
import { expectedReadingIds, formatSummary, summarize, summaryProblems } from "@/lib/simulator/summary";
import type { WatchIdentity, WatchTransport } from "@/lib/simulator/transport";

const log = (line: string) => process.stderr.write(`[simulate] ${line}\n`);

const USAGE = `Usage: npm run simulate -- [options]
  --watches N          simulated watches, one device each (100)
  --minutes M          workout length per watch (60)
  --transport T        http | socket | legacy (http)
  --url URL            the app (http://127.0.0.1:3000)
  --speed S            realtime (as the clock goes) | max (as fast as accepted) (realtime)
  --batch-seconds S    seconds of readings per request (5)
  --seed N             repeat a run exactly (random, printed)
  --token T            an existing device token, once per watch (devices are created otherwise)
  --time-zone Z        zone of created devices; legacy wall times use it (Europe/Berlin)
  --verify-kafka       read heartrate.readings back and compare with the plan
  --timeout-seconds S  wait for one answer before resending (30)`;

function readOptions(): SimulateOptions {
  const { values } = parseArgs({
    options: {
      watches: { type: "string" },
      minutes: { type: "string" },
      transport: { type: "string" },
      url: { type: "string" },
      speed: { type: "string" },
      "batch-seconds": { type: "string" },
      seed: { type: "string" },
      token: { type: "string", multiple: true },
      "time-zone": { type: "string" },
      "verify-kafka": { type: "boolean" },
      "timeout-seconds": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  // The schema drops keys it does not know, `help` among them.
  return parseSimulateOptions(values);
}

function connector(options: SimulateOptions): (identity: WatchIdentity) => Promise<WatchTransport> {
  const transportOptions = { url: options.url, timeoutMs: options["timeout-seconds"] * 1000 };
  if (options.transport === "socket") return (identity) => createSocketTransport(identity, transportOptions);
  const format = options.transport === "legacy" ? "legacy" : "readings";
  return (identity) => Promise.resolve(createHttpTransport(identity, transportOptions, format));
}

/** Fails fast on a wrong --url instead of retrying every batch for minutes. */
async function checkServer(url: string): Promise<void> {
  let status: number;
  try {
    status = (await fetch(new URL("/api/health", url), { signal: AbortSignal.timeout(5_000) })).status;
  } catch (err) {
    throw new Error(`no HeartLake answering at ${url} (${err instanceof Error ? err.message : String(err)})`);
  }
  if (status !== 200)
    log(`warning: ${url}/api/health answers ${status}; batches will be retried while it is unhealthy`);
}

function planRun(options: SimulateOptions, identities: WatchIdentity[], seed: number) {
  return planWatches({
    seed,
    watches: options.watches,
    totalS: Math.round(options.minutes * 60),
    speed: options.speed,
    batchSeconds: options["batch-seconds"],
    now: Date.now(),
    // Legacy wall times are read back by the server in the device's zone.
    serverTs: (watch, ts) =>
      options.transport === "legacy" ? legacyServerTs(ts, identities[watch]?.timeZone ?? "UTC") : ts,
  });
}

function describeRun(options: SimulateOptions, runId: string, seed: number): string {
  const devices =
    options.token.length > 0 ? "" : `, devices sim-${runId}-<n>@heartlake.local (${options["time-zone"]})`;
  return (
    `run ${runId}, seed ${seed}: ${options.watches} watches × ${Math.round(options.minutes * 60)} s over ` +
    `${options.transport} to ${options.url}, speed ${options.speed}, batches of ${options["batch-seconds"]} s${devices}`
  );
}

async function send(options: SimulateOptions, plans: WatchPlan[], identities: WatchIdentity[]): Promise<RunStats> {
  const stats = createRunStats();
  const total = plans.reduce((sum, p) => sum + p.workout.readings.length, 0);
  const progress = startProgress(stats, total, process.stderr);
  try {
    return await runSimulation({
      plans,
      identities,
      connect: connector(options),
      paced: options.speed === "realtime",
      giveUpAfterMs: 5 * 60_000,
      stats,
    });
  } finally {
    progress.stop();
  }
}

async function main(): Promise<number> {
  const options = readOptions();
  await checkServer(options.url);
  const seed = options.seed ?? randomInt(0, 2 ** 31);
  const runId = randomBytes(3).toString("hex");
  const prisma = getPrisma();
  const kafka = createKafka({ clientId: "heartlake-simulator" });
  try {
    const identities = await provisionWatches(prisma, {
      runId,
      watches: options.watches,
      timeZone: options["time-zone"],
      tokens: options.token,
    });
    const plans = planRun(options, identities, seed);
    log(describeRun(options, runId, seed));
    const before: EndOffsets | undefined = options["verify-kafka"] ? await readingsEndOffsets(kafka) : undefined;
    const stats = await send(options, plans, identities);
    const deviceIds = identities.map((i) => i.deviceId);
    const onKafka = before && (await countDeviceReadings(kafka, before, new Set(deviceIds)));
    const summary = summarize(
      plans,
      stats,
      onKafka && { kafka: onKafka, expected: expectedReadingIds(plans, deviceIds) },
    );
    console.log(formatSummary(summary, stats.errors));
    const problems = summaryProblems(summary);
    for (const problem of problems) log(`FAILED: ${problem}`);
    return problems.length > 0 ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
