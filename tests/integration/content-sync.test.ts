import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent, type SyncInput, type SyncQuestion } from "@/lib/server/data/content-sync";
import { wipeContent } from "../support/wipe-content";

const provider = inject("databaseProvider");

function lesson(slug: string, language: string, sentences: string[]) {
  return {
    slug,
    title: `Title of ${slug}`,
    language,
    source: null,
    body: {
      sections: [{ id: `${slug}-s1`, heading: null, paragraphs: [{ id: `${slug}-p1`, sentences: sentences.map((text, i) => ({ id: `${slug}-t${i}`, text })) }] }],
      figures: [],
    },
  };
}

function question(id: string, lessonSlug: string, stem: string, sectorIds: string[] = []): SyncQuestion {
  return { id, lessonSlug, language: "en", type: "figure-mc", sourceSentenceId: `${lessonSlug}-t0`, factId: null, sectorIds, payload: { stem } };
}

function input(overrides: Partial<SyncInput> = {}): SyncInput {
  return {
    lessons: [lesson("farming", "en", ["Wheat output rose 12% in 2021."]), lesson("solar", "zh", ["光伏装机容量增长了约三成。"])],
    sectors: [
      { id: "agriculture", nameEn: "Agriculture", nameZh: "农业", parentId: null },
      { id: "solar", nameEn: "Solar power", nameZh: "光伏", parentId: null },
    ],
    questions: [
      question("q-farm-1", "farming", "By how much did wheat output rise in 2021?", ["agriculture"]),
      question("q-farm-2", "farming", "Which sector grew 12%?", ["agriculture"]),
      question("q-solar-1", "solar", "光伏装机容量增长了多少？", ["solar", "not-in-lexicon"]),
    ],
    retireMissingLessons: true,
    ...overrides,
  };
}

describe(`content sync on ${provider}`, () => {
  // Other test files leave progress behind; responses point at questions, so they go first.
  beforeEach(wipeContent);
  // The run shares one database with the other suites: they must not meet these payload-less questions.
  afterAll(wipeContent);

  it("creates lessons, sectors and questions, and a second run changes nothing", async () => {
    const first = await syncContent(input());
    expect(first.lessons.created).toBe(2);
    expect(first.questions.created).toBe(3);
    const before = await db().question.findMany({ orderBy: { id: "asc" } });

    const second = await syncContent(input());
    expect(second.lessons).toEqual({ created: 0, updated: 0, unchanged: 2, retired: 0 });
    expect(second.questions).toEqual({ created: 0, updated: 0, unchanged: 3, retired: 0, restored: 0 });
    expect(await db().question.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db().questionSector.count({ where: { sectorId: "agriculture" } })).toBe(2);
    // A sector the lexicon does not have is dropped, not an error.
    expect(await db().questionSector.count({ where: { questionId: "q-solar-1" } })).toBe(1);
  });

  it("new questions read back with the values Prisma itself writes (dates, flags, nulls, JSON), and roll back with the transaction", async () => {
    const before = new Date();
    const reviewOnly = { ...question("q-farm-r", "farming", "Review-only wording", ["agriculture"]), reviewOnly: true, factId: "fact-1" };
    await syncContent(input({ questions: [...input().questions, reviewOnly] }));
    const after = new Date();
    const rows = await db().question.findMany({ where: { id: { in: ["q-farm-1", "q-farm-r"] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.reviewOnly, r.factId, r.retiredAt, JSON.parse(r.payload)])).toEqual([
      ["q-farm-1", false, null, null, { stem: "By how much did wheat output rise in 2021?" }],
      ["q-farm-r", true, "fact-1", null, { stem: "Review-only wording" }],
    ]);
    for (const r of rows) {
      expect(r.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
      expect(r.createdAt.getTime()).toBeLessThanOrEqual(after.getTime());
      expect(r.updatedAt).toEqual(r.createdAt);
    }
    // Prisma's own queries find them by every indexed column.
    expect(await db().question.count({ where: { lessonSlug: "farming", retiredAt: null, reviewOnly: false } })).toBe(2);
    expect(await db().question.count({ where: { factId: "fact-1" } })).toBe(1);
    expect(await db().questionSector.count({ where: { questionId: "q-farm-r", sectorId: "agriculture" } })).toBe(1);

    // More rows than one batch (the writes on SQLite let other work run between batches): a failure at the end leaves none.
    const many = Array.from({ length: 1200 }, (_, i) => question(`q-many-${i}`, "solar", `Question ${i}`, ["solar"]));
    await expect(
      syncContent(
        input({
          questions: many,
          within: async () => {
            throw new Error("document row refused");
          },
        }),
      ),
    ).rejects.toThrow("document row refused");
    expect(await db().question.count({ where: { id: { startsWith: "q-many-" } } })).toBe(0);
    expect(await db().questionSector.count({ where: { questionId: { startsWith: "q-many-" } } })).toBe(0);
    await syncContent(input({ questions: many }));
    expect(await db().question.count({ where: { id: { startsWith: "q-many-" } } })).toBe(1200);
    expect(await db().questionSector.count({ where: { questionId: { startsWith: "q-many-" } } })).toBe(1200);
  });

  it("a database error in the middle of the batches leaves nothing, and the next sync writes them all", async () => {
    // 2,500 questions: two full batches on PostgreSQL (prepared statements, queued while the loop
    // runs) and a shorter one; a repeated id makes the database refuse the second batch.
    const many = Array.from({ length: 2500 }, (_, i) => question(`q-batch-${i}`, "solar", `Question ${i}`, ["solar"]));
    const repeated = [...many.slice(0, 1500), { ...many[1200], payload: { stem: "The same id again" } }, ...many.slice(1500)];
    await expect(syncContent(input({ questions: repeated }))).rejects.toThrow(/duplicate key|UNIQUE constraint/);
    expect(await db().question.count({ where: { id: { startsWith: "q-batch-" } } })).toBe(0);
    expect(await db().questionSector.count({ where: { questionId: { startsWith: "q-batch-" } } })).toBe(0);
    expect(await db().lesson.count({ where: { slug: "solar" } })).toBe(0);
    // Twice: the second sync finds the prepared statements already on its connection.
    for (const run of [1, 2]) {
      if (run === 2) await wipeContent();
      expect((await syncContent(input({ questions: many }))).questions.created).toBe(2500);
      expect(await db().question.count({ where: { id: { startsWith: "q-batch-" }, lessonSlug: "solar", language: "en", reviewOnly: false, retiredAt: null } })).toBe(2500);
      expect(await db().questionSector.count({ where: { questionId: { startsWith: "q-batch-" }, sectorId: "solar" } })).toBe(2500);
    }
    const last = await db().question.findUniqueOrThrow({ where: { id: "q-batch-2499" } });
    expect(JSON.parse(last.payload)).toEqual({ stem: "Question 2499" });
    expect(last.updatedAt).toEqual(last.createdAt);
  });

  it("keeps Chinese text intact", async () => {
    await syncContent(input());
    const row = await db().question.findUniqueOrThrow({ where: { id: "q-solar-1" } });
    expect(JSON.parse(row.payload).stem).toBe("光伏装机容量增长了多少？");
    const l = await db().lesson.findUniqueOrThrow({ where: { slug: "solar" } });
    expect(l.body).toContain("光伏装机容量增长了约三成。");
  });

  it("changing one document touches only that document's questions", async () => {
    await syncContent(input());
    const solarBefore = await db().question.findUniqueOrThrow({ where: { id: "q-solar-1" } });
    const changed = input();
    changed.questions[0] = question("q-farm-1", "farming", "By how much did wheat output rise in 2021 in China?", ["agriculture"]);
    const report = await syncContent(changed);
    expect(report.questions).toMatchObject({ updated: 1, unchanged: 2 });
    expect(await db().question.findUniqueOrThrow({ where: { id: "q-solar-1" } })).toEqual(solarBefore);
  });

  it("retires questions that are no longer generated, and restores them when they return", async () => {
    await syncContent(input());
    const without = input();
    without.questions = without.questions.filter((q) => q.id !== "q-farm-2");
    expect((await syncContent(without)).questions.retired).toBe(1);
    const retired = await db().question.findUniqueOrThrow({ where: { id: "q-farm-2" } });
    expect(retired.retiredAt).not.toBeNull();

    expect((await syncContent(input())).questions.restored).toBe(1);
    expect((await db().question.findUniqueOrThrow({ where: { id: "q-farm-2" } })).retiredAt).toBeNull();
  });

  it("leaves a document that failed to build exactly as it was", async () => {
    await syncContent(input());
    const broken = input({ failedSlugs: ["solar"] });
    broken.lessons = broken.lessons.filter((l) => l.slug !== "solar");
    broken.questions = broken.questions.filter((q) => q.lessonSlug !== "solar");
    const report = await syncContent(broken);
    expect(report.lessons.retired).toBe(0);
    expect(report.questions.retired).toBe(0);
    expect((await db().lesson.findUniqueOrThrow({ where: { slug: "solar" } })).retiredAt).toBeNull();
    expect((await db().question.findUniqueOrThrow({ where: { id: "q-solar-1" } })).retiredAt).toBeNull();
  });

  it("retires the lesson of a document removed from content/", async () => {
    await syncContent(input());
    const removed = input();
    removed.lessons = removed.lessons.filter((l) => l.slug !== "solar");
    removed.questions = removed.questions.filter((q) => q.lessonSlug !== "solar");
    expect((await syncContent(removed)).lessons.retired).toBe(1);
    expect(await db().question.count({ where: { lessonSlug: "solar", retiredAt: { not: null } } })).toBe(1);
    expect(await db().question.count()).toBe(3);
  });

  it("retires more questions than either database takes parameters in one statement (SQLite 32,766, PostgreSQL 65,535)", async () => {
    await syncContent(input());
    // A replaced document whose old questions are all gone: written directly, syncing 70,000 one by one is slow.
    const old = Array.from({ length: 70_000 }, (_, i) => ({ id: `q-old-${i}`, lessonSlug: "farming", language: "en", type: "figure-mc", payload: "{}", contentHash: "old", sourceSentenceId: "farming-t0" }));
    for (let i = 0; i < old.length; i += 2_000) await db().question.createMany({ data: old.slice(i, i + 2_000) });

    const report = await syncContent(input());
    expect(report.questions.retired).toBe(70_000);
    expect(await db().question.count({ where: { id: { startsWith: "q-old-" }, retiredAt: null } })).toBe(0);
    expect(await db().question.count({ where: { retiredAt: null } })).toBe(3);
  }, 180_000);
});
