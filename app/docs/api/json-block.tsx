import { formatJson } from "@/lib/openapi/format-json";

const PRE =
  "overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed " +
  "text-slate-900 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100";

/** Preformatted text in a scroll box that keyboard users can reach and screen readers can name. */
export function CodeBlock({ label, code }: { label: string; code: string }) {
  return (
    <pre tabIndex={0} aria-label={label} className={PRE}>
      <code>{code}</code>
    </pre>
  );
}

/** A collapsible, labelled, pretty-printed JSON value (a schema or an example). */
export function JsonBlock({ label, value, open = false }: { label: string; value: unknown; open?: boolean }) {
  return (
    <details open={open} className="group space-y-2">
      <summary className="cursor-pointer text-sm font-medium text-slate-800 hover:underline dark:text-slate-200">
        {label}
      </summary>
      <CodeBlock label={label} code={typeof value === "string" ? value : formatJson(value)} />
    </details>
  );
}
