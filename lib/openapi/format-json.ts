/**
 * JSON for people: like `JSON.stringify(value, null, 2)`, but any array or
 * object whose one-line form fits in `width` stays on one line, so a reading
 * or a createdAt array reads as one unit.
 */
export function formatJson(value: unknown, width = 72, indent = ""): string {
  const compact = JSON.stringify(value) ?? "null";
  if (typeof value !== "object" || value === null || indent.length + compact.length <= width) return compact;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => inner + formatJson(item, width, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, width, inner)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}
