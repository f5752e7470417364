import { describe, expect, it } from "vitest";
import { normalizeSport, pickSport } from "./sport";

describe("normalizeSport", () => {
  it.each([
    // FIT SDK names
    ["running", "running"],
    ["eBiking", "e_biking"],
    ["standUpPaddleboarding", "stand_up_paddleboarding"],
    ["generic", "other"],
    ["all", "other"],
    // TCX
    ["Running", "running"],
    ["Biking", "cycling"],
    ["Other", "other"],
    // GPX <type>, free text
    [" Cycling ", "cycling"],
    ["cross-country skiing", "cross_country_skiing"],
    ["indoor_cycling", "cycling"],
    ["lap_swimming", "swimming"],
    ["Ride", "cycling"],
    ["backcountry_skiing", "other"],
    ["", "other"],
    ["<script>", "other"],
    ["constructor", "other"],
    ["__proto__", "other"],
  ])("given %j, when normalized, then it is %j", (name, expected) => {
    expect(normalizeSport(name)).toBe(expected);
  });

  it.each([undefined, 7, null])("given %j instead of a name, when normalized, then it is other", (name) => {
    expect(normalizeSport(name)).toBe("other");
  });
});

describe("pickSport", () => {
  it.each([
    [["running", "Running"], "running"],
    [["running", "cycling"], "multisport"],
    [["generic", "cycling"], "cycling"],
    [[undefined], "other"],
    [[], "other"],
  ])("given %j, when picked, then it is %s", (names, expected) => {
    expect(pickSport(names)).toBe(expected);
  });
});
