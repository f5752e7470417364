/**
 * Renders the small Markdown subset the document's descriptions use:
 * blank-line paragraphs, "- " bullet lines and `inline code`.
 */
export function RichText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`space-y-2 ${className}`}>
      {blocksOf(text).map((block, i) =>
        block.kind === "list" ? (
          <ul key={i} className="list-disc space-y-1 pl-5">
            {block.lines.map((line, j) => (
              <li key={j}>
                <InlineCode text={line} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            <InlineCode text={block.lines.join(" ")} />
          </p>
        ),
      )}
    </div>
  );
}

export function InlineCode({ text }: { text: string }) {
  // split with a capture group: odd entries are the text between backticks.
  return text.split(/`([^`]+)`/).map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

type Block = { kind: "paragraph" | "list"; lines: string[] };

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split("\n")) {
    const kind = line.startsWith("- ") ? "list" : "paragraph";
    const last = blocks.at(-1);
    if (line.trim() === "") blocks.push({ kind: "paragraph", lines: [] });
    else if (last && last.kind === kind) last.lines.push(kind === "list" ? line.slice(2) : line);
    else blocks.push({ kind, lines: [kind === "list" ? line.slice(2) : line] });
  }
  return blocks.filter((block) => block.lines.length > 0);
}
