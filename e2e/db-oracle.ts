import Database from "better-sqlite3";
import path from "node:path";
import { DEFAULT_QUIZ_LENGTH, revealingGroups } from "../lib/quiz/quiz-capacity";

/**
 * The test's answer key: reads a question's stored payload from the e2e server's SQLite file.
 * The browser never sees this; the test uses it to answer right or wrong on purpose.
 */
export function questionPayload(questionId: string): Record<string, unknown> & { type: string } {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT payload, type FROM "Question" WHERE id = ?').get(questionId) as { payload: string; type: string } | undefined;
    if (!row) throw new Error(`question ${questionId} not in the e2e database`);
    return { ...JSON.parse(row.payload), type: row.type };
  } finally {
    db.close();
  }
}

// Every query below reads the shared library only (lessons from content/, no owner): a lesson an
// instructor uploaded in another spec is visible only to that instructor's classes (decisions/0033).
const SHARED = `"lessonSlug" IN (SELECT slug FROM "Lesson" WHERE "ownerId" IS NULL AND "retiredAt" IS NULL)`;

/** Lessons in a language, the one with the most kinds of question first. */
export function lessonSlugs(language: string): string[] {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const sql = `SELECT l.slug FROM "Lesson" l LEFT JOIN "Question" q ON q."lessonSlug" = l.slug AND q."retiredAt" IS NULL AND q."reviewOnly" = 0
      WHERE l.language = ? AND l."retiredAt" IS NULL AND l."ownerId" IS NULL GROUP BY l.slug, l.position ORDER BY COUNT(DISTINCT q.type) DESC, l.position`;
    return (db.prepare(sql).all(language) as { slug: string }[]).map((r) => r.slug);
  } finally {
    db.close();
  }
}

/** The lesson with the most active questions of this type. */
/** Every lesson with active questions of a type, most such questions first. */
export function lessonsWithType(type: string): string[] {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT "lessonSlug" AS slug FROM "Question" WHERE type = ? AND "retiredAt" IS NULL AND "reviewOnly" = 0 AND ${SHARED} GROUP BY "lessonSlug" ORDER BY COUNT(*) DESC, "lessonSlug"`).all(type) as { slug: string }[];
    return rows.map((r) => r.slug);
  } finally {
    db.close();
  }
}

export function lessonWithType(type: string): string | null {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT "lessonSlug" AS slug FROM "Question" WHERE type = ? AND "retiredAt" IS NULL AND "reviewOnly" = 0 AND ${SHARED} GROUP BY "lessonSlug" ORDER BY COUNT(*) DESC, "lessonSlug" LIMIT 1`).get(type) as { slug: string } | undefined;
    return row?.slug ?? null;
  } finally {
    db.close();
  }
}

/**
 * Two active questions on one sentence of a lesson small enough that a 10-question quiz covers every
 * revealing group (lib/quiz/quiz-capacity.ts: a quiz takes one question per group of questions that
 * share a sentence or a figure), chosen so that once `retire` is retired, `keep` is alone in its
 * group: every quiz on the lesson then gives it.
 */
export function sameSentencePair(): { lessonSlug: string; keep: string; retire: string } {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const rows = (
      db.prepare(`SELECT id, type, "lessonSlug" AS lesson, "sourceSentenceId" AS sentence, payload FROM "Question" WHERE "retiredAt" IS NULL AND "reviewOnly" = 0 AND ${SHARED} ORDER BY id`).all() as {
        id: string;
        type: string;
        lesson: string;
        sentence: string;
        payload: string;
      }[]
    ).map((r) => ({ id: r.id, type: r.type, lesson: r.lesson, source: { sentenceId: r.sentence }, figureIds: (JSON.parse(r.payload).figureIds ?? []) as string[] }));
    for (const retire of rows) {
      for (const keep of rows) {
        if (keep.id === retire.id || keep.source.sentenceId !== retire.source.sentenceId) continue;
        const left = rows.filter((r) => r.lesson === keep.lesson && r.id !== retire.id);
        const groups = revealingGroups(left);
        if (new Set(groups.values()).size > DEFAULT_QUIZ_LENGTH) continue;
        if (left.filter((r) => groups.get(r.id) === groups.get(keep.id)).length === 1) return { lessonSlug: keep.lesson, keep: keep.id, retire: retire.id };
      }
    }
    throw new Error("no lesson of at most 10 revealing groups with two questions on one sentence, one of them alone once the other is retired");
  } finally {
    db.close();
  }
}

/** A learner's review cards as stored (the test's view of the schedule; the browser never sees it). */
export function reviewCards(email: string): { id: string; state: number; due: string; reps: number }[] {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const sql = `SELECT c.id, c.state, c.due, c.reps FROM "ReviewCard" c JOIN "User" u ON u.id = c."userId" WHERE u.email = ? ORDER BY c.id`;
    return (db.prepare(sql).all(email) as { id: string; state: number; due: number | string; reps: number }[]).map((c) => ({ ...c, due: new Date(c.due).toISOString() }));
  } finally {
    db.close();
  }
}

/** How many active figure questions (multiple choice or typed) a lesson has. */
export function figureQuestionCount(lessonSlug: string): number {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(`SELECT COUNT(*) AS n FROM "Question" WHERE "lessonSlug" = ? AND "retiredAt" IS NULL AND "reviewOnly" = 0 AND type IN ('figure-mc', 'figure-typed')`)
      .get(lessonSlug) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

/** The number of active questions of a lesson (0: its page says there is no quiz). */
export function questionCount(lessonSlug: string): number {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "Question" WHERE "lessonSlug" = ? AND "retiredAt" IS NULL AND "reviewOnly" = 0`).get(lessonSlug) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The question types of which the bank holds at least `min` active questions. */
export function bankTypes(min: number): string[] {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const sql = `SELECT type FROM "Question" WHERE "retiredAt" IS NULL AND "reviewOnly" = 0 AND ${SHARED} GROUP BY type HAVING COUNT(*) >= ? ORDER BY type`;
    return (db.prepare(sql).all(min) as { type: string }[]).map((r) => r.type);
  } finally {
    db.close();
  }
}

/** A sector of the lexicon that no active question is about (its quiz has nothing to ask). */
export function sectorWithoutQuestions(): string | null {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const sql = `SELECT s.id FROM "Sector" s WHERE NOT EXISTS (SELECT 1 FROM "QuestionSector" qs JOIN "Question" q ON q.id = qs."questionId" WHERE qs."sectorId" = s.id AND q."retiredAt" IS NULL AND q."reviewOnly" = 0 AND q.${SHARED}) ORDER BY s.id LIMIT 1`;
    return (db.prepare(sql).get() as { id: string } | undefined)?.id ?? null;
  } finally {
    db.close();
  }
}

/** The interface language saved on an account (null: follows the browser). */
export function userLocale(email: string): string | null {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT locale FROM "User" WHERE email = ?').get(email) as { locale: string | null } | undefined;
    if (!row) throw new Error(`no user ${email} in the e2e database`);
    return row.locale;
  } finally {
    db.close();
  }
}

/** The time zone saved on an account (null: not reported yet, days are UTC; decisions/0040). */
export function userTimeZone(email: string): string | null {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT "timeZone" FROM "User" WHERE email = ?').get(email) as { timeZone: string | null } | undefined;
    if (!row) throw new Error(`no user ${email} in the e2e database`);
    return row.timeZone;
  } finally {
    db.close();
  }
}
