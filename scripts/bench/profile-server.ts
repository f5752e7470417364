// CPU-profiles the production server under one bench scenario and prints where its time goes.
// Usage: npx tsx scripts/bench/profile-server.ts [--scenario "single POSTs"] [--seconds 10]
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { getPrisma } from "@/lib/db/prisma";
import { BENCH_SERVER_ENV, ensureBuild, startAppServer } from "./app-server";
import { createBenchDevices, revokeBenchDevices } from "./bench-devices";
import { readingsPerSecond } from "./load";
import { summarizeProfile, type CpuProfile } from "./cpu-profile";
import { runScenario, SCENARIOS } from "./scenarios";

const log = (line: string) => process.stderr.write(`[profile] ${line}\n`);

async function main() {
  const { values } = parseArgs({
    options: { scenario: { type: "string", default: "single POSTs" }, seconds: { type: "string", default: "10" } },
  });
  const scenario = SCENARIOS.find((s) => s.name === values.scenario);
  if (!scenario) throw new Error(`--scenario must be one of: ${SCENARIOS.map((s) => s.name).join(", ")}`);
  const dir = mkdtempSync(path.join(tmpdir(), "heartlake-profile-"));
  ensureBuild(log);
  // What `npm start` runs, with the profiler on; it writes the profile when the server exits.
  const server = await startAppServer(log, {
    command: process.execPath,
    args: ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--import", "tsx", "server.ts"],
  });
  const prisma = getPrisma();
  const runId = randomBytes(3).toString("hex");
  try {
    const devices = await createBenchDevices(prisma, runId, scenario.workers);
    const { result } = await runScenario(scenario, server.url, devices, Number(values.seconds));
    log(`${scenario.name}: ${Math.round(readingsPerSecond(result))} readings/s while profiling`);
  } finally {
    await server.stop();
    await revokeBenchDevices(prisma, runId);
    await prisma.$disconnect();
  }
  const profiles = readdirSync(dir).map((f) => path.join(dir, f));
  const largest = profiles.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  if (!largest) throw new Error(`no CPU profile written to ${dir}`);
  log(`profile: ${largest} (port ${BENCH_SERVER_ENV.PORT})`);
  console.log(summarizeProfile(JSON.parse(readFileSync(largest, "utf8")) as CpuProfile));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
