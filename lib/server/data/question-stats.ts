import "server-only";
import { visibleLessonWhere } from "@/lib/server/data/visibility";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import { requireClassInstructor } from "@/lib/server/data/classes";
import { canTeach } from "@/lib/schemas/roles";
import type { ItemStats } from "@/lib/quiz/item-stats";
import { itemStatisticsFromLatest } from "@/lib/quiz/item-stats-fast";
import { queryStudentAnswers } from "@/lib/server/data/student-answers-query";
import { getLesson, type LessonDetail } from "@/lib/server/data/lessons";
import { editorFor } from "@/lib/server/data/question-editor";
import { withEdits } from "@/lib/server/data/question-rows";

/** The question types whose answers name an option (their option shares are reported). */
const OPTION_TYPES: readonly string[] = ["figure-mc", "sector-id"];

/** Statistics of one class are for its instructors (and admins); of all students, for any instructor. */
async function requireStatisticsViewer(viewer: SessionUser, classId?: string): Promise<void> {
  if (classId) await requireClassInstructor(viewer, classId);
  else if (!canTeach(viewer.role)) throw new AppError("FORBIDDEN", "Only instructors see question statistics.");
}

/** The students of a class, for its instructors (and admins) only. */
async function classStudents(viewer: SessionUser, classId: string): Promise<string[]> {
  await requireClassInstructor(viewer, classId);
  return (await db().enrollment.findMany({ where: { classId }, select: { userId: true } })).map((e) => e.userId);
}

export interface QuestionStatRow extends ItemStats {
  lessonSlug: string;
  type: string;
  stem: string;
  language: string;
  options: { id: string; text: string }[];
  studentFlags: number;
  retired: boolean;
}

/**
 * Statistics of all students are kept as a snapshot for this long, as Moodle keeps its quiz
 * statistics: computing them reads every answer ever given (decisions/0009). A class's are always live.
 */
export const SNAPSHOT_MAX_AGE_MS = 10 * 60 * 1000;

export interface QuestionStatistics {
  rows: QuestionStatRow[];
  /** When the numbers were computed (now, unless they come from a snapshot). */
  computedAt: Date;
}

/**
 * The item statistics of a scope. One query returns each student's latest answers (kept in
 * "LatestAnswer" by a trigger, decisions/0012) as one compact string (student-answers-query.ts);
 * `itemStatisticsFromLatest` computes in linear time what
 * `itemStatistics` computes from the answers one by one (tests/integration/question-stats.test.ts
 * holds the two to the same numbers).
 */
async function computeItemStats(scope: { classId?: string; lessonSlug?: string }): Promise<ItemStats[]> {
  const students = await queryStudentAnswers(scope);
  // Option ids never change with an instructor's edit (decisions/0007), so the payload's are the ones.
  const optionQuestions = await db().question.findMany({ where: { type: { in: [...OPTION_TYPES] }, ...(scope.lessonSlug ? { lessonSlug: scope.lessonSlug } : {}) }, select: { id: true, payload: true } });
  const optionIds = new Map(optionQuestions.map((q) => [q.id, ((JSON.parse(q.payload) as { options: { id: string }[] | null }).options ?? []).map((o) => o.id)]));
  return itemStatisticsFromLatest(students, optionIds);
}

/** All students' numbers from a snapshot younger than SNAPSHOT_MAX_AGE_MS, or computed and stored. */
async function allStudentsItemStats(lessonSlug: string | undefined, recalculate: boolean, now: Date): Promise<{ stats: ItemStats[]; computedAt: Date }> {
  const scope = lessonSlug ? `all:lesson:${lessonSlug}` : "all";
  if (!recalculate) {
    const snapshot = await db().statisticsSnapshot.findUnique({ where: { scope } });
    if (snapshot && now.getTime() - snapshot.computedAt.getTime() < SNAPSHOT_MAX_AGE_MS) return { stats: JSON.parse(snapshot.stats) as ItemStats[], computedAt: snapshot.computedAt };
  }
  const stats = await computeItemStats({ lessonSlug });
  const data = { computedAt: now, stats: JSON.stringify(stats) };
  await db().statisticsSnapshot.upsert({ where: { scope }, create: { scope, ...data }, update: data });
  return { stats, computedAt: now };
}

/**
 * Moodle-style statistics for every answered question, for one class (live) or for all students
 * (from a snapshot at most SNAPSHOT_MAX_AGE_MS old, unless `recalculate`). Stems, edits, retirements
 * and student flags are always read fresh.
 */
export async function getQuestionStatistics(
  viewer: SessionUser,
  options: { classId?: string; lessonSlug?: string; recalculate?: boolean } = {},
  now = new Date(),
): Promise<QuestionStatistics> {
  await requireStatisticsViewer(viewer, options.classId);
  const { stats, computedAt } = options.classId
    ? { stats: await computeItemStats({ classId: options.classId, lessonSlug: options.lessonSlug }), computedAt: now }
    : await allStudentsItemStats(options.lessonSlug, !!options.recalculate, now);
  const questionIds = stats.map((s) => s.questionId);
  // Stems, options and retirements as the viewer's classes see them (their own edits; decisions/0019).
  const editorId = await editorFor(viewer);
  const [questions, flags] = await Promise.all([
    db().question.findMany({ where: { id: { in: questionIds }, lesson: visibleLessonWhere(viewer) }, select: { id: true, lessonSlug: true, type: true, payload: true, retiredAt: true, override: true, instructorEdits: { where: { instructorId: { in: editorId ? [editorId] : [] } } } } }),
    // A class's view counts only its own students' flags (issue 11, finding 9).
    db().questionFlag.groupBy({
      by: ["questionId"],
      where: { questionId: { in: questionIds }, ...(options.classId ? { user: { enrollments: { some: { classId: options.classId } } } } : {}) },
      _count: { _all: true },
    }),
  ]);
  const meta = new Map(
    questions.map((q) => {
      const own = q.instructorEdits[0];
      const p = withEdits(JSON.parse(q.payload) as { stem: string; explanation: string; answerText: string; language: string; options: { id: string; text: string }[] | null }, q.override, own);
      return [q.id, { lessonSlug: q.lessonSlug, type: q.type, stem: p.stem, language: p.language, options: p.options ?? [], retired: !!q.retiredAt || !!q.override?.retired || !!own?.retired }];
    }),
  );
  const flagCount = new Map(flags.map((f) => [f.questionId, f._count._all]));
  // Students' flags first (a person saw a problem), then the most automatic flags, then hardest;
  // the question id settles ties so the order is stable.
  const rows = stats
    .filter((s) => meta.has(s.questionId))
    .map((s) => ({ ...s, ...meta.get(s.questionId)!, studentFlags: flagCount.get(s.questionId) ?? 0 }))
    .sort((a, b) => b.studentFlags - a.studentFlags || b.flags.length - a.flags.length || a.facility - b.facility || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  return { rows, computedAt };
}

export interface SourceHeatmap {
  lesson: LessonDetail;
  /** Sentence id → answers to questions citing it, and the share of those answers that were wrong. */
  sentences: Record<string, { answers: number; missRate: number }>;
  figures: Record<string, { answers: number; missRate: number }>;
}

/** The lesson text shaded by the class's miss rate on the questions that cite each sentence and figure. */
export async function getSourceHeatmap(viewer: SessionUser, classId: string, lessonSlug: string): Promise<SourceHeatmap> {
  const students = await classStudents(viewer, classId);
  const lesson = await getLesson(viewer, lessonSlug);
  if (!lesson) throw new AppError("NOT_FOUND", "This lesson does not exist.");
  // Answers by question (one grouped query), then each question's sentence and figures once.
  const grouped = await db().response.groupBy({
    by: ["questionId", "correct"],
    where: { attempt: { userId: { in: students } }, question: { lessonSlug } },
    _count: { _all: true },
  });
  const questions = await db().question.findMany({
    where: { id: { in: [...new Set(grouped.map((g) => g.questionId))] } },
    select: { id: true, sourceSentenceId: true, payload: true },
  });
  const byId = new Map(questions.map((q) => [q.id, { sentenceId: q.sourceSentenceId, figureIds: (JSON.parse(q.payload) as { figureIds?: string[] }).figureIds ?? [] }]));
  const sentences: SourceHeatmap["sentences"] = {};
  const figures: SourceHeatmap["figures"] = {};
  const add = (map: Record<string, { answers: number; missRate: number }>, key: string, answers: number, wrong: number) => {
    const cell = (map[key] ??= { answers: 0, missRate: 0 });
    cell.missRate = (cell.missRate * cell.answers + wrong) / (cell.answers + answers);
    cell.answers += answers;
  };
  for (const g of grouped) {
    const q = byId.get(g.questionId);
    if (!q) continue;
    const wrong = g.correct ? 0 : g._count._all;
    add(sentences, q.sentenceId, g._count._all, wrong);
    for (const f of q.figureIds) add(figures, f, g._count._all, wrong);
  }
  return { lesson, sentences, figures };
}
