/** The parts of V8's .cpuprofile format the summary needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives, coarse enough to act on. */
export function categorize(url: string, functionName: string): string {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)" || functionName === "(program)") return functionName;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg === "next" ? "next (routing, server runtime)" : pkg;
  if (/\.next\/server\/chunks/.test(url)) return "app code bundled by next (lib/, route)";
  if (url.startsWith("node:")) return `node core (${url.slice(5).split("/")[0] ?? ""})`;
  if (/\/lib\/generated\/prisma\//.test(url)) return "prisma generated client";
  if (/\/work\/[^/]+\/(lib|server\.ts)/.test(url)) return "app code (tsx)";
  return url === "" ? "native / V8 builtins" : "other";
}

/**
 * Self time per category and the top functions, as percentages of the
 * samples in which the process was not idle.
 */
export function summarizeProfile(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)") continue;
    busy += us;
    const category = categorize(frame.url, frame.functionName);
    categories.set(category, (categories.get(category) ?? 0) + us);
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const lines = [`busy CPU: ${(busy / 1e6).toFixed(1)} s`, "", "self time by where the code lives:"];
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)} %`;
  for (const [c, us] of [...categories].sort((a, b) => b[1] - a[1])) lines.push(`  ${pct(us)}  ${c}`);
  lines.push("", `top ${top} functions by self time:`);
  for (const [f, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${f}`);
  return lines.join("\n");
}
