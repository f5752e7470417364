/** The HTML id of a component schema's entry in the Schemas section. */
export const schemaAnchor = (name: string) => `schema-${name}`;

export function SchemaLink({ name }: { name: string }) {
  return (
    <a href={`#${schemaAnchor(name)}`} className="font-mono text-rose-700 underline dark:text-rose-400">
      {name}
    </a>
  );
}
