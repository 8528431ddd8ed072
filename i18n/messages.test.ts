import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { LOCALES } from "@/i18n/config";
import { MESSAGES_DIR, readMessages, type MessageTree } from "@/i18n/messages";

// Fails the build (npm test runs the unit tests) when a message exists in one language and not in
// another, when a language has a file the others lack, when a message is not valid ICU, or when the
// translations of one message take different arguments.

function flatten(tree: MessageTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** The argument names a message uses ({count}, {count, plural, …}, <link>…</link>). */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Array<{ type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }>) {
      if (node.type !== 0 && node.type !== 7 && typeof node.value === "string") names.add(node.value);
      if (node.options) for (const option of Object.values(node.options)) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: false }).getAst() as unknown[]);
  return [...names].sort();
}

const folders = readdirSync(MESSAGES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe("message files", () => {
  it("has a folder for each interface locale and no other", () => {
    expect(folders).toEqual([...LOCALES].sort());
  });

  it("has the same files in every locale", () => {
    const files = (locale: string) => readdirSync(path.join(MESSAGES_DIR, locale)).sort();
    for (const locale of folders) expect(files(locale), `messages/${locale}/`).toEqual(files("en"));
  });

  it("has the same keys in every locale", () => {
    const english = flatten(readMessages("en"));
    expect(english.size).toBeGreaterThan(0);
    for (const locale of folders) {
      const keys = flatten(readMessages(locale));
      const missing = [...english.keys()].filter((k) => !keys.has(k));
      const extra = [...keys.keys()].filter((k) => !english.has(k));
      expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
    }
  });

  it("has valid ICU messages that take the same arguments in every locale", () => {
    const english = flatten(readMessages("en"));
    for (const locale of folders) {
      for (const [key, message] of flatten(readMessages(locale))) {
        const englishMessage = english.get(key);
        if (englishMessage === undefined) continue;
        expect(argumentsOf(message, locale), `${locale}: ${key}`).toEqual(argumentsOf(englishMessage, "en"));
        expect(message.trim(), `${locale}: ${key} is empty`).not.toBe("");
      }
    }
  });

  it("types every area file (i18n/app-config.d.ts names each one)", () => {
    const declared = readFileSync(path.join(import.meta.dirname, "app-config.d.ts"), "utf8");
    for (const file of readdirSync(path.join(MESSAGES_DIR, "en"))) {
      const area = file.replace(/\.json$/, "");
      expect(declared, `messages/en/${file}`).toContain(`@/messages/en/${file}"`);
      // An area whose name is not an identifier (review-fsrs) is a quoted key.
      expect(declared).toMatch(new RegExp(`(\\b${area}|"${area}"): typeof `));
    }
  });
});

describe("the key check itself", () => {
  it("notices a key missing in one locale", () => {
    const en = flatten({ quiz: { check: "Check answer", next: "Next" } });
    const zh = flatten({ quiz: { check: "检查答案" } });
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual(["quiz.next"]);
  });

  it("reads the arguments of plurals and tags", () => {
    expect(argumentsOf("{count, plural, one {# answer} other {# answers}} in <b>{lesson}</b>", "en")).toEqual(["b", "count", "lesson"]);
  });
});
