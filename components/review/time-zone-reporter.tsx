"use client";
import { useEffect } from "react";
import { reportTimeZoneAction } from "@/app/review/actions";

/**
 * Tells the server the browser's time zone once, for a learner who has none yet (decisions/0040).
 * No refresh afterwards: it would swap the card the learner may already be answering; the next
 * page the learner opens counts in their own day.
 */
export function TimeZoneReporter() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) void reportTimeZoneAction(zone);
  }, []);
  return null;
}
