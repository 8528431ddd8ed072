/**
 * How many questions a quiz can really give. Questions that reveal each other's answers (the same
 * source sentence, or a shared figure) form a revealing group: joined transitively, so that a quiz
 * takes at most one question per group whatever the order it meets them in. A quiz therefore gives
 * exactly min(its length, the number of groups among the questions it may use), for every seed and
 * every student history, and a button can state that number and keep it.
 */
export interface GroupableQuestion {
  id: string;
  type: string;
  source: { sentenceId: string };
  figureIds: string[];
}

export const DEFAULT_QUIZ_LENGTH = 10;
export const FIGURES_ONLY_LENGTH = 5;
/** The question types a "Figures only" quiz uses (multiple choice and typed numbers). */
export const FIGURE_TYPES: ReadonlySet<string> = new Set(["figure-mc", "figure-typed"]);

export interface QuizKind {
  figuresOnly: boolean;
}

export function eligibleQuestions<Q extends GroupableQuestion>(pool: Q[], kind: QuizKind): Q[] {
  return kind.figuresOnly ? pool.filter((q) => FIGURE_TYPES.has(q.type)) : pool;
}

export function quizLength(kind: QuizKind): number {
  return kind.figuresOnly ? FIGURES_ONLY_LENGTH : DEFAULT_QUIZ_LENGTH;
}

/** Each question's revealing group (a representative key), by question id; union–find over sentences and figures. */
export function revealingGroups(questions: GroupableQuestion[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later look-ups short.
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const keysOf = (q: GroupableQuestion) => [`s:${q.source.sentenceId}`, ...q.figureIds.map((f) => `f:${f}`)];
  for (const q of questions) {
    const keys = keysOf(q);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) parent.set(find(k), find(keys[0]));
  }
  return new Map(questions.map((q) => [q.id, find(keysOf(q)[0])]));
}

/** The number of questions a quiz of this kind on this pool gives (the count its button states). */
export function quizCapacity(pool: GroupableQuestion[], kind: QuizKind): number {
  const eligible = eligibleQuestions(pool, kind);
  return Math.min(quizLength(kind), new Set(revealingGroups(eligible).values()).size);
}
