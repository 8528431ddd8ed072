import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/i18n/config";

// Messages live in one JSON file per area and locale: messages/<locale>/<area>.json. Each file is
// the namespace of its name ("quiz.json" → t("quiz.…") / useTranslations("quiz")). A new area is a
// new pair of files; a new language is a new folder plus an entry in i18n/config.ts.
export const MESSAGES_DIR = path.join(process.cwd(), "messages");

export type MessageTree = { [key: string]: string | MessageTree };

// The comments keep Next's build from tracing the whole project for these reads (it warned on every build).
export function readMessages(locale: string, dir: string = MESSAGES_DIR): Record<string, MessageTree> {
  const folder = path.join(/*turbopackIgnore: true*/ dir, locale);
  const merged: Record<string, MessageTree> = {};
  for (const file of readdirSync(/*turbopackIgnore: true*/ folder).filter((f) => f.endsWith(".json")).sort()) {
    merged[file.slice(0, -".json".length)] = JSON.parse(readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ folder, file), "utf8")) as MessageTree;
  }
  return merged;
}

const cache = new Map<Locale, Record<string, MessageTree>>();

/** The merged messages of a locale; read once per process in production, on every request in development. */
export function loadMessages(locale: Locale): Record<string, MessageTree> {
  if (process.env.NODE_ENV !== "production") return readMessages(locale);
  let messages = cache.get(locale);
  if (!messages) {
    messages = readMessages(locale);
    cache.set(locale, messages);
  }
  return messages;
}
