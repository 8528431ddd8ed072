import type { QuizQuestion } from "@/lib/quiz/question";
import type { SyncInput } from "@/lib/server/data/content-sync";

/** One question of every type, on a topic that is not in the seed documents (rice farming). */
export function fixtureQuestions(slug = "rice"): QuizQuestion[] {
  const base = { documentSlug: slug, language: "en", explanation: "The lesson says so.", figureIds: [] as string[], sectorIds: ["agriculture"] };
  const src = (n: number) => ({ sentenceId: `${slug}-t${n}`, quote: `Sentence ${n} of ${slug}.` });
  return [
    { ...base, id: `${slug}-mc`, type: "figure-mc", stem: "What share of farmland grew rice in 2020?", options: [{ id: "a", text: "18%" }, { id: "b", text: "23%" }, { id: "c", text: "28%" }, { id: "d", text: "33%" }], correctOptionId: "c", answerText: "28%", source: src(0), figureIds: ["f1"], factId: `figure:${slug}-f1` },
    { ...base, id: `${slug}-typed`, type: "figure-typed", stem: "How many tonnes of rice were exported in 2020?", options: null, answerText: "2.5 million tonnes", answerValue: 2_500_000, tolerance: 50_000, answerKind: "count", answerUnit: "tonnes", source: src(1), figureIds: ["f2"], factId: `figure:${slug}-f2` },
    { ...base, id: `${slug}-sector`, type: "sector-id", stem: "Which sector does the 28% share describe?", options: [{ id: "s1", text: "Agriculture" }, { id: "s2", text: "Textiles" }, { id: "s3", text: "Shipbuilding" }, { id: "s4", text: "Mining" }], correctOptionId: "s1", answerText: "Agriculture", source: src(2), factId: `sector:${slug}-t2:agriculture` },
    { ...base, id: `${slug}-tf`, type: "true-false", stem: "True or false: exports were 2.5 million tonnes in 2020.", options: null, answerBool: true, answerText: "True", source: src(3), figureIds: ["f3"], factId: `figure:${slug}-f1` },
    { ...base, id: `${slug}-match`, type: "matching", stem: "Match each crop with its share.", options: [{ id: "m1", text: "28%" }, { id: "m2", text: "12%" }, { id: "m3", text: "7%" }], pairs: [{ left: "Rice", right: "28%" }, { left: "Wheat", right: "12%" }, { left: "Maize", right: "7%" }], answerText: "Rice → 28%; Wheat → 12%; Maize → 7%", source: src(4), figureIds: ["f4", "f5"] },
    { ...base, id: `${slug}-order`, type: "ordering", stem: "Order the crops from largest share to smallest.", options: [{ id: "o1", text: "Rice" }, { id: "o2", text: "Wheat" }, { id: "o3", text: "Maize" }], correctOrder: ["o1", "o2", "o3"], answerText: "Rice → Wheat → Maize", source: src(5), figureIds: ["f6", "f7"] },
  ] as QuizQuestion[];
}

export function fixtureContent(slug = "rice"): SyncInput {
  const questions = fixtureQuestions(slug);
  return {
    lessons: [{ slug, title: `Farming ${slug}`, language: "en", source: null, body: { sections: [{ id: `${slug}-s`, heading: null, paragraphs: [{ id: `${slug}-p`, sentences: questions.map((q, i) => ({ id: `${slug}-t${i}`, text: `Sentence ${i} of ${slug}.` })) }] }], figures: [] } }],
    sectors: [{ id: "agriculture", nameEn: "Agriculture", nameZh: "农业", parentId: null }],
    questions: questions.map((q) => ({ id: q.id, lessonSlug: slug, language: q.language, type: q.type, sourceSentenceId: q.source.sentenceId, factId: q.factId ?? null, sectorIds: q.sectorIds, payload: q })),
  };
}
