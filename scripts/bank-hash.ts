// npm run bank:hash: SHA-256 of the built bank (quiz questions and review-only questions) for
// content/, the test fixtures and seeds, and generated English and Chinese documents of 10 KB and
// 100 KB (`--long` adds 1 MB). A speed change must leave every line unchanged. Also prints each
// build's CPU time (user + system), the figure to compare on a shared machine.
export {};
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const { buildBundle } = await import("@/lib/quizgen/build");
const { readContentDir } = await import("./lib/content-files");
const { syntheticDocument } = await import("./lib/synthetic-document");

type Files = { name: string; text: string }[];
const documents = (dir: string): Files =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|txt)$/i.test(e.name))
    .map((e) => ({ name: e.name, text: readFileSync(path.join(dir, e.name), "utf8") }));

const content = readContentDir("content");
const lexicon = content.lexicon;
const sets: [string, () => Files][] = [
  ["content", () => content.files],
  ["fixtures/seeds", () => documents("lib/quizgen/fixtures/seeds")],
  ["fixtures", () => documents("lib/quizgen/fixtures")],
];
const sizes = process.argv.includes("--long") ? [10, 100, 1024] : [10, 100];
for (const language of ["en", "zh"] as const) {
  for (const kb of sizes) sets.push([`${language} ${kb} KB`, () => [syntheticDocument(language, kb * 1024)]]);
}
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
for (const [label, files] of sets) {
  if (only && !label.includes(only)) continue;
  const input = files();
  const [start, cpu] = [performance.now(), process.cpuUsage()];
  const { bundle } = buildBundle(input, lexicon);
  const used = process.cpuUsage(cpu);
  const hash = (x: unknown) => createHash("sha256").update(JSON.stringify(x)).digest("hex").slice(0, 16);
  const review = bundle.reviewOnlyQuestions ?? [];
  console.log(
    `${label.padEnd(16)} questions ${hash(bundle.questions)} (${bundle.questions.length})  review-only ${hash(review)} (${review.length})  bundle ${hash(bundle)}  CPU ${((used.user + used.system) / 1000).toFixed(0)} ms, wall ${(performance.now() - start).toFixed(0)} ms`,
  );
}
