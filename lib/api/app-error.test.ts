import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";

describe("AppError.is", () => {
  it("given an AppError, when checked, then it is recognised", () => {
    expect(AppError.is(new AppError("X", "x", 400))).toBe(true);
  });

  it("given an error from another copy of the module (another bundle), when checked, then it is still recognised", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("heartlake.AppError")]: true, code: "X", status: 400 });

    expect(AppError.is(foreign)).toBe(true);
  });

  it.each([[new Error("plain")], [null], ["AppError"], [{ code: "X" }]])(
    "given %j, when checked, then it is not",
    (value) => {
      expect(AppError.is(value)).toBe(false);
    },
  );
});
