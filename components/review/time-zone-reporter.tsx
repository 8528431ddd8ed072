"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { reportTimeZoneAction } from "@/app/review/actions";

/**
 * Tells the server the browser's time zone once, for a learner who has none yet (decisions/0040),
 * then shows the page again counted in the learner's own day.
 */
export function TimeZoneReporter() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    void reportTimeZoneAction(zone).then((reply) => {
      if (reply.ok) router.refresh();
    });
  }, [router]);
  return null;
}
