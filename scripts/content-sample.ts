// npm run content:sample -- [--n 30] [--seed S] [--language en|zh] [--content DIR] [--review-only] [--type T[,T…]]
// Prints questions drawn at random (seeded) from the generated bank with their source sentence, for
// a person to rate against docs/question-rules.md. Without --language, draws n per language.
// --review-only draws the review-only questions (decisions/0039), each with its fact's other questions.
// --type draws only questions of the given types (figure-mc, true-false, …), comma-separated.
import { parseArgs } from "node:util";
import { formatReviewSampled, formatSampled, sampleQuestions } from "@/lib/quizgen/sample";
import { languageSchema, questionTypeSchema } from "@/lib/quizgen/schema";
import { DEFAULT_CONTENT_DIR, buildContentDir } from "./lib/content-files";

const { values } = parseArgs({
  options: { n: { type: "string", default: "30" }, seed: { type: "string", default: "1" }, language: { type: "string" }, content: { type: "string", default: DEFAULT_CONTENT_DIR }, "review-only": { type: "boolean", default: false }, type: { type: "string" } },
});
const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) throw new Error(`--n must be a positive whole number, not ${values.n}`);
const types = values.type?.split(",").map((t) => questionTypeSchema.parse(t.trim()));
const languages = values.language ? [languageSchema.parse(values.language)] : languageSchema.options;
const { bundle } = buildContentDir(values.content!);
for (const language of languages) {
  const reviewOnly = values["review-only"]!;
  const drawn = sampleQuestions(bundle, { n, seed: values.seed!, language, reviewOnly, types });
  console.log(`== ${drawn.length} ${language} ${reviewOnly ? "review-only " : ""}questions, seed ${values.seed} ==\n`);
  console.log(drawn.map((q, i) => (reviewOnly ? formatReviewSampled(bundle, q, i) : formatSampled(q, i))).join("\n\n"), "\n");
}
