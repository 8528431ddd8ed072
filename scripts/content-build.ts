// npm run content:build -- [--content DIR] [--out FILE] [--strict]
// Builds lessons, figures, sectors and questions from the documents of a folder into one JSON file.
// A document that cannot be built is reported by file name and left out; --strict then fails.
import { parseArgs } from "node:util";
import { DEFAULT_BUNDLE, DEFAULT_CONTENT_DIR, buildContentDir, writeContentBundle } from "./lib/content-files";

const { values } = parseArgs({ options: { content: { type: "string", default: DEFAULT_CONTENT_DIR }, out: { type: "string", default: DEFAULT_BUNDLE }, strict: { type: "boolean", default: false } } });
const started = performance.now();
const { bundle } = buildContentDir(values.content!);
writeContentBundle(values.out!, bundle);
for (const e of bundle.errors) console.error(`✗ ${values.content}/${e.file}: ${e.message}`);
console.log(
  `content: ${bundle.documents.length} documents, ${bundle.figures.length} figures, ${bundle.questions.length} questions, ${bundle.reviewOnlyQuestions?.length ?? 0} more for reviews only (${bundle.rejected.length} drafts rejected) → ${values.out} in ${Math.round(performance.now() - started)} ms`,
);
if (values.strict && bundle.errors.length) process.exit(1);
