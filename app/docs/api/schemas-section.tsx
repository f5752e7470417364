import type { JsonSchema } from "@/lib/openapi/openapi-types";
import { JsonBlock } from "./json-block";
import { RichText } from "./rich-text";
import { schemaAnchor } from "./schema-link";

/** Every component schema, each with an anchor the endpoints link to. */
export function SchemasSection({ schemas }: { schemas: Record<string, JsonSchema> }) {
  return (
    <section aria-labelledby="schemas" className="space-y-4">
      <h2 id="schemas" className="scroll-mt-4 text-2xl font-semibold">
        Schemas
      </h2>
      <p className="max-w-prose text-slate-700 dark:text-slate-300">
        JSON Schema 2020-12, generated from the zod schemas the server validates with. References point at
        #/components/schemas/&lt;name&gt; in the raw document.
      </p>
      {Object.entries(schemas).map(([name, schema]) => (
        <section key={name} aria-labelledby={schemaAnchor(name)} className="space-y-2">
          <h3 id={schemaAnchor(name)} className="scroll-mt-4 font-mono text-lg font-semibold">
            {name}
          </h3>
          {schema.description && (
            <RichText text={schema.description} className="text-sm text-slate-700 dark:text-slate-300" />
          )}
          <JsonBlock label={`JSON Schema of ${name}`} value={schema} />
        </section>
      ))}
    </section>
  );
}
