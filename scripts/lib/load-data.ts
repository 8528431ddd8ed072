import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import { resolveDatabase } from "@/lib/database-url";
import { hashPassword } from "@/lib/server/auth/password";
import seedrandom from "seedrandom";

export interface LoadOptions {
  students: number;
  classes: number;
  attemptsPerLesson: number;
  questionsPerAttempt: number;
}

export const DEFAULT_LOAD: LoadOptions = { students: 1000, classes: 20, attemptsPerLesson: 3, questionsPerAttempt: 10 };

/**
 * A realistic load data set on the current database (content must be synced first): instructors,
 * classes, students who joined them, every lesson assigned, and finished attempts with answers whose
 * correctness depends on the student's ability and the question's difficulty. Seeded: the same
 * options give the same data. Returns the class ids.
 */
export async function loadDataSet(options: LoadOptions = DEFAULT_LOAD): Promise<string[]> {
  const random = seedrandom("load-data");
  const lessons = await db().lesson.findMany({ where: { retiredAt: null }, select: { slug: true } });
  const questions = await db().question.findMany({ where: { retiredAt: null, reviewOnly: false }, select: { id: true, lessonSlug: true, type: true, payload: true } });
  if (!lessons.length || !questions.length) throw new Error("No content in the database: run `npm run content:sync` first.");
  const byLesson = new Map(lessons.map((l) => [l.slug, questions.filter((q) => q.lessonSlug === l.slug)]));
  const difficulty = new Map(questions.map((q) => [q.id, random() * 2 - 1]));
  const passwordHash = await hashPassword(randomUUID());
  const run = randomUUID().slice(0, 8);

  const classIds: string[] = [];
  for (let c = 0; c < options.classes; c++) {
    const teacher = await db().user.create({ data: { email: `load-teacher-${run}-${c}@example.com`, name: `Teacher ${c}`, role: "INSTRUCTOR", passwordHash }, select: { id: true } });
    const cls = await db().class.create({
      data: { name: `Load class ${c}`, joinCode: `L${run.slice(0, 3).toUpperCase()}${c}`.slice(0, 8), instructors: { create: { userId: teacher.id } }, assignments: { create: lessons.map((l) => ({ scope: "lesson", scopeId: l.slug, dueAt: new Date(Date.now() + 7 * 86_400_000) })) } },
      select: { id: true },
    });
    classIds.push(cls.id);
  }

  const perClass = Math.ceil(options.students / options.classes);
  const start = Date.now() - 30 * 86_400_000;
  for (let s = 0; s < options.students; s++) {
    const userId = randomUUID();
    const ability = random() * 2 - 1;
    const attempts: { id: string; userId: string; scope: string; scopeId: string; seed: number; questionIds: string; startedAt: Date; finishedAt: Date; correctCount: number; totalCount: number; score: number }[] = [];
    const responses: { id: string; attemptId: string; questionId: string; answer: string; parsedValue: null; readAs: null; correct: boolean; timeTakenMs: number; createdAt: Date }[] = [];
    for (const lesson of lessons) {
      const pool = byLesson.get(lesson.slug)!;
      for (let a = 0; a < options.attemptsPerLesson; a++) {
        const attemptId = randomUUID();
        const at = new Date(start + random() * 29 * 86_400_000);
        const chosen = [...pool].sort(() => random() - 0.5).slice(0, options.questionsPerAttempt);
        let correctCount = 0;
        for (const q of chosen) {
          const p = 1 / (1 + Math.exp(-(ability - difficulty.get(q.id)! + a * 0.3) * 2));
          const correct = random() < p;
          if (correct) correctCount++;
          const payload = JSON.parse(q.payload) as { correctOptionId?: string; options?: { id: string }[] | null };
          const optionId = correct ? payload.correctOptionId : payload.options?.[Math.floor(random() * (payload.options?.length ?? 1))]?.id;
          const answer = optionId ? { kind: "option", optionId } : { kind: "bool", value: correct };
          responses.push({ id: randomUUID(), attemptId, questionId: q.id, answer: JSON.stringify(answer), parsedValue: null, readAs: null, correct, timeTakenMs: Math.round(5000 + random() * 40000), createdAt: at });
        }
        attempts.push({ id: attemptId, userId, scope: "lesson", scopeId: lesson.slug, seed: Math.floor(random() * 1e9), questionIds: JSON.stringify(chosen.map((q) => q.id)), startedAt: at, finishedAt: new Date(at.getTime() + 600_000), correctCount, totalCount: chosen.length, score: chosen.length ? correctCount / chosen.length : 0 });
      }
    }
    await db().$transaction([
      db().user.create({ data: { id: userId, email: `load-student-${run}-${s}@example.com`, name: `Student ${s}`, role: "STUDENT", passwordHash } }),
      db().enrollment.create({ data: { classId: classIds[Math.floor(s / perClass) % classIds.length], userId } }),
      db().attempt.createMany({ data: attempts }),
      db().response.createMany({ data: responses }),
    ]);
  }
  // A bulk load leaves PostgreSQL without statistics until autovacuum gets to it, and until then it
  // plans sequential scans; a live server would have analyzed these tables long ago.
  if (resolveDatabase().provider === "postgresql") await db().$executeRawUnsafe("ANALYZE");
  return classIds;
}
