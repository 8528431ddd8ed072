import { visibleLessonWhere } from "@/lib/server/data/visibility";
import "server-only";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/data/users";
import { lessonMastery, sectorMastery, type MasteryLevel } from "@/lib/quiz/mastery";
import { activeFor } from "@/lib/server/data/question-rows";
import { editorFor } from "@/lib/server/data/question-editor";

export interface LessonProgress {
  slug: string;
  title: string;
  language: string;
  attempts: number;
  bestScore: number | null;
  lastScore: number | null;
  timeSpentMs: number;
  mastery: MasteryLevel;
}

export interface SectorProgress {
  id: string;
  nameEn: string;
  nameZh: string;
  answered: number;
  mastery: MasteryLevel;
}

/** What a quiz was on, for the page to word in the reader's language (decisions/0025). */
export type QuizSubject = { scope: "lesson"; title: string; language: string } | { scope: "sector"; nameEn: string; nameZh: string };

/** The suggested next step: a kind and its parameters, worded by the page. */
export type NextStep =
  | { kind: "continue"; subject: QuizSubject; href: string }
  | { kind: "review"; count: number; href: string }
  | { kind: "start" | "practise"; subject: QuizSubject; href: string };

export interface Dashboard {
  lessons: LessonProgress[];
  sectors: SectorProgress[];
  history: { attemptId: string; finishedAt: Date; score: number; subject: QuizSubject }[];
  unfinished: { attemptId: string; subject: QuizSubject; answered: number; total: number }[];
  next: NextStep | null;
}

/** The viewer's own progress: every figure here is about the viewer and nobody else. */
export async function getDashboard(viewer: SessionUser, now = new Date()): Promise<Dashboard> {
  // The questions the viewer's quizzes draw from: the shared bank with their class's edits (decisions/0019).
  const active = activeFor(await editorFor(viewer), visibleLessonWhere(viewer));
  const [lessons, sectors, attempts, responses, available] = await Promise.all([
    db().lesson.findMany({ where: visibleLessonWhere(viewer), orderBy: { position: "asc" }, select: { slug: true, title: true, language: true } }),
    db().sector.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameZh: true } }),
    db().attempt.findMany({
      where: { userId: viewer.id },
      orderBy: { startedAt: "asc" },
      select: { id: true, scope: true, scopeId: true, finishedAt: true, score: true, totalCount: true, _count: { select: { responses: true } } },
    }),
    db().response.findMany({
      where: { attempt: { userId: viewer.id } },
      orderBy: { createdAt: "asc" },
      select: { questionId: true, correct: true, timeTakenMs: true, question: { select: { lessonSlug: true, sectors: { select: { sectorId: true } } } } },
    }),
    db().question.findMany({ where: active, select: { lessonSlug: true, sectors: { select: { sectorId: true } } } }),
  ]);
  // How many active questions each lesson and sector has: mastery needs enough of them answered.
  const availableIn = new Map<string, number>();
  const countIn = (key: string) => availableIn.set(key, (availableIn.get(key) ?? 0) + 1);
  for (const q of available) {
    countIn(`lesson:${q.lessonSlug}`);
    for (const s of q.sectors) countIn(`sector:${s.sectorId}`);
  }
  const lessonsBySlug = new Map(lessons.map((l) => [l.slug, l]));
  const sectorsById = new Map(sectors.map((s) => [s.id, s]));
  const subjectOf = (scope: string, scopeId: string): QuizSubject => {
    if (scope === "lesson") {
      const lesson = lessonsBySlug.get(scopeId);
      return { scope: "lesson", title: lesson?.title ?? scopeId, language: lesson?.language ?? "en" };
    }
    const sector = sectorsById.get(scopeId);
    return { scope: "sector", nameEn: sector?.nameEn ?? scopeId, nameZh: sector?.nameZh ?? scopeId };
  };

  const lessonProgress: LessonProgress[] = lessons.map((lesson) => {
    const finished = attempts.filter((a) => a.scope === "lesson" && a.scopeId === lesson.slug && a.finishedAt && a.score !== null);
    const scores = finished.map((a) => a.score!);
    const mine = responses.filter((r) => r.question.lessonSlug === lesson.slug);
    return {
      ...lesson,
      attempts: finished.length,
      bestScore: scores.length ? Math.max(...scores) : null,
      lastScore: scores.at(-1) ?? null,
      timeSpentMs: mine.reduce((sum, r) => sum + r.timeTakenMs, 0),
      mastery: lessonMastery(scores, { distinctAnswered: new Set(mine.map((r) => r.questionId)).size, available: availableIn.get(`lesson:${lesson.slug}`) ?? 0 }),
    };
  });

  const sectorProgress: SectorProgress[] = sectors.map((sector) => {
    const answers = responses.filter((r) => r.question.sectors.some((s) => s.sectorId === sector.id));
    return {
      ...sector,
      answered: answers.length,
      mastery: sectorMastery(answers, availableIn.get(`sector:${sector.id}`) ?? 0),
    };
  });

  const history = attempts
    .filter((a) => a.finishedAt && a.score !== null)
    .sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime())
    .map((a) => ({ attemptId: a.id, finishedAt: a.finishedAt!, score: a.score!, subject: subjectOf(a.scope, a.scopeId) }));

  const unfinished = attempts
    .filter((a) => !a.finishedAt)
    .reverse()
    .map((a) => ({ attemptId: a.id, subject: subjectOf(a.scope, a.scopeId), answered: a._count.responses, total: a.totalCount }));

  return { lessons: lessonProgress, sectors: sectorProgress, history, unfinished, next: suggestNext(lessonProgress, unfinished, await db().reviewCard.count({ where: { userId: viewer.id, state: { not: 0 }, due: { lte: now } } })) };
}

const RANK: Record<MasteryLevel, number> = { "not-started": 1, attempted: 0, familiar: 2, proficient: 3, mastered: 4 };

/** Continue what is open; then due reviews; otherwise the weakest lesson (struggling before untouched before the rest). */
function suggestNext(lessons: LessonProgress[], unfinished: Dashboard["unfinished"], dueReviews: number): Dashboard["next"] {
  if (unfinished.length) return { kind: "continue", subject: unfinished[0].subject, href: `/quiz/${unfinished[0].attemptId}` };
  if (dueReviews > 0) return { kind: "review", count: dueReviews, href: "/review" };
  const weakest = [...lessons].filter((l) => l.mastery !== "mastered").sort((a, b) => RANK[a.mastery] - RANK[b.mastery])[0];
  if (!weakest) return null;
  const subject: QuizSubject = { scope: "lesson", title: weakest.title, language: weakest.language };
  return { kind: weakest.mastery === "not-started" ? "start" : "practise", subject, href: `/lessons/${weakest.slug}` };
}
