import { describe, expect, it } from "vitest";
import { socketPayload } from "./socket-payload";

describe("socketPayload", () => {
  it("given a plain JSON payload, when prepared, then it is passed on as it is, not serialized", () => {
    const payload = { readings: [{ ts: 1, bpm: 120 }] };

    expect(socketPayload(payload)).toEqual({ json: payload });
    expect((socketPayload(payload) as { json: unknown }).json).toBe(payload);
  });

  it("given no payload, when prepared, then it is JSON null, as JSON.stringify made it", () => {
    expect(socketPayload(undefined)).toEqual({ json: null });
  });

  it.each([
    { given: "a Buffer", payload: Buffer.from([1, 2]) },
    { given: "a Buffer deep inside", payload: { readings: [{ ts: 1, bpm: Buffer.from([1]) }] } },
    { given: "an ArrayBuffer", payload: [new ArrayBuffer(2)] },
  ])("given $given, when prepared, then it takes the text route that JSON clients take", ({ payload }) => {
    expect(socketPayload(payload)).toEqual({ contentType: "application/json", body: JSON.stringify(payload) });
  });

  it("given a payload nested 100,000 deep, when prepared, then the walk does not exhaust the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];

    expect(() => socketPayload(deep)).not.toThrow();
  });
});
