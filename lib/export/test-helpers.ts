import type { QuizQuestion } from "@/lib/quiz/question";
import { fixtureQuestions } from "@/tests/support/quiz-fixtures";
import { build, fixtureFiles, seedFiles } from "@/lib/quizgen/test-helpers";
import type { ExportBank } from "./bank";

// Questions for the exporters' tests: the six types in English (the quiz fixtures), the six in
// Chinese with every GIFT special character (~ = # { } :), XML's (< & " ') and a backslash in the
// texts that are exported, and the bank the generator builds from the test documents.

export const NASTY = "~ = # { } : < & \" ' \\";

export function chineseQuestions(): QuizQuestion[] {
  const base = { documentSlug: "稻米", language: "zh", figureIds: [] as string[], sectorIds: ["agriculture"] };
  const src = (n: number) => ({ sentenceId: `rice-zh-t${n}`, quote: `第${n}句：稻田占耕地的28%｛注：${NASTY}｝。` });
  const explanation = `课文原句：${NASTY} 说明。`;
  return [
    { ...base, id: "rice-zh:figure-mc:1", type: "figure-mc", stem: `填空：“稻田占耕地的____。” ${NASTY}`, options: [{ id: "a", text: "18%" }, { id: "b", text: "23% {#1}" }, { id: "c", text: "28%：正确" }, { id: "d", text: "33%~" }], correctOptionId: "c", answerText: "28%：正确", explanation, source: src(0) },
    { ...base, id: "rice-zh:figure-typed:2", type: "figure-typed", stem: `填空：“2020年出口稻米____。”（单位：亿美元）${NASTY}`, options: null, answerText: "107.8亿美元", answerValue: 10_780_000_000, tolerance: 5_000_000, answerKind: "money", answerUnit: "亿美元", explanation, source: src(1) },
    { ...base, id: "rice-zh:sector-id:3", type: "sector-id", stem: `空白处应填哪个行业？“____用地：28%。”`, options: [{ id: "s1", text: "农业" }, { id: "s2", text: "纺织=服装" }, { id: "s3", text: "造船#" }, { id: "s4", text: "采矿{}" }], correctOptionId: "s1", answerText: "农业", explanation, source: src(2) },
    { ...base, id: "rice-zh:true-false:4", type: "true-false", stem: `判断正误：“出口为2.5百万吨。” ${NASTY}`, options: null, answerBool: false, answerText: "错误", explanation, source: src(3) },
    { ...base, id: "rice-zh:matching:5", type: "matching", stem: "把每条陈述与它所说的作物配对：", options: [{ id: "m1", text: "稻米 -> 主粮" }, { id: "m2", text: "小麦=面" }, { id: "m3", text: "玉米#饲料" }], pairs: [{ left: "占28%：{最多}", right: "m1" }, { left: "占12%~", right: "m2" }, { left: "占7%", right: "m3" }], answerText: "…", explanation, source: src(4) },
    { ...base, id: "rice-zh:ordering:6", type: "ordering", stem: `按份额从大到小排列：${NASTY}`, options: [{ id: "r1", text: "玉米：7%" }, { id: "r2", text: "稻米=28%" }, { id: "r3", text: "小麦{12%}" }], correctOrder: ["r2", "r3", "r1"], answerText: "稻米 > 小麦 > 玉米", explanation, source: src(5) },
  ] as QuizQuestion[];
}

/** Both hand-written sets: every type, in both languages. */
export function handWrittenBank(): ExportBank {
  return { title: `Rice 稻米 ${NASTY}`, scopeKey: "selection", questions: [...fixtureQuestions("rice"), ...chineseQuestions()] };
}

let generated: ExportBank[] | null = null;

/** One bank per test document that has questions, as the generator builds them (no ordering among them today). */
export function generatedBanks(): ExportBank[] {
  if (!generated) {
    const { bundle } = build([...seedFiles(), ...fixtureFiles()]);
    generated = bundle.documents.map((d) => ({ title: d.title, scopeKey: `lesson:${d.slug}`, questions: bundle.questions.filter((q) => q.documentSlug === d.slug) as QuizQuestion[] })).filter((b) => b.questions.length > 0);
  }
  return generated;
}
