"use client";

export default function StatusError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="space-y-2">
      <p>The status check itself failed. The server log has the details.</p>
      <button type="button" onClick={reset} className="rounded border px-3 py-1">
        Try again
      </button>
    </div>
  );
}
