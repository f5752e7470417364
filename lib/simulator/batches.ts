import { DEFAULT_MAX_BATCH } from "@/lib/readings/reading-rules";
import type { SimReading } from "./generate-workout";

export interface SimBatch {
  readings: SimReading[];
  /** Epoch ms at which a realtime watch sends it: the end of its window. */
  dueAt: number;
}

/**
 * Groups readings into what a watch sends every `batchSeconds`: those sent
 * within one window, split further so no request exceeds the API's limit.
 * Windows with nothing in them (a dropout) send nothing.
 */
export function toBatches(
  readings: readonly SimReading[],
  startMs: number,
  batchSeconds: number,
  maxBatch = DEFAULT_MAX_BATCH,
): SimBatch[] {
  const byWindow = new Map<number, SimReading[]>();
  for (const reading of readings) {
    const window = Math.floor(reading.sendS / batchSeconds);
    const group = byWindow.get(window);
    if (group) group.push(reading);
    else byWindow.set(window, [reading]);
  }
  const batches: SimBatch[] = [];
  for (const [window, group] of [...byWindow].sort(([a], [b]) => a - b)) {
    const dueAt = startMs + (window + 1) * batchSeconds * 1000;
    for (let i = 0; i < group.length; i += maxBatch) batches.push({ readings: group.slice(i, i + maxBatch), dueAt });
  }
  return batches;
}
