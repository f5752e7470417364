import { schemaVariants } from "@/lib/openapi/document-queries";
import type { OpenApiDocument, RequestBodyObject } from "@/lib/openapi/openapi-types";
import { JsonBlock } from "./json-block";
import { RichText } from "./rich-text";
import { SchemaLink } from "./schema-link";

/** Each media type with its schema variants (a oneOf is split into its options) and examples. */
export function RequestBody({ document, body }: { document: OpenApiDocument; body: RequestBodyObject }) {
  return (
    <section className="space-y-3">
      <h4 className="font-semibold">
        Request body{" "}
        <span className="font-normal text-slate-600 dark:text-slate-400">
          ({body.required ? "required" : "optional"})
        </span>
      </h4>
      <RichText text={body.description} className="text-sm text-slate-700 dark:text-slate-300" />
      {Object.entries(body.content).map(([mediaType, media]) => {
        const variants = schemaVariants(document, media.schema);
        const line = media["x-ndjson-line"];
        return (
          <div key={mediaType} className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <h5 className="font-mono text-sm font-semibold">{mediaType}</h5>
            {variants.length > 1 && <p className="text-sm">One of {variants.length} shapes:</p>}
            <ul className="space-y-2">
              {variants.map(({ name, schema }, i) => (
                <li key={name ?? i} className="space-y-1">
                  {name && <SchemaLink name={name} />}
                  {schema.description && (
                    <RichText text={schema.description} className="text-sm text-slate-700 dark:text-slate-300" />
                  )}
                  <JsonBlock label={`JSON Schema${name ? ` of ${name}` : ""} (${mediaType})`} value={schema} />
                </li>
              ))}
            </ul>
            {line?.$ref && (
              <p className="text-sm">
                Each non-blank line is a <SchemaLink name={line.$ref.split("/").at(-1) ?? ""} />.
              </p>
            )}
            {Object.entries(media.examples ?? {}).map(([key, example]) => (
              <JsonBlock key={key} label={`Example: ${example.summary}`} value={example.value} />
            ))}
          </div>
        );
      })}
    </section>
  );
}
