import { describe, expect, it } from "vitest";
import { buffered } from "./lake-messages.fixtures";
import { PartitionBuffer } from "./partition-buffer";

describe("PartitionBuffer", () => {
  it("given messages appended over time, when asked, then it counts messages, readings, bytes and the oldest arrival", () => {
    const buffer = new PartitionBuffer();
    buffer.append(buffered(1, "2025-01-31", 3), 1_000);
    buffer.append(buffered(2, null), 2_000);

    expect(buffer.stats()).toEqual({ messages: 2, readings: 3, bytes: 200, openedAt: 1_000 });
  });

  it("given landed messages, when dropped, then the rest keep their counts and age; empty means no age", () => {
    const buffer = new PartitionBuffer();
    for (const offset of [1, 2, 3]) buffer.append(buffered(offset, "2025-01-31", offset), 1_000 * offset);

    buffer.dropThrough(2);
    expect(buffer.stats()).toEqual({ messages: 1, readings: 3, bytes: 100, openedAt: 1_000 });
    buffer.clear();
    expect(buffer.stats()).toEqual({ messages: 0, readings: 0, bytes: 0, openedAt: null });
  });

  it("given an offset at or before the last buffered one, when appended, then it throws rather than duplicate", () => {
    const buffer = new PartitionBuffer();
    buffer.append(buffered(5, "2025-01-31"), 0);

    expect(() => buffer.append(buffered(5, "2025-01-31"), 0)).toThrow(RangeError);
  });
});
