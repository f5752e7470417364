import { describe, expect, it } from "vitest";
import { chunkByBytes } from "./publisher";

const message = (bytes: number) => ({ value: "x".repeat(bytes) });

describe("chunkByBytes", () => {
  it("given messages over the limit together, when chunked, then no chunk exceeds it unless one message alone does", () => {
    const chunks = chunkByBytes([message(300), message(300), message(300), message(900), message(10)], 700);

    expect(chunks.map((c) => c.map((m) => String(m.value).length))).toEqual([[300, 300], [300], [900], [10]]);
  });

  it("given no messages, when chunked, then there are no chunks", () => {
    expect(chunkByBytes([], 10)).toEqual([]);
  });
});
