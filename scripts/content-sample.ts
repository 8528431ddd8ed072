// npm run content:sample -- [--n 30] [--seed S] [--language en|zh] [--content DIR]
// Prints questions drawn at random (seeded) from the generated bank with their source sentence, for
// a person to rate against docs/question-rules.md. Without --language, draws n per language.
import { parseArgs } from "node:util";
import { formatSampled, sampleQuestions } from "@/lib/quizgen/sample";
import { languageSchema } from "@/lib/quizgen/schema";
import { DEFAULT_CONTENT_DIR, buildContentDir } from "./lib/content-files";

const { values } = parseArgs({
  options: { n: { type: "string", default: "30" }, seed: { type: "string", default: "1" }, language: { type: "string" }, content: { type: "string", default: DEFAULT_CONTENT_DIR } },
});
const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) throw new Error(`--n must be a positive whole number, not ${values.n}`);
const languages = values.language ? [languageSchema.parse(values.language)] : languageSchema.options;
const { bundle } = buildContentDir(values.content!);
for (const language of languages) {
  const drawn = sampleQuestions(bundle, { n, seed: values.seed!, language });
  console.log(`== ${drawn.length} ${language} questions, seed ${values.seed} ==\n`);
  console.log(drawn.map(formatSampled).join("\n\n"), "\n");
}
