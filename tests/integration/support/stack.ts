import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";

const STACK = path.resolve(import.meta.dirname, "../../../scripts/stack.sh");
export const SERVICES = ["postgres", "kafka", "hdfs"] as const;
export type Service = (typeof SERVICES)[number];

export function isUp(service: Service): boolean {
  return spawnSync("bash", [STACK, "status", service], { stdio: "ignore" }).status === 0;
}

export function startServices(services: Service[]): void {
  if (services.length) execFileSync("bash", [STACK, "up", ...services], { stdio: "inherit" });
}

export function stopServices(services: Service[]): void {
  if (services.length) execFileSync("bash", [STACK, "down", ...services], { stdio: "inherit" });
}

/** Starts whatever is not running and returns what it started, so the caller can stop just that. */
export function ensureStack(): Service[] {
  const missing = SERVICES.filter((s) => !isUp(s));
  startServices(missing);
  return missing;
}
