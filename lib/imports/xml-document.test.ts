import { describe, expect, it } from "vitest";
import { bytesOf } from "./workout-files.fixtures";
import { children, path, sniffXmlRoot, text } from "./xml-document";

describe("sniffXmlRoot", () => {
  it.each([
    ["<gpx/>", "gpx"],
    ['<?xml version="1.0"?>\n<TrainingCenterDatabase xmlns="x">', "TrainingCenterDatabase"],
    ["<tcx:TrainingCenterDatabase>", "TrainingCenterDatabase"],
    ["\n  <!-- a > b --><?style x?><!DOCTYPE gpx SYSTEM 'gpx.dtd'>\n<gpx>", "gpx"],
    ['<!DOCTYPE gpx [<!ENTITY a "<b>">]><gpx>', "gpx"],
    ["hello", undefined],
    ["<!-- never closed <gpx>", undefined],
    ["<?xml never closed", undefined],
    ["", undefined],
  ])("given %j, when sniffed, then the root is %s", (xml, root) => {
    expect(sniffXmlRoot(bytesOf(xml))).toBe(root);
  });

  it("given a prolog crafted to make a regex backtrack, when sniffed, then it answers at once", () => {
    const crafted = bytesOf(`${"<?a?>".repeat(10_000)}!`);

    const started = performance.now();
    expect(sniffXmlRoot(crafted)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("xml tree helpers", () => {
  const tree: unknown = {
    trk: { name: "A", trkseg: [{ n: "1" }, { n: "2" }] },
    hr: { "#text": "120", "@_unit": "bpm" },
  };

  it("given one child or many, when listed, then it is always an array", () => {
    expect(children(tree, "trk")).toHaveLength(1);
    expect(children(path(tree, "trk"), "trkseg")).toHaveLength(2);
    expect(children(tree, "missing")).toEqual([]);
    expect(children("text", "x")).toEqual([]);
  });

  it("given a leaf with attributes, when read as text, then its #text comes back", () => {
    expect(text(path(tree, "hr"))).toBe("120");
    expect(text(path(tree, "trk", "name"))).toBe("A");
    expect(text(path(tree, "trk"))).toBeUndefined();
  });

  it("given an inherited property name, when looked up, then it is not found", () => {
    expect(path(tree, "constructor")).toBeUndefined();
  });
});
