// Ingestion benchmark against the real stack and a production server it starts itself.
// Usage: npm run bench:ingest [-- --seconds 10 --delete-devices]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { getPrisma } from "@/lib/db/prisma";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createKafka } from "@/lib/kafka/client";
import { readingsEndOffsets } from "@/lib/simulator/kafka-check";
import { BENCH_SERVER_ENV, ensureBuild, startAppServer } from "./app-server";
import { measureBaselines } from "./baseline";
import { createBenchDevices, deleteBenchDevices, revokeBenchDevices, type BenchDevice } from "./bench-devices";
import { readingsPerSecond } from "./load";
import { kafkaCheck, printReport, sumOffsets, type Measured } from "./results";
import { runLatencyProbe, runScenario, SCENARIOS } from "./scenarios";

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function measure(url: string, devices: BenchDevice[], seconds: number): Promise<Measured> {
  const results: Measured["results"] = [];
  let offset = 0;
  for (const scenario of SCENARIOS) {
    const own = devices.slice(offset, (offset += scenario.workers));
    log(`${scenario.name}: ${scenario.workers} devices, one request in flight each, ${seconds} s`);
    const { warmUp, result } = await runScenario(scenario, url, own, seconds);
    log(`  ${Math.round(readingsPerSecond(result))} readings/s, ${result.failures.size} kinds of failure`);
    results.push({ name: scenario.name, readingsPerRequest: scenario.readingsPerRequest, result, warmUp });
  }
  const singles = results[0]?.result;
  const rate = Math.max(1, Math.round((singles ? readingsPerSecond(singles) : 2) / 2));
  log(`latency: single POSTs at ${rate}/s (half the measured peak), open loop, ${seconds} s`);
  const latency = await runLatencyProbe(url, devices.slice(0, SCENARIOS[0]?.workers ?? 64), rate, seconds);
  return { results, latency, rate };
}

async function cleanUp(prisma: PrismaClient, runId: string, deleteDevices: boolean) {
  if (deleteDevices) {
    const count = await deleteBenchDevices(prisma, runId);
    log(`deleted ${count} bench users with their devices; the rollup will dead-letter their readings`);
  } else {
    log(`revoked ${await revokeBenchDevices(prisma, runId)} bench devices (users bench-${runId}-* kept)`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: { seconds: { type: "string", default: "10" }, "delete-devices": { type: "boolean", default: false } },
  });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error("--seconds must be a positive number");
  const runId = randomBytes(3).toString("hex");
  ensureBuild(log);
  log(`starting the production server on port ${BENCH_SERVER_ENV.PORT}`);
  const server = await startAppServer(log);
  const prisma = getPrisma();
  const kafka = createKafka({ clientId: "heartlake-bench" });
  try {
    const workers = SCENARIOS.reduce((sum, s) => sum + s.workers, 0);
    log(`run ${runId}: creating ${workers} devices bench-${runId}-<n>@heartlake.local`);
    const devices = await createBenchDevices(prisma, runId, workers);
    const before = await readingsEndOffsets(kafka);
    const measured = await measure(server.url, devices, seconds);
    const grown = sumOffsets(await readingsEndOffsets(kafka)) - sumOffsets(before);
    const baselines = await measureBaselines(kafka, `heartlake-bench-${runId}`, log);
    printReport(measured, baselines, seconds);
    console.log(kafkaCheck(measured, grown));
  } finally {
    await server.stop();
    await cleanUp(prisma, runId, values["delete-devices"]);
    await prisma.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
