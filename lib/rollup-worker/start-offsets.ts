/** Where a partition's consumption starts, and how many never-applied messages retention removed. */
export interface StartOffset {
  offset: number;
  /** Messages between the stored offset and the log's start: deleted before the rollup applied them. */
  lost: number;
}

/**
 * PostgreSQL's stored next offset is the position, whatever Kafka's group
 * has committed (that copy is only for lag monitoring). Without a stored
 * offset the partition is read from its earliest message. A stored offset
 * below the log's start means retention deleted messages the rollup never
 * applied: start at the log's start and report them rather than stall.
 */
export function chooseStartOffset(stored: number | undefined, logStart: number): StartOffset {
  if (stored === undefined) return { offset: logStart, lost: 0 };
  if (stored < logStart) return { offset: logStart, lost: logStart - stored };
  return { offset: stored, lost: 0 };
}
