// npm run content:report -- [--content DIR]: the quality report of the generated question bank.
import { parseArgs } from "node:util";
import { formatReport, qualityReport } from "@/lib/quizgen/report";
import { DEFAULT_CONTENT_DIR, buildContentDir } from "./lib/content-files";

const { values } = parseArgs({ options: { content: { type: "string", default: DEFAULT_CONTENT_DIR } } });
const { bundle, stats } = buildContentDir(values.content!);
for (const e of bundle.errors) console.error(`✗ ${values.content}/${e.file}: ${e.message}`);
console.log(formatReport(qualityReport(bundle, stats)));
