import type { BufferedMessage } from "./lake-rows";

/** One file a flush writes: consecutive messages of one partition that share a day. */
export interface LakeFilePlan {
  day: string;
  firstOffset: number;
  lastOffset: number;
  messages: BufferedMessage[];
  readings: number;
}

/**
 * Cuts a partition's buffered messages (in offset order) into files. A new
 * file starts wherever the day changes, so each file covers one contiguous
 * offset range and lands in one dt directory; a message is never split (its
 * day is the day of its receivedAt). Poison messages yield no rows but their
 * offsets must be in some file, or the partition's position could not pass
 * them: they join the file of the message before them (or, at the start, the
 * one after). A buffer of only poison messages still makes a file, with no
 * rows, in the day of Kafka's timestamp of its first message (`fallbackDay`
 * when even that has none).
 */
export function planLakeFiles(
  messages: readonly BufferedMessage[],
  dayOfTimestamp: (epochMs: number) => string | null,
  fallbackDay: string,
): LakeFilePlan[] {
  const plans: LakeFilePlan[] = [];
  let leadingPoison: BufferedMessage[] = [];
  let current: LakeFilePlan | undefined;
  for (const m of messages) {
    if (m.day === null) {
      if (current) add(current, m);
      else leadingPoison.push(m);
    } else if (current?.day === m.day) {
      add(current, m);
    } else {
      current = { day: m.day, firstOffset: m.offset, lastOffset: m.offset, messages: [], readings: 0 };
      for (const p of [...leadingPoison, m]) add(current, p);
      leadingPoison = [];
      plans.push(current);
    }
  }
  const [first] = leadingPoison;
  if (first) {
    const day = dayOfTimestamp(first.kafkaTimestamp) ?? fallbackDay;
    const onlyPoison: LakeFilePlan = {
      day,
      firstOffset: first.offset,
      lastOffset: first.offset,
      messages: [],
      readings: 0,
    };
    for (const p of leadingPoison) add(onlyPoison, p);
    plans.push(onlyPoison);
  }
  return plans;
}

function add(plan: LakeFilePlan, m: BufferedMessage): void {
  if (plan.messages.length === 0) plan.firstOffset = m.offset;
  plan.messages.push(m);
  plan.lastOffset = m.offset;
  plan.readings += m.message?.readings.length ?? 0;
}
