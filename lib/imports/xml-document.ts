import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportError, describeFile } from "./import-error";
import { phase, type Progress } from "./progress";

// Shares of the import done after validating and after parsing, as measured
// on a 24-hour GPX: parsing takes about three quarters of the time.
const XML_VALIDATED_AT = 0.2;
/** Share of the import done once the XML is parsed; the rest is checking the samples. */
export const XML_PARSED_AT = 0.95;

/** How far into a file the root element is looked for; prologs are short. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The local name of an XML document's root element (namespace prefix
 * dropped), or undefined when the bytes do not start like XML.
 */
export function sniffXmlRoot(bytes: Uint8Array): string | undefined {
  // A cut inside a multi-byte character only spoils the tail, never the prolog.
  const head = new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES));
  const start = skipProlog(head);
  if (start === undefined) return undefined;
  return /^<(?:[A-Za-z_][\w.-]{0,63}:)?([A-Za-z_][\w.-]{0,63})/.exec(head.slice(start, start + 140))?.[1];
}

// The prolog (XML declaration, comments, processing instructions, DOCTYPE) is
// skipped by hand: a regex with a repeated lazy group backtracks
// exponentially on a crafted upload.
function skipProlog(head: string): number | undefined {
  let i = 0;
  for (;;) {
    while (i < head.length && isXmlSpace(head.charCodeAt(i))) i++;
    const end = head.startsWith("<?", i)
      ? endOf(head, "?>", i + 2)
      : head.startsWith("<!--", i)
        ? endOf(head, "-->", i + 4)
        : head.startsWith("<!DOCTYPE", i)
          ? endOfDoctype(head, i)
          : i;
    if (end === undefined) return undefined;
    if (end === i) return i;
    i = end;
  }
}

function endOf(head: string, terminator: string, from: number): number | undefined {
  const at = head.indexOf(terminator, from);
  return at < 0 ? undefined : at + terminator.length;
}

// An internal subset `[ ... ]` may contain ">" of its own declarations.
function endOfDoctype(head: string, from: number): number | undefined {
  const close = head.indexOf(">", from);
  const subset = head.indexOf("[", from);
  if (subset < 0 || (close >= 0 && close < subset)) return close < 0 ? undefined : close + 1;
  const subsetEnd = head.indexOf("]", subset);
  return subsetEnd < 0 ? undefined : endOf(head, ">", subsetEnd);
}

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Exporters differ in prefixes (gpxtpx:hr, ns3:hr, tpx:hr); the local name is what matters.
  removeNSPrefix: true,
  // Values are read as text and parsed by the format modules, so "0123" or "1e3" are not guessed at.
  parseTagValue: false,
  // Nothing we read needs entities, and skipping them rules out entity-expansion attacks.
  processEntities: false,
} as const;

export interface XmlReadOptions {
  fileName: string | undefined;
  progress: Progress;
  /** Local name of the element that holds one sample (trkpt, Trackpoint); parsing progress counts them. */
  recordTag: string;
}

/**
 * Parses a whole XML document into plain objects (elements by local name,
 * attributes as `@_Name`, repeated elements as arrays). Malformed or
 * truncated XML is CORRUPT_FILE: the parser on its own accepts unclosed
 * tags, so the document is validated first.
 */
export function parseXmlDocument(bytes: Uint8Array, { fileName, progress, recordTag }: XmlReadOptions): unknown {
  const text = new TextDecoder().decode(bytes);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ImportError(
      "CORRUPT_FILE",
      `${describeFile(fileName)} is damaged or incomplete: its XML is malformed (${valid.err.msg}); export the workout again`,
      { cause: new Error(`${valid.err.code} at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`) },
    );
  }
  progress.update(XML_VALIDATED_AT);
  // The parser reports no position, so progress counts samples against a quick count made beforehand.
  const total = countElements(text, recordTag);
  const onParsed = phase(progress, XML_VALIDATED_AT, XML_PARSED_AT);
  let seen = 0;
  const parser = new XMLParser({
    ...PARSER_OPTIONS,
    updateTag: (tag) => {
      if (tag === recordTag) onParsed(++seen / total);
      return tag;
    },
  });
  let document: unknown;
  try {
    document = parser.parse(text);
  } catch (error) {
    throw new ImportError(
      "CORRUPT_FILE",
      `${describeFile(fileName)} is damaged or incomplete: its XML could not be read; export the workout again`,
      { cause: error },
    );
  }
  progress.update(XML_PARSED_AT);
  return document;
}

/** How many `<recordTag` or `<prefix:recordTag` elements the text opens. */
function countElements(text: string, recordTag: string): number {
  const opening = new RegExp(`<(?:[A-Za-z_][\\w.-]{0,63}:)?${recordTag}[\\s/>]`, "g");
  let count = 0;
  while (opening.exec(text)) count++;
  return count;
}

/** The child element(s) `name` of a parsed node; undefined when absent. */
export function child(node: unknown, name: string): unknown {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, name) ? (node as Record<string, unknown>)[name] : undefined;
}

/** The child elements `name` as a list, whether the document had none, one or many. */
export function children(node: unknown, name: string): unknown[] {
  const value = child(node, name);
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A leaf element's or attribute's text; an element with attributes keeps it under "#text". */
export function text(node: unknown): string | undefined {
  if (typeof node === "string") return node;
  const inner = child(node, "#text");
  return typeof inner === "string" ? inner : undefined;
}

/** Follows a path of single children: `path(trkpt, "extensions", "TrackPointExtension", "hr")`. */
export function path(node: unknown, ...names: string[]): unknown {
  let current = node;
  for (const name of names) current = children(current, name)[0];
  return current;
}
