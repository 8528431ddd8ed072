import "server-only";
import { randomInt } from "node:crypto";
import { visibleLessonWhere } from "@/lib/server/data/visibility";
import { db } from "@/lib/server/db";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import { canTeach } from "@/lib/schemas/roles";
import { isClassWork, scoredAttempt } from "@/lib/server/data/class-work";
import { scopeTitles } from "@/lib/server/data/scope-titles";
import type { Locale } from "@/i18n/config";
import { knownTimeZone } from "@/lib/time-zone";

/** A due date already over is refused where it is entered (decisions/0023). */
function refusePastDue(dueAt: Date | null, now: Date) {
  if (dueAt && dueAt.getTime() < now.getTime()) throw new AppError("INVALID", "That day is already over in the class's time zone: choose today or a later day.", "dueAt");
}

// No 0/O or 1/I: codes are read aloud and copied from a board.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function newJoinCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/**
 * The class, if the viewer may manage it: one of its instructors, or an admin. Anyone else gets
 * NOT_FOUND, so class ids cannot be probed.
 */
export async function requireClassInstructor(viewer: SessionUser, classId: string) {
  const found = await db().class.findUnique({
    where: { id: classId },
    select: { id: true, name: true, joinCode: true, timeZone: true, createdAt: true, instructors: { where: { userId: viewer.id }, select: { userId: true } } },
  });
  if (!found || (viewer.role !== "ADMIN" && found.instructors.length === 0)) throw new AppError("NOT_FOUND", "This class does not exist.");
  const { instructors: _mine, ...cls } = found;
  return cls;
}

/** `timeZone`: where the class's due days end (an IANA name; anything unknown becomes UTC). */
export async function createClass(viewer: SessionUser, name: string, timeZone = "UTC"): Promise<{ id: string; joinCode: string }> {
  if (!canTeach(viewer.role)) throw new AppError("FORBIDDEN", "Only instructors can create classes.");
  for (let tries = 0; tries < 5; tries++) {
    try {
      return await db().class.create({
        data: { name, joinCode: newJoinCode(), timeZone: knownTimeZone(timeZone), instructors: { create: { userId: viewer.id } } },
        select: { id: true, joinCode: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // code taken: draw another
    }
  }
  throw new Error("Could not find a free join code.");
}

export async function listTaughtClasses(viewer: SessionUser) {
  if (!canTeach(viewer.role)) throw new AppError("FORBIDDEN", "Only instructors have classes to teach.");
  return db().class.findMany({
    where: viewer.role === "ADMIN" ? {} : { instructors: { some: { userId: viewer.id } } },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, joinCode: true, _count: { select: { enrollments: true, assignments: true } } },
  });
}

/** A student joins with the code; joining twice is harmless. */
export async function joinClass(viewer: SessionUser, code: string): Promise<{ id: string; name: string }> {
  const cls = await db().class.findUnique({ where: { joinCode: code.trim().toUpperCase() }, select: { id: true, name: true } });
  if (!cls) throw new AppError("NOT_FOUND", "No class has this code. Check it with your instructor.", "code");
  await db().enrollment.upsert({ where: { classId_userId: { classId: cls.id, userId: viewer.id } }, create: { classId: cls.id, userId: viewer.id }, update: {} });
  return cls;
}

export async function leaveClass(viewer: SessionUser, classId: string): Promise<void> {
  await db().enrollment.deleteMany({ where: { classId, userId: viewer.id } });
}

export async function removeStudent(viewer: SessionUser, classId: string, studentId: string): Promise<void> {
  await requireClassInstructor(viewer, classId);
  await db().enrollment.deleteMany({ where: { classId, userId: studentId } });
}

export async function assign(viewer: SessionUser, classId: string, input: { scope: "lesson" | "sector"; scopeId: string; dueAt: Date | null }, now = new Date()) {
  await requireClassInstructor(viewer, classId);
  refusePastDue(input.dueAt, now);
  const lesson = input.scope === "lesson" ? await db().lesson.findFirst({ where: { slug: input.scopeId, ...visibleLessonWhere(viewer) }, select: { ownerId: true } }) : null;
  const exists = input.scope === "lesson" ? lesson !== null : await db().sector.count({ where: { id: input.scopeId } });
  if (!exists) throw new AppError("INVALID", "Choose a lesson or sector that exists.", "scopeId");
  // Assigning one's own lesson publishes it to the class, or its students could not open it (decisions/0033).
  if (lesson?.ownerId) {
    await db().lessonPublication.upsert({ where: { lessonSlug_classId: { lessonSlug: input.scopeId, classId } }, create: { lessonSlug: input.scopeId, classId }, update: {} });
  }
  return db().assignment.upsert({
    where: { classId_scope_scopeId: { classId, scope: input.scope, scopeId: input.scopeId } },
    create: { classId, ...input },
    update: { dueAt: input.dueAt },
    select: { id: true },
  });
}

/** The assignment, if it belongs to a class the viewer manages; anything else is NOT_FOUND. */
async function requireClassAssignment(viewer: SessionUser, classId: string, assignmentId: string) {
  await requireClassInstructor(viewer, classId);
  const found = await db().assignment.findFirst({ where: { id: assignmentId, classId }, select: { id: true, dueAt: true } });
  if (!found) throw new AppError("NOT_FOUND", "This assignment does not exist.");
  return found;
}

/** A new due date must not be over already; keeping the one it has (even if past) is fine. */
export async function setAssignmentDue(viewer: SessionUser, classId: string, assignmentId: string, dueAt: Date | null, now = new Date()): Promise<void> {
  const current = await requireClassAssignment(viewer, classId, assignmentId);
  if (dueAt?.getTime() !== current.dueAt?.getTime()) refusePastDue(dueAt, now);
  await db().assignment.update({ where: { id: assignmentId }, data: { dueAt } });
}

/** Unassigns: the students' attempts stay theirs, but no longer count as this class's work. */
export async function removeAssignment(viewer: SessionUser, classId: string, assignmentId: string): Promise<void> {
  await requireClassAssignment(viewer, classId, assignmentId);
  await db().assignment.delete({ where: { id: assignmentId } });
}

/**
 * The viewer's classes and what is assigned in them, with the viewer's score on each as the class
 * counts it: the first finished quiz on it started after it was set and after joining (class-work.ts).
 */
export async function listMyAssignments(viewer: SessionUser, locale: Locale = "en") {
  const enrollments = await db().enrollment.findMany({
    where: { userId: viewer.id },
    select: { joinedAt: true, class: { select: { id: true, name: true, timeZone: true, assignments: { orderBy: { createdAt: "asc" }, select: { id: true, scope: true, scopeId: true, dueAt: true, createdAt: true } } } } },
  });
  const attempts = await db().attempt.findMany({
    where: { userId: viewer.id, finishedAt: { not: null } },
    select: { id: true, userId: true, scope: true, scopeId: true, startedAt: true, finishedAt: true, score: true },
  });
  const title = await scopeTitles(enrollments.flatMap((e) => e.class.assignments), locale);
  return enrollments.map(({ joinedAt, class: c }) => ({
    ...c,
    assignments: c.assignments.map((a) => {
      const { createdAt: _set, ...shown } = a;
      return { ...shown, title: title(a.scope, a.scopeId), score: scoredAttempt(attempts.filter((t) => isClassWork(t, a, joinedAt)))?.score ?? null };
    }),
  }));
}
