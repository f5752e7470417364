import type { Metadata } from "next";
import { listOperations } from "@/lib/openapi/document-queries";
import { buildOpenApiDocument } from "@/lib/openapi/openapi-document";
import { ApiIntro } from "./api-intro";
import { MethodBadge } from "./badges";
import { OperationSection } from "./operation-section";
import { SchemasSection } from "./schemas-section";
import { SocketIoSection } from "./socket-io-section";

export const metadata: Metadata = {
  title: "API",
  description: "HeartLake's device API: OpenAPI 3.1, generated from the schemas the server validates with.",
};

// Derived from code, not data: built once, rendered statically.
const document = buildOpenApiDocument();

export default function ApiDocsPage() {
  const operations = listOperations(document);
  return (
    <article className="space-y-10">
      <ApiIntro document={document} />
      <nav aria-label="Endpoints" className="rounded-md border border-slate-200 p-4 dark:border-slate-800">
        <h2 className="mb-2 font-semibold">On this page</h2>
        <ul className="space-y-1 text-sm">
          {operations.map(({ method, path, operation, anchor }) => (
            <li key={anchor}>
              <a href={`#${anchor}`} className="flex flex-wrap items-center gap-2 hover:underline">
                <MethodBadge method={method} />
                <span className="font-mono">{path}</span>
                <span className="text-slate-700 dark:text-slate-300">{operation.summary}</span>
              </a>
            </li>
          ))}
          <li>
            <a href="#socketio" className="hover:underline">
              Streaming over socket.io
            </a>
          </li>
          <li>
            <a href="#schemas" className="hover:underline">
              Schemas
            </a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="endpoints" className="space-y-6">
        <h2 id="endpoints" className="text-2xl font-semibold">
          Endpoints
        </h2>
        {operations.map((listed) => (
          <OperationSection key={listed.anchor} document={document} listed={listed} />
        ))}
      </section>
      <SocketIoSection document={document} />
      <SchemasSection schemas={document.components.schemas} />
    </article>
  );
}
