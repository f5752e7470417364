import { schemaVariants } from "@/lib/openapi/document-queries";
import type { OpenApiDocument } from "@/lib/openapi/openapi-types";
import { CodeBlock, JsonBlock } from "./json-block";
import { RichText } from "./rich-text";
import { SchemaLink } from "./schema-link";

/** The socket.io interface from the document's x-socketio extension. */
export function SocketIoSection({ document }: { document: OpenApiDocument }) {
  const socket = document["x-socketio"];
  return (
    <section aria-labelledby="socketio" className="space-y-4">
      <h2 id="socketio" className="scroll-mt-4 text-2xl font-semibold">
        Streaming over socket.io
      </h2>
      <RichText text={socket.description} className="max-w-prose text-slate-700 dark:text-slate-300" />
      <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Namespace</dt>
        <dd className="font-mono">{socket.namespace}</dd>
        <dt className="font-semibold">Handshake</dt>
        <dd>
          {socket.handshake.description} <code className="font-mono">{"{ auth: { token } }"}</code>
        </dd>
        <dt className="font-semibold">Refused handshake</dt>
        <dd>
          {socket.connectError.description} Codes:{" "}
          <code className="font-mono">{socket.connectError["x-error-codes"].join(", ")}</code>
        </dd>
        <dt className="font-semibold">Failed acknowledgement codes</dt>
        <dd className="font-mono break-words">{socket.ackErrorCodes.join(", ")}</dd>
      </dl>
      {Object.entries(socket.events).map(([name, event]) => (
        <section
          key={name}
          aria-labelledby={`event-${name}`}
          className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800"
        >
          <h3 id={`event-${name}`} className="text-xl font-semibold">
            Event <code className="font-mono">{name}</code>
          </h3>
          <p className="text-slate-700 dark:text-slate-300">{event.description}</p>
          <p className="text-sm">
            Payload: one of{" "}
            {schemaVariants(document, event.payload).map(({ name: variant }, i) => (
              <span key={variant ?? i}>
                {i > 0 && " or "}
                {variant && <SchemaLink name={variant} />}
              </span>
            ))}
            . Acknowledgement: <SchemaLink name="IngestAck" />.
          </p>
          {Object.entries(event.examples).map(([key, example]) => (
            <JsonBlock key={key} label={`Payload example: ${example.summary}`} value={example.value} />
          ))}
          {Object.entries(event.ackExamples).map(([key, example]) => (
            <JsonBlock key={key} label={`Acknowledgement example: ${example.summary}`} value={example.value} />
          ))}
        </section>
      ))}
      <h3 className="text-xl font-semibold">Client example</h3>
      <CodeBlock label="socket.io client example" code={socket.clientExample} />
    </section>
  );
}
