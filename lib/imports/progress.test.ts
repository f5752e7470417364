import { describe, expect, it } from "vitest";
import { createProgress, phase } from "./progress";
import { recordProgress } from "./workout-files.fixtures";

describe("createProgress", () => {
  it("given updates that fall back, repeat or creep, when reported, then only 1 % rises get through", () => {
    const fractions = recordProgress((onProgress) => {
      const progress = createProgress(onProgress);
      for (const f of [0.5, 0.4, 0.5, 0.505, 0.52, Number.NaN, 1, 0.99]) progress.update(f);
      progress.finish();
      progress.finish();
    });

    expect(fractions).toEqual([0, 0.5, 0.52, 0.99, 1]);
  });

  it("given a phase from 0.7 to 1, when it is half done, then the whole import is 0.85 done", () => {
    const fractions = recordProgress((onProgress) => phase(createProgress(onProgress), 0.7, 1)(0.5));

    expect(fractions).toEqual([0, 0.85]);
  });

  it("given a callback that throws, when updated again, then it is not called and finish rethrows its error", () => {
    const boom = new Error("bar broke");
    const seen: number[] = [];
    const progress = createProgress((fraction) => {
      seen.push(fraction);
      if (fraction === 0.5) throw boom;
    });

    expect(() => progress.update(0.5)).not.toThrow();
    progress.update(0.8);

    expect(() => progress.finish()).toThrow(boom);
    expect(seen).toEqual([0, 0.5]);
  });

  it("given no callback, when used, then nothing happens", () => {
    expect(() => createProgress(undefined).finish()).not.toThrow();
  });
});
