/**
 * An independent, deliberately plain implementation of HeartLake's rules,
 * for the rollup's tests to compare PostgreSQL against. It shares no code
 * with lib/zones or lib/rollups, so a bug there cannot hide here too.
 */

/** A generated reading, in the order it was sent. */
export interface SentReading {
  deviceId: string;
  ts: number;
  bpm: number;
}

/** Zone bounds in bpm: moderate from `moderate`, high from `high`. */
export interface Bounds {
  moderate: number;
  high: number;
}

/** % of max, exact: integer tenths of a bpm times an integer percent, one division. */
export function percentOfMax(percent: number, maxHr: number): number {
  return (percent * Math.round(maxHr * 10)) / 1000;
}

/** Karvonen: resting + percent of (max − resting), exact. */
export function percentOfReserve(percent: number, maxHr: number, restingHr: number): number {
  return (restingHr * 100 + percent * (maxHr - restingHr)) / 100;
}

/** Tanaka, for whole ages: 208 − 0.7 × age, exact to the tenth. */
export function tanaka(age: number): number {
  return (2080 - 7 * age) / 10;
}

/** Same device and same whole second is one reading; the first sent wins. */
export function firstPerDeviceSecond(sent: readonly SentReading[]): SentReading[] {
  const seen = new Set<string>();
  return sent.filter((r) => {
    const key = `${r.deviceId}/${Math.floor(r.ts / 1000)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface ReferenceMinute {
  minute: number;
  lowMs: number;
  moderateMs: number;
  highMs: number;
  count: number;
  bpmMin: number;
  bpmMax: number;
  dropoutMs: number;
  dropoutCount: number;
}

export interface ReferenceWorkout {
  lowMs: number;
  moderateMs: number;
  highMs: number;
  dropoutMs: number;
  dropoutCount: number;
  readingCount: number;
  bpmMin: number;
  bpmMax: number;
  lastReadingAt: number;
  minutes: ReferenceMinute[];
}

/** One workout's distinct readings rolled up by the rules in CONTEXT.md. */
export function referenceWorkout(readings: readonly SentReading[], bounds: Bounds, maxGapMs = 5_000): ReferenceWorkout {
  const sorted = [...readings].sort((a, b) => a.ts - b.ts);
  const minutes = new Map<number, ReferenceMinute>();
  for (let i = 0; i < sorted.length; i += 1) {
    const reading = sorted[i]!;
    const next = sorted[i + 1];
    const gap = next ? next.ts - reading.ts : 1_000;
    const credit = next ? Math.min(gap, maxGapMs) : 1_000;
    const minuteStart = reading.ts - (reading.ts % 60_000);
    const m = minutes.get(minuteStart) ?? newMinute(minuteStart, reading.bpm);
    if (reading.bpm >= bounds.high) m.highMs += credit;
    else if (reading.bpm >= bounds.moderate) m.moderateMs += credit;
    else m.lowMs += credit;
    m.count += 1;
    m.bpmMin = Math.min(m.bpmMin, reading.bpm);
    m.bpmMax = Math.max(m.bpmMax, reading.bpm);
    if (gap > maxGapMs) {
      m.dropoutMs += gap - maxGapMs;
      m.dropoutCount += 1;
    }
    minutes.set(minuteStart, m);
  }
  const rows = [...minutes.values()].sort((a, b) => a.minute - b.minute);
  const sum = (pick: (m: ReferenceMinute) => number) => rows.reduce((s, m) => s + pick(m), 0);
  return {
    lowMs: sum((m) => m.lowMs),
    moderateMs: sum((m) => m.moderateMs),
    highMs: sum((m) => m.highMs),
    dropoutMs: sum((m) => m.dropoutMs),
    dropoutCount: sum((m) => m.dropoutCount),
    readingCount: sorted.length,
    bpmMin: Math.min(...sorted.map((r) => r.bpm)),
    bpmMax: Math.max(...sorted.map((r) => r.bpm)),
    lastReadingAt: sorted.at(-1)?.ts ?? 0,
    minutes: rows,
  };
}

function newMinute(minute: number, bpm: number): ReferenceMinute {
  return {
    minute,
    lowMs: 0,
    moderateMs: 0,
    highMs: 0,
    count: 0,
    bpmMin: bpm,
    bpmMax: bpm,
    dropoutMs: 0,
    dropoutCount: 0,
  };
}
