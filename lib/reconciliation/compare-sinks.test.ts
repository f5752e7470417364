import { describe, expect, it } from "vitest";
import { compareSinks, type SinkSnapshot } from "./compare-sinks";
import { toOffsetRanges } from "./offset-ranges";
import type { LakeFileSummary, PostgresOffsetCount, ScannedMessage } from "./types";

const DAY = "2026-11-20";

/** Partition 0: offsets 0-9, two readings each (ids p0-o<offset>-<n>); offset 5 is poison. */
function messages(): ScannedMessage[] {
  return Array.from({ length: 10 }, (_, offset) =>
    offset === 5
      ? { offset, status: "poison", readingIds: [] }
      : { offset, status: "day", readingIds: [`p0-o${offset}-a`, `p0-o${offset}-b`] },
  );
}

const FILES: LakeFileSummary[] = [
  { partition: 0, firstOffset: 0, lastOffset: 3, rows: 8 },
  { partition: 0, firstOffset: 4, lastOffset: 6, rows: 4 },
  { partition: 0, firstOffset: 7, lastOffset: 9, rows: 6 },
];

const STORED: PostgresOffsetCount[] = [0, 1, 2, 3, 4, 6, 7, 8, 9].map((offset) => ({
  partition: 0,
  offset,
  readings: 2,
}));

function snapshot(change: Partial<SinkSnapshot> = {}): SinkSnapshot {
  const postgresOffsets = change.postgresOffsets ?? STORED;
  const readings = postgresOffsets.reduce((s, p) => s + p.readings, 0);
  return {
    day: DAY,
    accepted: 18,
    kafka: { partitions: [{ partition: 0, messages: messages() }] },
    lakeFiles: FILES,
    postgresOffsets,
    postgres: {
      day: DAY,
      readings,
      partitions: [{ partition: 0, readings, messages: postgresOffsets.length, fromOffset: 0, toOffset: 9 }],
    },
    ...change,
  };
}

describe("compareSinks", () => {
  it.each([
    { name: "equal sinks", given: snapshot(), differences: [] },
    {
      name: "a deleted lake file",
      given: snapshot({ lakeFiles: [FILES[0]!, FILES[2]!] }),
      // Its poison offset 5 does not split the range: the whole file is missing.
      differences: [
        {
          sink: "hdfs",
          kind: "missing",
          partition: 0,
          fromOffset: 4,
          toOffset: 6,
          expectedReadings: 4,
          actualReadings: 0,
        },
      ],
    },
    {
      name: "a lake file short of rows",
      given: snapshot({ lakeFiles: [FILES[0]!, { ...FILES[1]!, rows: 3 }, FILES[2]!] }),
      differences: [
        {
          sink: "hdfs",
          kind: "rows",
          partition: 0,
          fromOffset: 4,
          toOffset: 6,
          expectedReadings: 4,
          actualReadings: 3,
        },
      ],
    },
    {
      name: "PostgreSQL short of offsets 2-3 and 6-8 (poison 5 between is neutral, 4 is there)",
      given: snapshot({ postgresOffsets: STORED.filter((s) => ![2, 3, 6, 7, 8].includes(s.offset)) }),
      differences: [
        {
          sink: "postgres",
          kind: "missing",
          partition: 0,
          fromOffset: 2,
          toOffset: 3,
          expectedReadings: 4,
          actualReadings: 0,
        },
        {
          sink: "postgres",
          kind: "missing",
          partition: 0,
          fromOffset: 6,
          toOffset: 8,
          expectedReadings: 6,
          actualReadings: 0,
        },
      ],
    },
    {
      name: "PostgreSQL with one reading too few at offset 9 and a stray offset 12",
      given: snapshot({
        postgresOffsets: [
          ...STORED.slice(0, -1),
          { partition: 0, offset: 9, readings: 1 },
          { partition: 0, offset: 12, readings: 1 },
        ],
      }),
      differences: [
        {
          sink: "postgres",
          kind: "extra",
          partition: 0,
          fromOffset: 12,
          toOffset: 12,
          expectedReadings: 0,
          actualReadings: 1,
        },
        {
          sink: "postgres",
          kind: "rows",
          partition: 0,
          fromOffset: 9,
          toOffset: 9,
          expectedReadings: 2,
          actualReadings: 1,
        },
      ],
    },
    {
      name: "a lake file of a partition Kafka does not have",
      given: snapshot({ lakeFiles: [...FILES, { partition: 3, firstOffset: 0, lastOffset: 1, rows: 2 }] }),
      differences: [
        {
          sink: "hdfs",
          kind: "extra",
          partition: 3,
          fromOffset: 0,
          toOffset: 1,
          expectedReadings: 0,
          actualReadings: 2,
        },
      ],
    },
  ])("given $name, when compared, then it reports exactly those ranges", ({ given, differences }) => {
    const result = compareSinks(given);
    expect(result.differences).toEqual(differences);
    expect(result.sinksAgree).toBe(differences.length === 0);
  });

  it("given equal sinks, then every column's totals match Kafka's", () => {
    const result = compareSinks(snapshot());
    expect(result.kafka).toMatchObject({ readings: 18, distinctReadings: 18, messages: 9, poisonMessages: 1 });
    expect(result.kafka.partitions).toEqual([{ partition: 0, readings: 18, messages: 9, fromOffset: 0, toOffset: 9 }]);
    expect(result.hdfs).toMatchObject({ readings: 18, files: 3 });
    expect(result.postgres.readings).toBe(18);
    expect(result.apiMatchesKafka).toBe(true);
  });

  it("given a reading sent twice, then the lake keeps both and PostgreSQL only the first", () => {
    const dup = messages();
    dup[9] = { offset: 9, status: "day", readingIds: ["p0-o1-a", "p0-o9-b"] };
    const stored = [...STORED.slice(0, -1), { partition: 0, offset: 9, readings: 1 }];
    const result = compareSinks(
      snapshot({ kafka: { partitions: [{ partition: 0, messages: dup }] }, postgresOffsets: stored }),
    );
    expect(result.differences).toEqual([]);
    expect(result.kafka).toMatchObject({ readings: 18, distinctReadings: 17 });
    expect(result.sinksAgree).toBe(true);
  });

  it("given messages of another day inside a lake file, then they are extra in HDFS", () => {
    const other = messages().map((m) =>
      m.offset === 8 ? { offset: 8, status: "other-day" as const, readingIds: [] } : m,
    );
    const result = compareSinks(
      snapshot({
        kafka: { partitions: [{ partition: 0, messages: other }] },
        postgresOffsets: STORED.filter((s) => s.offset !== 8),
      }),
    );
    expect(result.differences).toEqual([
      { sink: "hdfs", kind: "extra", partition: 0, fromOffset: 8, toOffset: 8, expectedReadings: 0, actualReadings: 0 },
    ]);
  });
});

describe("toOffsetRanges", () => {
  it.each([
    { offsets: [], bridge: [], ranges: [] },
    { offsets: [3, 1, 2, 2], bridge: [], ranges: [{ fromOffset: 1, toOffset: 3 }] },
    {
      offsets: [1, 4],
      bridge: [],
      ranges: [
        { fromOffset: 1, toOffset: 1 },
        { fromOffset: 4, toOffset: 4 },
      ],
    },
    { offsets: [1, 4], bridge: [2, 3], ranges: [{ fromOffset: 1, toOffset: 4 }] },
    {
      offsets: [1, 4],
      bridge: [2],
      ranges: [
        { fromOffset: 1, toOffset: 1 },
        { fromOffset: 4, toOffset: 4 },
      ],
    },
  ])("given $offsets bridging $bridge, then $ranges", ({ offsets, bridge, ranges }) => {
    expect(toOffsetRanges(offsets, new Set(bridge))).toEqual(ranges);
  });
});

describe("compareSinks: duplicates within one message", () => {
  it("given one id twice in a message, then PostgreSQL is expected to hold it once", () => {
    const dup = messages();
    dup[9] = { offset: 9, status: "day", readingIds: ["p0-o9-a", "p0-o9-a"] };
    const stored = [...STORED.slice(0, -1), { partition: 0, offset: 9, readings: 1 }];
    const result = compareSinks(
      snapshot({ kafka: { partitions: [{ partition: 0, messages: dup }] }, postgresOffsets: stored }),
    );
    expect(result.differences).toEqual([]);
    expect(result.kafka).toMatchObject({ readings: 18, distinctReadings: 17 });
  });
});
