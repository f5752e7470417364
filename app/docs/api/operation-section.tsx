import type { ListedOperation } from "@/lib/openapi/document-queries";
import type { OpenApiDocument, ParameterObject } from "@/lib/openapi/openapi-types";
import { MethodBadge } from "./badges";
import { CodeBlock } from "./json-block";
import { RequestBody } from "./request-body";
import { Responses } from "./responses";
import { RichText } from "./rich-text";

interface OperationSectionProps {
  document: OpenApiDocument;
  listed: ListedOperation;
}

/** One endpoint: what it does, who may call it, what it takes, what it answers, and a curl to try it. */
export function OperationSection({ document, listed: { method, path, operation, anchor } }: OperationSectionProps) {
  const authenticated = operation.security.length > 0;
  return (
    <section
      aria-labelledby={`${anchor}-heading`}
      className="scroll-mt-4 space-y-4 border-t border-slate-200 pt-6 dark:border-slate-800"
      id={anchor}
    >
      <h3 id={`${anchor}-heading`} className="flex flex-wrap items-center gap-2 text-xl font-semibold">
        <MethodBadge method={method} />
        <span className="font-mono break-all">{path}</span>
      </h3>
      <p className="font-medium">{operation.summary}</p>
      <RichText text={operation.description} className="text-slate-700 dark:text-slate-300" />
      <p className="text-sm">
        <span className="font-semibold">Authentication: </span>
        {authenticated ? (
          <a href="#authentication" className="underline">
            device token (Authorization: Bearer)
          </a>
        ) : (
          "none"
        )}
      </p>
      {operation.parameters && <Parameters parameters={operation.parameters} />}
      {operation.requestBody && <RequestBody document={document} body={operation.requestBody} />}
      <Responses responses={operation.responses} />
      <section className="space-y-2">
        <h4 className="font-semibold">Try it with curl</h4>
        {(operation["x-codeSamples"] ?? []).map((sample) => (
          <div key={sample.label} className="space-y-1">
            <p className="text-sm text-slate-700 dark:text-slate-300">{sample.label}</p>
            <CodeBlock label={`${sample.label} for ${method.toUpperCase()} ${path}`} code={sample.source} />
          </div>
        ))}
      </section>
    </section>
  );
}

function Parameters({ parameters }: { parameters: ParameterObject[] }) {
  return (
    <section className="space-y-2">
      <h4 className="font-semibold">Parameters</h4>
      <dl className="space-y-2 text-sm">
        {parameters.map((p) => (
          <div key={`${p.in}-${p.name}`}>
            <dt>
              <span className="font-mono font-semibold">{p.name}</span>{" "}
              <span className="text-slate-600 dark:text-slate-400">
                ({p.in}, {p.required ? "required" : "optional"})
              </span>
            </dt>
            <dd className="text-slate-700 dark:text-slate-300">
              {p.description}
              {p.example !== undefined && (
                <>
                  {" "}
                  Example: <code className="font-mono">{String(p.example)}</code>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
