import { visibleLessonWhere } from "@/lib/server/data/visibility";
import "server-only";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/data/users";

export interface SectorSummary {
  id: string;
  nameEn: string;
  nameZh: string;
  questionCount: number;
  lessonCount: number;
}

/** Sectors that have at least one active question, with how many lessons they appear in. */
export async function listSectors(viewer: SessionUser): Promise<SectorSummary[]> {
  const rows = await db().sector.findMany({
    orderBy: { nameEn: "asc" },
    select: { id: true, nameEn: true, nameZh: true, questions: { where: { question: { retiredAt: null, lesson: visibleLessonWhere(viewer) } }, select: { question: { select: { lessonSlug: true } } } } },
  });
  return rows
    .map(({ questions, ...s }) => ({ ...s, questionCount: questions.length, lessonCount: new Set(questions.map((q) => q.question.lessonSlug)).size }))
    .filter((s) => s.questionCount > 0);
}
