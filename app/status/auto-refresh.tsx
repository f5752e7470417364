"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-runs the server component every few seconds so the page stays current. */
export function AutoRefresh({ seconds, checkedAt }: { seconds: number; checkedAt: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1_000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
      Checked at <time dateTime={checkedAt}>{checkedAt.slice(11, 19)} UTC</time>; refreshes every {seconds} s.
    </p>
  );
}
