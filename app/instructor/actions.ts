"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionUser } from "@/lib/server/auth/session";
import { actionId, actionOrFailurePage, actionState, formText, formTextsByPrefix, parseField } from "@/lib/server/action-input";
import { assign, createClass, removeAssignment, removeStudent, requireClassInstructor, setAssignmentDue } from "@/lib/server/data/classes";
import { now } from "@/lib/server/clock";
import { endOfDayIn, knownTimeZone } from "@/lib/time-zone";
import { editQuestion, editScopeOf, setQuestionRetired } from "@/lib/server/data/question-review";
import { AppError } from "@/lib/server/errors";

export interface FormState {
  ok: boolean;
  message: string;
  errors: Record<string, string>;
}

/** Runs a form's work; a known failure (signed out, not yours, bad input) becomes the form's message. */
function asFormState(work: () => Promise<string>): Promise<FormState> {
  return actionState<FormState>(
    async () => ({ ok: true, message: await work(), errors: {} }),
    (message, field) => ({ ok: false, message: field ? "" : message, errors: field ? { [field]: message } : {} }),
  );
}

const classNameSchema = z.object({ name: z.string().trim().min(1, { message: "Give the class a name." }).max(100, { message: "Use at most 100 characters." }) });

export async function createClassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id = "";
  const state = await asFormState(async () => {
    const user = await requireActionUser();
    const { name } = parseField(classNameSchema, { name: formText(formData, "name") });
    // The creator's browser fills in its time zone (create-class-form.tsx); without it, UTC.
    id = (await createClass(user, name, knownTimeZone(formText(formData, "timeZone", 100)))).id;
    return "Class created.";
  });
  if (state.ok) redirect(`/instructor/classes/${id}`);
  return state;
}

/** A due day as the date input sends it ("2030-06-30"), or none. */
const dueAtField = z
  .string()
  .optional()
  .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), { message: "Enter a valid date." });

/** The end of the chosen day in the class's time zone (decisions/0024); an impossible day is INVALID. */
function dueAtIn(day: string | undefined, timeZone: string): Date | null {
  if (!day) return null;
  const end = endOfDayIn(day, timeZone);
  if (!end) throw new AppError("INVALID", "Enter a valid date.", "dueAt");
  return end;
}

const assignSchema = z.object({
  target: z.string().regex(/^(lesson|sector):.+$/, { message: "Choose a lesson or a sector." }),
  dueAt: dueAtField,
});

export async function assignAction(classId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return asFormState(async () => {
    const user = await requireActionUser();
    const id = actionId(classId);
    const input = parseField(assignSchema, { target: formText(formData, "target"), dueAt: formText(formData, "dueAt") || undefined });
    const cls = await requireClassInstructor(user, id);
    const [scope, ...rest] = input.target.split(":");
    await assign(user, id, { scope: scope as "lesson" | "sector", scopeId: rest.join(":"), dueAt: dueAtIn(input.dueAt, cls.timeZone) }, await now());
    revalidatePath(`/instructor/classes/${id}`);
    return "Assigned.";
  });
}

export async function setAssignmentDueAction(classId: string, assignmentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return asFormState(async () => {
    const user = await requireActionUser();
    const id = actionId(classId);
    const { dueAt } = parseField(z.object({ dueAt: dueAtField }), { dueAt: formText(formData, "dueAt") || undefined });
    const cls = await requireClassInstructor(user, id);
    await setAssignmentDue(user, id, actionId(assignmentId), dueAtIn(dueAt, cls.timeZone), await now());
    revalidatePath(`/instructor/classes/${id}`);
    return dueAt ? "Due date saved." : "Due date removed.";
  });
}

export async function removeAssignmentAction(classId: string, assignmentId: string): Promise<void> {
  await actionOrFailurePage(async () => {
    const user = await requireActionUser();
    const id = actionId(classId);
    await removeAssignment(user, id, actionId(assignmentId));
    revalidatePath(`/instructor/classes/${id}`);
  });
}

export async function removeStudentAction(classId: string, studentId: string): Promise<void> {
  await actionOrFailurePage(async () => {
    const user = await requireActionUser();
    await removeStudent(user, actionId(classId), actionId(studentId));
    revalidatePath(`/instructor/classes/${classId}`);
  });
}

export async function setRetiredAction(questionId: string, retired: boolean): Promise<void> {
  await actionOrFailurePage(async () => {
    const user = await requireActionUser();
    const id = actionId(questionId);
    await setQuestionRetired(user, id, parseField(z.boolean(), retired));
    revalidatePath("/instructor/questions");
    revalidatePath(`/instructor/questions/${id}`);
  });
}

const editSchema = z.object({
  stem: z.string().trim().min(5, { message: "The question needs at least 5 characters." }).max(1000),
  explanation: z.string().trim().max(2000),
});

export async function editQuestionAction(questionId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return asFormState(async () => {
    const user = await requireActionUser();
    const id = actionId(questionId);
    const input = parseField(editSchema, { stem: formText(formData, "stem"), explanation: formText(formData, "explanation") });
    const optionTexts: Record<string, string> = {};
    for (const [optionId, value] of Object.entries(formTextsByPrefix(formData, "option:", 500))) {
      const text = value.trim();
      if (!text) throw new AppError("INVALID", "Options cannot be empty.", "options");
      optionTexts[optionId] = text;
    }
    await editQuestion(user, id, { ...input, optionTexts: Object.keys(optionTexts).length ? optionTexts : undefined });
    revalidatePath(`/instructor/questions/${id}`);
    return `Saved for ${editScopeOf(user).description}. New quizzes there use this version.`;
  });
}
