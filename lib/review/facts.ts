import { isReviewFormat } from "./formats";

/** What card creation needs of a question. */
export interface FactQuestion {
  id: string;
  lessonSlug: string;
  type: string;
  factId: string | null;
  sectorIds: string[];
  sourceSentenceId: string;
}

export interface Fact {
  factId: string;
  lessonSlug: string;
  /** The sectors of all the fact's questions (for the sector filter). */
  sectorIds: string[];
  /** The first sentence that states it, for ordering facts as the lesson reads. */
  sentenceId: string;
}

/** The facts the questions test, each once, in the order first met; only facts a review can ask. */
export function factsOf(questions: readonly FactQuestion[]): Fact[] {
  const facts = new Map<string, Fact>();
  for (const q of questions) {
    if (!q.factId || !isReviewFormat(q.type)) continue;
    const fact = facts.get(q.factId) ?? { factId: q.factId, lessonSlug: q.lessonSlug, sectorIds: [], sentenceId: q.sourceSentenceId };
    for (const s of q.sectorIds) if (!fact.sectorIds.includes(s)) fact.sectorIds.push(s);
    facts.set(q.factId, fact);
  }
  return [...facts.values()];
}

/** The fact ids of the questions answered wrong: a missed quiz question becomes a card to review. */
export function factIdsMissed(responses: readonly { questionId: string; correct: boolean }[], questions: readonly FactQuestion[]): string[] {
  const missed = new Set(responses.filter((r) => !r.correct).map((r) => r.questionId));
  return factsOf(questions.filter((q) => missed.has(q.id))).map((f) => f.factId);
}

/** Facts in reading order: by where their sentence sits in the lesson (unknown sentences last). */
export function inReadingOrder(facts: readonly Fact[], sentenceOrder: readonly string[]): (Fact & { position: number })[] {
  const index = new Map(sentenceOrder.map((id, i) => [id, i]));
  return facts
    .map((f) => ({ ...f, position: index.get(f.sentenceId) ?? sentenceOrder.length }))
    .sort((a, b) => a.position - b.position || a.factId.localeCompare(b.factId));
}
