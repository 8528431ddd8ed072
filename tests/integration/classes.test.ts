import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { assign, createClass, joinClass, leaveClass, listMyAssignments, listTaughtClasses, removeAssignment, removeStudent, requireClassInstructor, setAssignmentDue } from "@/lib/server/data/classes";
import { getClassOverview } from "@/lib/server/data/class-progress";
import { fixtureContent } from "../support/quiz-fixtures";

const provider = inject("databaseProvider");
let teacher: SessionUser;
let otherTeacher: SessionUser;
let admin: SessionUser;
let student: SessionUser;

beforeAll(async () => {
  await syncContent(fixtureContent("wheat"));
  const make = (name: string, role: "INSTRUCTOR" | "ADMIN") => createAccount({ name, email: `${name}-${provider}@example.com`, password: "long-enough-pw", role });
  teacher = await make("teacher", "INSTRUCTOR");
  otherTeacher = await make("other-teacher", "INSTRUCTOR");
  admin = await make("admin", "ADMIN");
  student = await registerStudent({ name: "Pupil", email: `pupil-${provider}@example.com`, password: "long-enough-pw" });
});

describe(`classes on ${provider}`, () => {
  it("an instructor creates a class, a student joins by code (any case) and sees the assignment", async () => {
    const cls = await createClass(teacher, "Year 10 · 十年级");
    expect(cls.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    await expect(createClass(student, "Nope")).rejects.toMatchObject({ code: "FORBIDDEN" });

    await joinClass(student, ` ${cls.joinCode.toLowerCase()} `);
    await joinClass(student, cls.joinCode); // twice is harmless
    expect(await db().enrollment.count({ where: { classId: cls.id } })).toBe(1);
    await expect(joinClass(student, "ZZZZZZ")).rejects.toMatchObject({ code: "NOT_FOUND", field: "code" });

    await assign(teacher, cls.id, { scope: "lesson", scopeId: "wheat", dueAt: new Date("2030-01-01") });
    await expect(assign(teacher, cls.id, { scope: "lesson", scopeId: "no-such-lesson", dueAt: null })).rejects.toMatchObject({ code: "INVALID" });
    const mine = await listMyAssignments(student);
    // Students see the lesson's title, not its slug.
    expect(mine.find((c) => c.id === cls.id)?.assignments).toMatchObject([{ scope: "lesson", scopeId: "wheat", title: "Farming wheat", score: null }]);

    expect((await listTaughtClasses(teacher)).map((c) => c.id)).toContain(cls.id);
    expect((await listTaughtClasses(otherTeacher)).map((c) => c.id)).not.toContain(cls.id);
    expect((await listTaughtClasses(admin)).map((c) => c.id)).toContain(cls.id);
  });

  it("a sector assignment is named in the reader's language (the sector list's own names)", async () => {
    const cls = await createClass(teacher, "Sector names");
    await joinClass(student, cls.joinCode);
    await assign(teacher, cls.id, { scope: "sector", scopeId: "agriculture", dueAt: null });
    expect((await getClassOverview(teacher, cls.id, new Date(), "zh")).assignments).toMatchObject([{ scope: "sector", title: "农业" }]);
    expect((await getClassOverview(teacher, cls.id)).assignments).toMatchObject([{ scope: "sector", title: "Agriculture" }]);
    const zh = (await listMyAssignments(student, "zh")).find((c) => c.id === cls.id);
    expect(zh?.assignments).toMatchObject([{ scope: "sector", scopeId: "agriculture", title: "农业" }]);
  });

  it("only the class's instructors (and admins) manage it; students can leave", async () => {
    const cls = await createClass(teacher, "Managed");
    await joinClass(student, cls.joinCode);
    for (const outsider of [otherTeacher, student]) {
      await expect(requireClassInstructor(outsider, cls.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(removeStudent(outsider, cls.id, student.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(assign(outsider, cls.id, { scope: "lesson", scopeId: "wheat", dueAt: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await requireClassInstructor(admin, cls.id)).toMatchObject({ id: cls.id });
    await removeStudent(teacher, cls.id, student.id);
    expect(await db().enrollment.count({ where: { classId: cls.id } })).toBe(0);
    await joinClass(student, cls.joinCode);
    await leaveClass(student, cls.id);
    expect(await db().enrollment.count({ where: { classId: cls.id } })).toBe(0);
  });

  it("an instructor changes an assignment's due date and removes it; nobody else can, not even through another class", async () => {
    const cls = await createClass(teacher, "Editable");
    const other = await createClass(otherTeacher, "Someone else's");
    const { id } = await assign(teacher, cls.id, { scope: "lesson", scopeId: "wheat", dueAt: new Date("2030-01-01T12:00:00Z") });
    // With no students yet, the overview still lists the assignment, titled.
    expect((await getClassOverview(teacher, cls.id)).assignments).toMatchObject([{ id, title: "Farming wheat" }]);

    for (const [viewer, classId] of [[otherTeacher, cls.id], [student, cls.id], [otherTeacher, other.id]] as const) {
      await expect(setAssignmentDue(viewer, classId, id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(removeAssignment(viewer, classId, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await setAssignmentDue(teacher, cls.id, id, new Date("2031-02-03T12:00:00Z"));
    expect((await db().assignment.findUniqueOrThrow({ where: { id } })).dueAt?.toISOString()).toBe("2031-02-03T12:00:00.000Z");
    await setAssignmentDue(teacher, cls.id, id, null);
    expect((await db().assignment.findUniqueOrThrow({ where: { id } })).dueAt).toBeNull();
    await removeAssignment(teacher, cls.id, id);
    expect(await db().assignment.count({ where: { classId: cls.id } })).toBe(0);
    await expect(removeAssignment(teacher, cls.id, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps the class's time zone and refuses a due date that is already over (decisions/0023, 0024)", async () => {
    const cls = await createClass(teacher, "Shanghai 上海", "Asia/Shanghai");
    expect(await requireClassInstructor(teacher, cls.id)).toMatchObject({ timeZone: "Asia/Shanghai" });
    expect(await requireClassInstructor(teacher, (await createClass(teacher, "Nowhere", "Mars/Olympus")).id)).toMatchObject({ timeZone: "UTC" });

    const now = new Date("2030-03-10T12:00:00Z");
    await expect(assign(teacher, cls.id, { scope: "lesson", scopeId: "wheat", dueAt: new Date("2030-03-09T15:59:59.999Z") }, now)).rejects.toMatchObject({ code: "INVALID", field: "dueAt" });
    expect(await db().assignment.count({ where: { classId: cls.id } })).toBe(0);
    const { id } = await assign(teacher, cls.id, { scope: "lesson", scopeId: "wheat", dueAt: new Date("2030-03-10T15:59:59.999Z") }, now);
    // Later the day is over: the due date it has may stay, a new past one may not.
    const later = new Date("2030-04-01T00:00:00Z");
    await setAssignmentDue(teacher, cls.id, id, new Date("2030-03-10T15:59:59.999Z"), later);
    await expect(setAssignmentDue(teacher, cls.id, id, new Date("2030-03-20T15:59:59.999Z"), later)).rejects.toMatchObject({ code: "INVALID", field: "dueAt" });
  });
});
