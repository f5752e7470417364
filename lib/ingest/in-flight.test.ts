import { describe, expect, it } from "vitest";
import { createInFlight } from "./in-flight";

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (err: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("createInFlight", () => {
  it("given nothing under way, when idle is awaited, then it is true at once", async () => {
    await expect(createInFlight().idle(10)).resolves.toBe(true);
  });

  it("given work under way, when it settles either way, then idle resolves true", async () => {
    const inFlight = createInFlight();
    const ok = deferred();
    const failing = deferred();
    void inFlight.track(ok.promise);
    void inFlight.track(failing.promise).catch(() => undefined);

    const idle = inFlight.idle(1_000);
    ok.resolve();
    failing.reject(new Error("no"));

    await expect(idle).resolves.toBe(true);
  });

  it("given work that does not finish, when the timeout passes, then idle resolves false", async () => {
    const inFlight = createInFlight();
    void inFlight.track(new Promise(() => undefined));

    await expect(inFlight.idle(20)).resolves.toBe(false);
  });
});
