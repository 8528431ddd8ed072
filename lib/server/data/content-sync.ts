import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db, pgConnectionOf, sqliteInTransaction } from "@/lib/server/db";
import type { LessonBody } from "@/lib/schemas/lesson";
import { readingMinutes } from "@/lib/schemas/lesson";
import type BetterSqlite3 from "better-sqlite3";
import { countInChunks, inChunks } from "@/lib/server/data/in-chunks";

export interface SyncLesson {
  slug: string;
  title: string;
  language: string;
  source: string | null;
  body: LessonBody;
  /** The instructor who added it from the browser; absent for the shared library (content/). */
  ownerId?: string | null;
  /** Place in lesson lists; by default the lesson's place in `lessons`. */
  position?: number;
}

export interface SyncQuestion {
  id: string;
  lessonSlug: string;
  language: string;
  type: string;
  sourceSentenceId: string;
  /** The fact the question tests, shared by the questions review cards rotate through. */
  factId: string | null;
  sectorIds: string[];
  /** Kept only to vary a fact's reviews: never drawn in quizzes, counted or exported (decisions/0039). */
  reviewOnly?: boolean;
  /** Everything the quiz needs to show and grade the question; stored as JSON. */
  payload: unknown;
}

export interface SyncSector {
  id: string;
  nameEn: string;
  nameZh: string;
  parentId: string | null;
}

export interface SyncInput {
  lessons: SyncLesson[];
  sectors: SyncSector[];
  questions: SyncQuestion[];
  /**
   * Slugs of documents that failed to build. Their lessons and questions are left exactly as they
   * are: a broken file must never retire what students have answered.
   */
  failedSlugs?: string[];
  /** Retire lessons that are no longer in content/ (only when every document built). */
  retireMissingLessons?: boolean;
  /** Runs in the sync's transaction after the writes (an upload records its document there: all or nothing). */
  within?: (tx: SyncTx) => Promise<void>;
}

export type SyncTx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

export interface SyncReport {
  lessons: { created: number; updated: number; unchanged: number; retired: number };
  questions: { created: number; updated: number; unchanged: number; retired: number; restored: number };
}

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

function plainText(body: LessonBody): string {
  return body.sections.flatMap((s) => [s.heading ?? "", ...s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text))]).join(" ");
}

/**
 * Upserts lessons, sectors and questions by their stable ids, writing only rows whose content
 * changed; retires (never deletes) questions no longer generated for a lesson that built. Trusted
 * caller only (the content:sync command): there is no viewer. One transaction: all or nothing.
 */
export async function syncContent(input: SyncInput): Promise<SyncReport> {
  const report: SyncReport = {
    lessons: { created: 0, updated: 0, unchanged: 0, retired: 0 },
    questions: { created: 0, updated: 0, unchanged: 0, retired: 0, restored: 0 },
  };
  const failed = new Set(input.failedSlugs ?? []);
  const lessons = input.lessons.filter((l) => !failed.has(l.slug));
  const builtSlugs = new Set(lessons.map((l) => l.slug));
  const questions = input.questions.filter((q) => builtSlugs.has(q.lessonSlug));
  const now = new Date();

  await db().$transaction(
    async (tx) => {
      const existingLessons = new Map(
        (await tx.lesson.findMany({ select: { slug: true, contentHash: true, retiredAt: true, ownerId: true } })).map((l) => [l.slug, l]),
      );
      for (const [position, lesson] of lessons.entries()) {
        const text = plainText(lesson.body);
        const ownerId = lesson.ownerId ?? null;
        const data = {
          ownerId,
          title: lesson.title,
          language: lesson.language,
          source: lesson.source,
          body: JSON.stringify(lesson.body),
          wordCount: text.length,
          readingMinutes: readingMinutes(text),
          position: lesson.position ?? position,
          retiredAt: null,
        };
        // Without the owner, so the shared library hashes as it did before lessons had owners.
        const contentHash = hashOf({ ...data, ownerId: undefined });
        const existing = existingLessons.get(lesson.slug);
        // A lesson never changes hands: a content/ file cannot take over an instructor's lesson, nor the reverse.
        if (existing && existing.ownerId !== ownerId) throw new Error(`lesson "${lesson.slug}" belongs to ${existing.ownerId ? "an instructor" : "the shared library"}; choose another slug`);
        if (!existing) {
          await tx.lesson.create({ data: { slug: lesson.slug, ...data, contentHash } });
          report.lessons.created++;
        } else if (existing.contentHash !== contentHash || existing.retiredAt) {
          await tx.lesson.update({ where: { slug: lesson.slug }, data: { ...data, contentHash } });
          report.lessons.updated++;
        } else report.lessons.unchanged++;
      }
      if (input.retireMissingLessons && failed.size === 0) {
        // Only the shared library: lessons added from the browser are not in content/ and stay.
        const missing = [...existingLessons.values()].filter((l) => l.ownerId === null && !builtSlugs.has(l.slug) && !l.retiredAt).map((l) => l.slug);
        if (missing.length) {
          await countInChunks(missing, (slugs) => tx.lesson.updateMany({ where: { slug: { in: slugs } }, data: { retiredAt: now } }));
          await countInChunks(missing, (slugs) => tx.question.updateMany({ where: { lessonSlug: { in: slugs }, retiredAt: null }, data: { retiredAt: now } }));
          report.lessons.retired += missing.length;
        }
      }

      for (const sector of input.sectors) {
        await tx.sector.upsert({ where: { id: sector.id }, create: sector, update: sector });
      }
      const knownSectors = new Set((await tx.sector.findMany({ select: { id: true } })).map((s) => s.id));

      const existingQuestions = new Map(
        (
          await inChunks([...builtSlugs], (slugs) =>
            tx.question.findMany({ where: { lessonSlug: { in: slugs } }, select: { id: true, lessonSlug: true, contentHash: true, retiredAt: true } }),
          )
        ).map((q) => [q.id, q]),
      );
      const generatedIds = new Set<string>();
      // New questions and every question's sectors are written in batches: one statement per
      // question was most of an upload's time (11 ms each on SQLite, decisions/0034).
      const rows = await newRowsFor(tx, now);
      try {
        for (const [i, q] of questions.entries()) {
          // On PostgreSQL the driver sends the batches made so far while the loop makes the next ones.
          if (rows.turn && i % TURN_EVERY === TURN_EVERY - 1) await rows.turn();
          generatedIds.add(q.id);
          const data = {
            lessonSlug: q.lessonSlug,
            language: q.language,
            type: q.type,
            payload: JSON.stringify(q.payload),
            sourceSentenceId: q.sourceSentenceId,
            factId: q.factId,
            reviewOnly: q.reviewOnly === true,
            retiredAt: null,
          };
          // reviewOnly hashed only when set, so quiz questions keep the hashes they had before it existed.
          const contentHash = hashOf({ ...data, reviewOnly: data.reviewOnly || undefined, sectorIds: [...q.sectorIds].sort() });
          const existing = existingQuestions.get(q.id);
          if (existing && existing.contentHash === contentHash && !existing.retiredAt) {
            report.questions.unchanged++;
            continue;
          }
          if (!existing) {
            rows.question({ id: q.id, ...data, contentHash });
            report.questions.created++;
          } else {
            await tx.question.update({ where: { id: q.id }, data: { ...data, contentHash } });
            if (existing.retiredAt) report.questions.restored++;
            else report.questions.updated++;
            await tx.questionSector.deleteMany({ where: { questionId: q.id } });
          }
          const sectorIds = [...new Set(q.sectorIds)].filter((id) => knownSectors.has(id));
          for (const sectorId of sectorIds) rows.link({ questionId: q.id, sectorId });
        }
      } catch (error) {
        // Nothing of these rows may still be on its way when the transaction rolls back.
        throw (await rows.abandon()) ?? error;
      }
      await rows.finish();
      const stale = [...existingQuestions.values()].filter((q) => !generatedIds.has(q.id) && !q.retiredAt).map((q) => q.id);
      if (stale.length) {
        // In chunks: a replaced document can retire thousands of questions (P2029 in one statement).
        await countInChunks(stale, (ids) => tx.question.updateMany({ where: { id: { in: ids } }, data: { retiredAt: now } }));
        report.questions.retired = stale.length;
      }
      if (input.within) await input.within(tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return report;
}

type QuestionRow = { id: string; lessonSlug: string; language: string; type: string; payload: string; sourceSentenceId: string; factId: string | null; reviewOnly: boolean; retiredAt: null; contentHash: string };

const QUESTION_COLUMNS = `"id", "lessonSlug", "language", "type", "payload", "contentHash", "sourceSentenceId", "factId", "reviewOnly", "retiredAt", "createdAt", "updatedAt"`;

/** Rows written on SQLite between two turns of the event loop (tens of milliseconds). */
const YIELD_EVERY = 500;

/** A DateTime as the SQLite adapter writes it (ISO 8601 with an explicit offset). */
function sqliteTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

type LinkRow = { questionId: string; sectorId: string };

/** Where syncContent puts new questions and sector links (a link only after its question). */
interface NewRows {
  question(row: QuestionRow): void;
  link(row: LinkRow): void;
  /** PostgreSQL only: a turn of the event loop, in which the driver sends batches and reads their answers. */
  turn?: () => Promise<void>;
  /** Writes what is left; throws the first failure. */
  finish(): Promise<void>;
  /** After a failure elsewhere: sends nothing more, waits for what is on its way, returns its failure if any. */
  abandon(): Promise<unknown>;
}

/** Questions made between two turns of the event loop on PostgreSQL (a fraction of a millisecond). */
const TURN_EVERY = 25;

async function newRowsFor(tx: SyncTx, now: Date): Promise<NewRows> {
  const sqlite = sqliteInTransaction();
  if (!sqlite) return pgNewRows(tx, now);
  // SQLite: collected, then written after the loop (decisions/0051).
  const questions: QuestionRow[] = [];
  const links: LinkRow[] = [];
  return {
    question: (row) => void questions.push(row),
    link: (row) => void links.push(row),
    finish: async () => {
      await insertQuestions(sqlite, questions, now);
      await insertQuestionSectors(sqlite, links);
    },
    abandon: async () => undefined,
  };
}

/** Question ↔ sector links; the same rows createMany would write. */
async function insertQuestionSectors(sqlite: BetterSqlite3.Database, rows: LinkRow[]): Promise<void> {
  if (rows.length === 0) return;
  const insert = sqlite.prepare(`INSERT INTO "QuestionSector" ("questionId", "sectorId") VALUES (?, ?)`);
  for (const [i, r] of rows.entries()) {
    insert.run(r.questionId, r.sectorId);
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * New questions; the same columns and values createMany would write. On SQLite one prepared
 * statement run per row on the transaction's own connection (decisions/0051): through Prisma each
 * parameter is serialized into and out of its query compiler, which was most of storing a 1 MB
 * document. (PostgreSQL: pgNewRows.)
 */
async function insertQuestions(sqlite: BetterSqlite3.Database, rows: QuestionRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const insert = sqlite.prepare(`INSERT INTO "Question" (${QUESTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
  const time = sqliteTime(now);
  for (const [i, r] of rows.entries()) {
    insert.run(r.id, r.lessonSlug, r.language, r.type, r.payload, r.contentHash, r.sourceSentenceId, r.factId, r.reviewOnly ? 1 : 0, time, time);
    // better-sqlite3 is synchronous: let the process's other work run between batches, as it did between statements.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A DateTime as the PostgreSQL adapter writes it into a TIMESTAMP(3) column (UTC, no offset). */
function pgTime(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** Rows a statement on PostgreSQL: 1,000 questions are 9,002 parameters of the 65,535 allowed. */
const PG_ROWS_PER_STATEMENT = 1000;
/**
 * What a batch's rows are: the columns of the table, and each row's SQL with `?` for its own
 * parameters (a question's nine) and `$2` for the time every row of the sync shares, sent once.
 */
const PG_QUESTIONS = { name: "questions", into: `"Question" (${QUESTION_COLUMNS})`, row: "(?, ?, ?, ?, ?, ?, ?, ?, ?::boolean, NULL::timestamp(3), $2::timestamp(3), $2::timestamp(3))", shared: 2 };
const PG_LINKS = { name: "links", into: `"QuestionSector" ("questionId", "sectorId")`, row: "(?, ?)", shared: 1 };

const insertTexts = new Map<string, string>();

/** `INSERT … SELECT` of `count` rows as parameters after the shared ones, only while the transaction's token ($1) is set. */
function insertText(table: typeof PG_LINKS, count: number): string {
  const key = `${table.name}-${count}`;
  let text = insertTexts.get(key);
  if (!text) {
    let n = table.shared;
    const tuples = Array.from({ length: count }, () => table.row.replace(/\?/g, () => `$${++n}`));
    text = `INSERT INTO ${table.into} SELECT * FROM (VALUES ${tuples.join(", ")}) AS v WHERE current_setting('quiz.sync_token', true) = $1`;
    // Only full batches come back often; the last, shorter one of each sync is made once.
    if (count === PG_ROWS_PER_STATEMENT) insertTexts.set(key, text);
  }
  return text;
}

/**
 * PostgreSQL (decisions/0053): multi-row INSERTs of 1,000 rows sent by the pg driver on the
 * connection under `tx`. Through Prisma every parameter is serialized into and out of its query
 * compiler, which was two thirds of storing a 1 MB document. The statements are queued on that
 * connection as batches fill, so the database writes one batch while the loop makes the next
 * (the driver sends a statement when the previous one has answered). The rows are part of the
 * transaction: a failure rolls them back. Each statement also checks a setting made local to the
 * transaction through `tx` itself, so a statement that would run after the transaction ended (a
 * timeout) inserts nothing and fails instead of writing outside it.
 */
async function pgNewRows(tx: SyncTx, now: Date): Promise<NewRows> {
  const connection = await pgConnectionOf(tx);
  if (!connection) throw new Error("the connection under this transaction was not found");
  const token = randomUUID();
  await tx.$queryRaw`SELECT set_config('quiz.sync_token', ${token}, true)`;
  const time = pgTime(now);
  const questions: unknown[][] = [];
  const links: unknown[][] = [];
  let sending: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  let stopped = false;

  async function insert(table: typeof PG_LINKS, rows: unknown[][]): Promise<void> {
    if (failure || stopped) return;
    const values: unknown[] = [token, time].slice(0, table.shared);
    for (const row of rows) for (const value of row) values.push(value);
    // A full batch is a prepared statement: parsed once per connection, and planned once after the
    // first few executions (the same text every time). That took a third off the database's time.
    const name = rows.length === PG_ROWS_PER_STATEMENT ? `quiz-sync-${table.name}-${rows.length}` : undefined;
    const { rowCount } = await connection!.query({ name, text: insertText(table, rows.length), values });
    if (rowCount !== rows.length) throw new Error("the transaction under these rows has ended");
  }
  function send(table: typeof PG_LINKS, rows: unknown[][]) {
    sending = sending
      .then(() => insert(table, rows))
      .catch((error: unknown) => {
        failure ??= { error };
      });
  }
  /** The questions collected, then the links (each link's question is then sent or already stored). */
  function sendBatches(all: boolean) {
    if (questions.length > 0) send(PG_QUESTIONS, questions.splice(0));
    while (links.length >= PG_ROWS_PER_STATEMENT || (all && links.length > 0)) send(PG_LINKS, links.splice(0, PG_ROWS_PER_STATEMENT));
  }
  function rethrow() {
    if (failure) throw failure.error;
  }
  return {
    question(r) {
      rethrow();
      questions.push([r.id, r.lessonSlug, r.language, r.type, r.payload, r.contentHash, r.sourceSentenceId, r.factId, r.reviewOnly]);
      if (questions.length === PG_ROWS_PER_STATEMENT) sendBatches(false);
    },
    link(r) {
      links.push([r.questionId, r.sectorId]);
    },
    turn: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      rethrow();
    },
    async finish() {
      sendBatches(true);
      await sending;
      rethrow();
    },
    async abandon() {
      stopped = true;
      await sending;
      return failure?.error;
    },
  };
}
