import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { createClass, joinClass } from "@/lib/server/data/classes";
import { visibleLessonSql, visibleLessonWhere } from "@/lib/server/data/visibility";
import { activeFor, activeQuestionSql } from "@/lib/server/data/question-rows";
import { editorFor } from "@/lib/server/data/question-editor";
import { fixtureContent } from "../support/quiz-fixtures";

// The review hot paths' plain SQL (decisions/0050) restates two Prisma rules: which lessons a user
// sees (visibleLessonWhere, decisions/0033) and which questions are active for them (activeFor).
// Here both forms run on the same rows, for every kind of viewer, and must select the same ones.
const provider = inject("databaseProvider");
// Slugs of this file only: it changes their rows, and every file of a run shares one database.
const SLUGS = ["oat", "rye", "spelt", "teff", "fonio"];
const viewers: Record<string, SessionUser> = {};

beforeAll(async () => {
  const parts = SLUGS.map((slug) => fixtureContent(slug));
  await syncContent({ lessons: parts.flatMap((p) => p.lessons), sectors: parts[0].sectors, questions: parts.flatMap((p) => p.questions) });
  const account = (name: string, role: "INSTRUCTOR" | "ADMIN" | "STUDENT") => createAccount({ name, email: `vis-${name}-${provider}@example.com`, password: "long-enough-pw", role });
  Object.assign(viewers, {
    admin: await account("admin", "ADMIN"),
    owner: await account("owner", "INSTRUCTOR"),
    colleague: await account("colleague", "INSTRUCTOR"),
    stranger: await account("stranger", "INSTRUCTOR"),
    enrolled: await registerStudent({ name: "enrolled", email: `vis-enrolled-${provider}@example.com`, password: "long-enough-pw" }),
    elsewhere: await registerStudent({ name: "elsewhere", email: `vis-elsewhere-${provider}@example.com`, password: "long-enough-pw" }),
    alone: await registerStudent({ name: "alone", email: `vis-alone-${provider}@example.com`, password: "long-enough-pw" }),
  });
  const ownClass = await createClass(viewers.owner, "Visibility A");
  const otherClass = await createClass(viewers.stranger, "Visibility B");
  await db().classInstructor.create({ data: { classId: ownClass.id, userId: viewers.colleague.id } });
  await joinClass(viewers.enrolled, ownClass.joinCode);
  await joinClass(viewers.elsewhere, otherClass.joinCode);
  // rye: the owner's, published to their class; spelt: the owner's, unpublished; teff: retired; oat, fonio: the shared library.
  await db().lesson.update({ where: { slug: "rye" }, data: { ownerId: viewers.owner.id } });
  await db().lessonPublication.create({ data: { lessonSlug: "rye", classId: ownClass.id } });
  await db().lesson.update({ where: { slug: "spelt" }, data: { ownerId: viewers.owner.id } });
  await db().lesson.update({ where: { slug: "teff" }, data: { retiredAt: new Date() } });
  // Questions out for various reasons: retired by the generator, by the shared bank, by the owner; review-only.
  await db().question.update({ where: { id: "oat-mc" }, data: { retiredAt: new Date() } });
  await db().questionOverride.create({ data: { questionId: "oat-typed", retired: true } });
  await db().questionOverride.create({ data: { questionId: "oat-tf", stem: "Edited, still active", retired: false } });
  await db().instructorEdit.create({ data: { instructorId: viewers.owner.id, questionId: "fonio-mc", retired: true } });
  await db().instructorEdit.create({ data: { instructorId: viewers.owner.id, questionId: "rye-mc", retired: true } });
  await db().question.update({ where: { id: "fonio-tf" }, data: { reviewOnly: true } });
});


describe(`the review paths' SQL rules equal their Prisma twins on ${provider}`, () => {
  it("visibleLessonSql selects the lessons visibleLessonWhere does, for every kind of viewer", async () => {
    const seen: Record<string, string[]> = {};
    for (const [name, viewer] of Object.entries(viewers)) {
      const byPrisma = (await db().lesson.findMany({ where: { slug: { in: SLUGS }, ...visibleLessonWhere(viewer) }, select: { slug: true } })).map((l) => l.slug).sort();
      const bySql = (await db().$queryRaw<{ slug: string }[]>`SELECT l."slug" FROM "Lesson" l WHERE ${visibleLessonSql(viewer, "l")}`).map((l) => l.slug).filter((s) => SLUGS.includes(s)).sort();
      expect(bySql, name).toEqual(byPrisma);
      seen[name] = bySql;
    }
    // The cases differ, so the comparison means something.
    expect(seen.admin).toEqual(["fonio", "oat", "rye", "spelt"]);
    expect(seen.owner).toEqual(["fonio", "oat", "rye", "spelt"]);
    expect(seen.colleague).toEqual(["fonio", "oat", "rye"]);
    expect(seen.enrolled).toEqual(["fonio", "oat", "rye"]);
    expect(seen.stranger).toEqual(["fonio", "oat"]);
    expect(seen.elsewhere).toEqual(["fonio", "oat"]);
    expect(seen.alone).toEqual(["fonio", "oat"]);
  });

  it("activeQuestionSql selects the questions activeFor does, with and without review-only ones", async () => {
    for (const [name, viewer] of Object.entries(viewers)) {
      const editorId = await editorFor(viewer);
      for (const forReview of [false, true]) {
        const byPrisma = (await db().question.findMany({ where: { lessonSlug: { in: SLUGS }, ...activeFor(editorId, visibleLessonWhere(viewer), { forReview }) }, select: { id: true } })).map((q) => q.id).sort();
        const bySql = (await db().$queryRaw<{ id: string }[]>`SELECT q."id" FROM "Question" q WHERE ${activeQuestionSql(editorId, viewer, "q", { forReview })}`).map((q) => q.id).filter((id) => SLUGS.some((s) => id.startsWith(`${s}-`))).sort();
        expect(bySql, `${name}, forReview ${forReview}`).toEqual(byPrisma);
        expect(byPrisma.length, name).toBeGreaterThan(0);
        if (name === "owner" || name === "enrolled") {
          expect(bySql, name).not.toContain("fonio-mc");
          expect(bySql, name).not.toContain("rye-mc");
        }
        if (name === "alone") expect(bySql).toContain("fonio-mc");
        expect(bySql.includes("fonio-tf"), `${name} review-only`).toBe(forReview);
        for (const out of ["oat-mc", "oat-typed"]) expect(bySql, name).not.toContain(out);
        expect(bySql, name).toContain("oat-tf");
      }
    }
  });
});
