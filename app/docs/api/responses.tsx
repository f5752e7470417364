import { refName } from "@/lib/openapi/document-queries";
import type { ResponseObject } from "@/lib/openapi/openapi-types";
import { StatusBadge } from "./badges";
import { JsonBlock } from "./json-block";
import { RichText } from "./rich-text";
import { SchemaLink } from "./schema-link";

export function Responses({ responses }: { responses: Record<string, ResponseObject> }) {
  return (
    <section className="space-y-3">
      <h4 className="font-semibold">Responses</h4>
      <ul className="space-y-3">
        {Object.entries(responses).map(([status, response]) => {
          const [title = "", ...rest] = response.description.split("\n\n");
          return (
            <li key={status} className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
              <h5 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
                <StatusBadge status={status} />
                <span>{title}</span>
              </h5>
              {rest.length > 0 && <RichText text={rest.join("\n\n")} className="text-sm" />}
              <ResponseHeaders response={response} />
              {Object.entries(response.content ?? {}).map(([mediaType, media]) => (
                <div key={mediaType} className="space-y-2 text-sm">
                  <p>
                    <span className="font-mono">{mediaType}</span>: <SchemaName schema={media.schema} />
                  </p>
                  {Object.entries(media.examples ?? {}).map(([key, example]) => (
                    <JsonBlock key={key} label={`Example: ${example.summary}`} value={example.value} />
                  ))}
                </div>
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ResponseHeaders({ response }: { response: ResponseObject }) {
  const headers = Object.entries(response.headers ?? {});
  if (headers.length === 0) return null;
  return (
    <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      {headers.map(([name, header]) => (
        <div key={name} className="contents">
          <dt className="font-mono">{name}</dt>
          <dd className="text-slate-700 dark:text-slate-300">{header.description}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A `$ref` names its component; an error body names ErrorBody (its `code` enum is listed above). */
function SchemaName({ schema }: { schema: Parameters<typeof refName>[0] }) {
  const name = refName(schema) ?? (schema.allOf?.[0] ? refName(schema.allOf[0]) : undefined);
  return name ? <SchemaLink name={name} /> : <span className="font-mono">{schema.type?.toString() ?? "JSON"}</span>;
}
