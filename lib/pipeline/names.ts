/** Kafka topics, consumer groups and lake paths: the one place they are spelled. */

export const TOPICS = {
  /** Accepted readings, keyed by workout id so one workout stays in order in one partition. */
  readings: "heartrate.readings",
  /** Records the workers could not use, with the reason. */
  readingsDlq: "heartrate.readings.dlq",
  /** Per-workout updates the web server pushes to browsers. */
  workoutUpdates: "workout.updates",
} as const;

export const GROUPS = {
  /** Lands readings in HDFS; its true position lives in the lake's file names. */
  lakeWriter: "heartlake-lake-writer",
  /** Rolls readings up in PostgreSQL; its true position lives in consumer_offsets. */
  rollup: "heartlake-rollup",
} as const;

export const LAKE_PATHS = {
  /** The table: Hive-style partitions dt=YYYY-MM-DD below it. */
  readings: "/heartlake/readings",
  /** Files being written; outside the table so no reader ever sees half a file. */
  tmp: "/heartlake/+tmp/readings",
} as const;

/** Every name the pipeline uses, for one namespace. */
export interface PipelineNames {
  topics: { readings: string; readingsDlq: string; workoutUpdates: string };
  groups: { lakeWriter: string; rollup: string };
  lake: { readings: string; tmp: string };
}

/**
 * The names with a namespace appended (config PIPELINE_NAMESPACE; empty in
 * production). Tests run workers in their own namespace, so they never read
 * another test's messages or files.
 */
export function pipelineNames(namespace = ""): PipelineNames {
  if (!namespace) return { topics: { ...TOPICS }, groups: { ...GROUPS }, lake: { ...LAKE_PATHS } };
  if (!/^[\w-]+$/.test(namespace))
    throw new Error(`pipeline namespace "${namespace}" may only hold letters, digits, _ and -`);
  const suffix = (name: string) => `${name}.${namespace}`;
  return {
    topics: {
      readings: suffix(TOPICS.readings),
      readingsDlq: suffix(TOPICS.readingsDlq),
      workoutUpdates: suffix(TOPICS.workoutUpdates),
    },
    groups: { lakeWriter: suffix(GROUPS.lakeWriter), rollup: suffix(GROUPS.rollup) },
    lake: { readings: `${LAKE_PATHS.readings}-${namespace}`, tmp: `${LAKE_PATHS.tmp}-${namespace}` },
  };
}
