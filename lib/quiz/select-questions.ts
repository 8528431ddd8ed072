import { eligibleQuestions, revealingGroups, type GroupableQuestion } from "./quiz-capacity";
import { seededRandom, seededShuffle } from "./seeded-random";

export type SelectableQuestion = GroupableQuestion;

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

/**
 * Picks a quiz in tiers: questions never shown to the student first (a retake asks other questions
 * where the bank allows, so blank attempts do not cycle through the same ones), then ones last
 * answered wrong, then ones left blank, then ones answered right (least seen first); within a tier
 * the order is seeded-random and types are mixed by taking one question of each type in turn (the
 * types used least so far first). At most one question per revealing group (quiz-capacity.ts), so
 * no two chosen questions reveal each other's answer and the quiz has exactly quizCapacity()
 * questions when options.count is the quiz's length.
 */
export function selectQuestions<Q extends SelectableQuestion>(pool: Q[], history: QuestionHistory, options: SelectOptions): Q[] {
  const random = seededRandom(options.seed, "select");
  const eligible = eligibleQuestions(pool, { figuresOnly: options.figuresOnly ?? false });
  const groupOf = revealingGroups(eligible);
  const usedGroups = new Set<string>();
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
          if (!usedGroups.has(groupOf.get(candidate.id)!)) {
            chosen.push(candidate);
            usedGroups.add(groupOf.get(candidate.id)!);
            typeCount.set(type, (typeCount.get(type) ?? 0) + 1);
            break;
          }
        }
      }
    }
  }
  return chosen;
}
