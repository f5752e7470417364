import type { BufferStats } from "./flush-policy";
import type { BufferedMessage } from "./lake-rows";

/**
 * The messages of one partition taken in but not yet landed, in offset
 * order, with the counts the flush policy looks at.
 */
export class PartitionBuffer {
  private entries: BufferedMessage[] = [];
  private readings = 0;
  private bytes = 0;
  private openedAt: number | null = null;

  get messages(): readonly BufferedMessage[] {
    return this.entries;
  }

  append(entry: BufferedMessage, now: number): void {
    const last = this.entries.at(-1);
    if (last && entry.offset <= last.offset) {
      throw new RangeError(`offset ${entry.offset} is not after the buffered ${last.offset}`);
    }
    this.entries.push(entry);
    this.readings += entry.message?.readings.length ?? 0;
    this.bytes += entry.bytes;
    this.openedAt ??= now;
  }

  stats(): BufferStats {
    return { messages: this.entries.length, readings: this.readings, bytes: this.bytes, openedAt: this.openedAt };
  }

  /**
   * Forgets the messages up to `offset` once they have landed. What stays
   * keeps its original age: it has been waiting since the buffer opened.
   */
  dropThrough(offset: number): void {
    this.entries = this.entries.filter((e) => e.offset > offset);
    this.readings = this.entries.reduce((n, e) => n + (e.message?.readings.length ?? 0), 0);
    this.bytes = this.entries.reduce((n, e) => n + e.bytes, 0);
    if (this.entries.length === 0) this.openedAt = null;
  }

  clear(): void {
    this.dropThrough(Number.POSITIVE_INFINITY);
  }
}
