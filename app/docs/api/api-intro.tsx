import { OPENAPI_JSON_PATH } from "@/lib/openapi/openapi-document";
import type { OpenApiDocument } from "@/lib/openapi/openapi-types";
import { RichText } from "./rich-text";

/** Title, overview, the link to the raw document, and how devices authenticate. */
export function ApiIntro({ document }: { document: OpenApiDocument }) {
  const { info, components } = document;
  return (
    <>
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{info.title}</h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">{info.summary}</p>
        <p className="text-sm">
          OpenAPI {document.openapi}, version {info.version}.{" "}
          {/* A plain <a>: the document is JSON, not a page to navigate to client-side. */}
          <a href={OPENAPI_JSON_PATH} className="font-medium text-rose-700 underline dark:text-rose-400">
            Raw OpenAPI document (JSON)
          </a>
        </p>
      </header>
      <RichText text={info.description} className="max-w-prose text-slate-700 dark:text-slate-300" />
      <section aria-labelledby="authentication" className="space-y-2">
        <h2 id="authentication" className="scroll-mt-4 text-2xl font-semibold">
          Authentication
        </h2>
        {Object.entries(components.securitySchemes).map(([name, scheme]) => (
          <div key={name} className="space-y-1">
            <p className="text-sm">
              <span className="font-mono font-semibold">{name}</span>: HTTP {scheme.scheme}, {scheme.bearerFormat}.
            </p>
            <RichText text={scheme.description} className="max-w-prose text-slate-700 dark:text-slate-300" />
          </div>
        ))}
      </section>
    </>
  );
}
