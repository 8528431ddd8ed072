"use client";

import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/schemas/roles";

/** What /api/reader says about whoever is reading (docs/decisions/0042). */
export interface ReaderUser {
  name: string;
  role: Role;
}
export interface Reader {
  user: ReaderUser | null;
  /** On a lesson page the reader may quiz on: what its quiz buttons can promise. */
  offer: { questions: number; figures: number } | null;
}

let current: { path: string; reply: Promise<Reader> } | null = null;

/**
 * The reader of a page served from the shared lesson cache, asked once per page shown (every
 * component of the page shares the one request; a new path asks again, so signing in or out shows).
 * Undefined until the answer is in.
 */
export function useReader(): Reader | undefined {
  const path = usePathname();
  const [reader, setReader] = useState<{ path: string; value: Reader }>();
  useEffect(() => {
    let live = true;
    if (!current || current.path !== path) {
      const lesson = /^\/lessons\/([^/]+)$/.exec(path)?.[1];
      const reply = fetch(`/api/reader${lesson ? `?lesson=${lesson}` : ""}`, { cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<Reader>) : { user: null, offer: null }))
        .catch(() => ({ user: null, offer: null }));
      current = { path, reply };
    }
    void current.reply.then((value) => {
      if (live) setReader({ path, value });
    });
    return () => {
      live = false;
    };
  }, [path]);
  return reader?.path === path ? reader.value : undefined;
}
