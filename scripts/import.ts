// Imports a recorded workout (FIT, TCX or GPX) for a paired device, through
// the same Kafka path as live readings, with a progress bar.
// Usage: npm run import -- FILE --token <device token>
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/api/app-error";
import { createProgressBar } from "@/lib/cli/progress-bar";
import { authenticateDevice } from "@/lib/devices/devices";
import { importWorkout, parseUpload } from "@/lib/ingest/import-workout";
import { closeIngestRuntime, getIngestRuntime } from "@/lib/ingest/ingest-runtime";

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { token: { type: "string" } } });
  const file = positionals[0];
  if (!file || !values.token)
    throw new Error("usage: npm run import -- FILE --token <device token from device:create>");
  const runtime = getIngestRuntime();
  try {
    const device = await authenticateDevice(runtime.deps.prisma, values.token);
    const bytes = new Uint8Array(await readFile(file));
    const parsing = createProgressBar(process.stderr, "reading  ");
    const imported = parseUpload(bytes, path.basename(file), (f) => parsing.update(f));
    parsing.done();
    const sending = createProgressBar(process.stderr, "sending  ");
    const result = await importWorkout(runtime.deps, device, imported, { receivedAt: Date.now() }, (sent, total) =>
      sending.update(sent / total),
    );
    sending.done();
    const skipped = Object.entries(result.skipped).filter(([, n]) => n > 0);
    console.log(
      `Imported ${result.accepted} readings of a ${result.sport} workout (${result.format}) as workout ${result.workoutId}.` +
        (skipped.length ? ` Skipped: ${skipped.map(([why, n]) => `${n} ${why}`).join(", ")}.` : ""),
    );
  } finally {
    await closeIngestRuntime();
    await runtime.deps.prisma.$disconnect();
  }
}

main().catch((err: unknown) => {
  const code = AppError.is(err) ? ` ${err.code}` : "";
  console.error(`\n[import]${code} ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
