import { seededRandom, seededShuffle } from "./seeded-random";

export interface SelectableQuestion {
  id: string;
  type: string;
  source: { sentenceId: string };
  figureIds: string[];
}

/**
 * What the student did with a question the last time a quiz showed it: answered it right or wrong,
 * or left it blank in a finished quiz; `seen` counts the quizzes that showed it. Absent: never shown.
 */
export type QuestionHistory = Map<string, { seen: number; last: "right" | "wrong" | "blank" }>;

export interface SelectOptions {
  count: number;
  seed: number;
  /** Only figure questions (multiple choice and typed numbers): the short "figures only" quiz. */
  figuresOnly?: boolean;
}

const FIGURE_TYPES = new Set(["figure-mc", "figure-typed"]);

/** Two questions reveal each other's answers when they quote the same sentence or ask about the same figure. */
function revealsEachOther(a: SelectableQuestion, b: SelectableQuestion): boolean {
  return a.source.sentenceId === b.source.sentenceId || a.figureIds.some((f) => b.figureIds.includes(f));
}

/**
 * Picks a quiz in tiers: questions never shown to the student first (a retake asks other questions
 * where the bank allows, so blank attempts do not cycle through the same ones), then ones last
 * answered wrong, then ones left blank, then ones answered right (least seen first); within a tier the order is seeded-random and types are mixed by taking
 * one question of each type in turn (the types used least so far first). No two chosen questions may
 * reveal each other's answer.
 */
export function selectQuestions<Q extends SelectableQuestion>(pool: Q[], history: QuestionHistory, options: SelectOptions): Q[] {
  const random = seededRandom(options.seed, "select");
  const eligible = options.figuresOnly ? pool.filter((q) => FIGURE_TYPES.has(q.type)) : pool;
  const tier = (q: Q) => {
    const h = history.get(q.id);
    if (!h) return 0;
    return h.last === "wrong" ? 1 : h.last === "blank" ? 2 : 3 + h.seen;
  };
  const shuffled = seededShuffle(eligible, random);
  const tiers = new Map<number, Q[]>();
  for (const q of shuffled) tiers.set(tier(q), [...(tiers.get(tier(q)) ?? []), q]);

  const chosen: Q[] = [];
  const typeCount = new Map<string, number>();
  for (const key of [...tiers.keys()].sort((a, b) => a - b)) {
    // Round-robin over types inside the tier, the types used least so far first.
    const byType = new Map<string, Q[]>();
    for (const q of tiers.get(key)!) byType.set(q.type, [...(byType.get(q.type) ?? []), q]);
    const types = [...byType.keys()].sort((a, b) => (typeCount.get(a) ?? 0) - (typeCount.get(b) ?? 0));
    while (chosen.length < options.count && types.some((t) => byType.get(t)!.length > 0)) {
      for (const type of types) {
        if (chosen.length >= options.count) break;
        const queue = byType.get(type)!;
        while (queue.length) {
          const candidate = queue.shift()!;
          if (!chosen.some((c) => revealsEachOther(c, candidate))) {
            chosen.push(candidate);
            typeCount.set(type, (typeCount.get(type) ?? 0) + 1);
            break;
          }
        }
      }
    }
  }
  return chosen;
}
