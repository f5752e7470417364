import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

/** What the bench's server is started with; printed with the results. */
export const BENCH_SERVER_ENV = {
  PORT: "3290",
  // The per-device limit (20/s, burst 60) protects against runaway watches;
  // the bench measures the pipeline, so it is lifted out of the way.
  RATE_LIMIT_PER_SECOND: "100000",
  RATE_LIMIT_BURST: "100000",
};

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/** `next build` once if there is no production build; `npm start` needs one. */
export function ensureBuild(log: (line: string) => void): void {
  if (existsSync(".next/BUILD_ID")) return;
  log("no production build in .next: running npm run build (takes a minute)");
  const result = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`npm run build failed with exit code ${String(result.status)}`);
}

/** `npm start`; a profiler run passes node flags instead (NODE_OPTIONS refuses --cpu-prof). */
const NPM_START = { command: "npm", args: ["start"] };

/** Starts the server in its own process group, so stopping it stops npm, tsx and node together. */
export async function startAppServer(log: (line: string) => void, start = NPM_START): Promise<AppServer> {
  const url = `http://127.0.0.1:${BENCH_SERVER_ENV.PORT}`;
  const child = spawn(start.command, start.args, {
    env: { ...process.env, NODE_ENV: "production", ...BENCH_SERVER_ENV },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(chunk.toString());
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const server = { url, stop: () => stopGroup(child) };
  try {
    await waitHealthy(url, child, 90_000);
  } catch (err) {
    await server.stop();
    log(`server output:\n${output.join("").slice(-3_000)}`);
    throw err;
  }
  return server;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url}/api/health was not healthy within ${timeoutMs / 1000} s`);
}

/** SIGTERM lets the server close its Kafka producer; SIGKILL if it has not gone in 10 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const killer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(killer);
}
