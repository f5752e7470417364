import { parseLakeFileName, type LakeFileRange } from "./lake-file-name";

/**
 * Where each partition resumes: one past the highest last offset among the
 * lake's files of that partition, or null when none has landed (start from
 * the earliest offset Kafka still has). The lake's file names are the only
 * checkpoint: a file exists exactly when its rename succeeded, so whatever
 * instant a writer died at, the next one neither skips nor repeats an offset.
 */
export function recoverPositions(
  fileNames: Iterable<string>,
  topic: string,
  partitions: readonly number[],
): Map<number, number | null> {
  const positions = new Map<number, number | null>(partitions.map((p) => [p, null]));
  for (const name of fileNames) {
    const range = parseLakeFileName(name);
    if (!range || range.topic !== topic || !positions.has(range.partition)) continue;
    const next = range.lastOffset + 1;
    positions.set(range.partition, Math.max(positions.get(range.partition) ?? 0, next));
  }
  return positions;
}

/** Something wrong with how a partition's files cover its offsets. */
export interface CoverageProblem {
  partition: number;
  kind: "overlap" | "gap";
  /** The offsets concerned, inclusive. */
  from: number;
  to: number;
}

/**
 * Overlaps (an offset in two files: a duplicate) and gaps (an offset in no
 * file) between the given files, partition by partition. A gap can be
 * legitimate (offsets Kafka never delivers, such as transaction markers), so
 * callers decide what a gap means; an overlap never is.
 */
export function findCoverageProblems(ranges: readonly LakeFileRange[], from = new Map<number, number>()) {
  const problems: CoverageProblem[] = [];
  const byPartition = new Map<number, LakeFileRange[]>();
  for (const r of ranges) {
    const files = byPartition.get(r.partition) ?? [];
    files.push(r);
    byPartition.set(r.partition, files);
  }
  for (const [partition, files] of byPartition) {
    const sorted = [...files].sort((a, b) => a.firstOffset - b.firstOffset);
    let expected = from.get(partition) ?? sorted[0]?.firstOffset ?? 0;
    for (const file of sorted) {
      if (file.firstOffset > expected)
        problems.push({ partition, kind: "gap", from: expected, to: file.firstOffset - 1 });
      if (file.firstOffset < expected) {
        problems.push({
          partition,
          kind: "overlap",
          from: file.firstOffset,
          to: Math.min(expected, file.lastOffset + 1) - 1,
        });
      }
      expected = Math.max(expected, file.lastOffset + 1);
    }
  }
  return problems;
}
