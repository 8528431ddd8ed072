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
import { getTranslations } from "next-intl/server";

export interface FormState {
  ok: boolean;
  message: string;
  errors: Record<string, string>;
}

type ErrorKey = keyof IntlMessages["instructor"]["errors"];
type IntlMessages = import("next-intl").Messages;

/** The English failures the data layer throws, by the key of their translation (messages/<locale>/instructor.json). */
const DATA_FAILURES: [RegExp, ErrorKey][] = [
  [/^That day is already over/, "dueOver"],
  [/^Choose a lesson or sector that exists/, "unknownTarget"],
  [/^Only multiple-choice options can be edited/, "optionsNotEditable"],
  [/^Option (?<id>.+) is not part of this question/, "optionUnknown"],
  [/^“(?<text>.*)” is already the text of another option/, "optionClash"],
  [/^Your session has ended/, "signIn"],
  [/^Only instructors/, "forbidden"],
  [/does not exist\.$/, "notFound"],
  [/^That form could not be read/, "unreadable"],
];

/**
 * A failure's message in the reader's language: the schemas below name message keys, the data
 * layer's own messages are matched to theirs; anything else is shown as it came.
 */
async function translateFailure(message: string): Promise<string> {
  const t = await getTranslations("instructor.errors");
  if (t.has(message as ErrorKey)) return t(message as ErrorKey, { text: "", id: "" });
  for (const [pattern, key] of DATA_FAILURES) {
    const match = pattern.exec(message);
    if (match) return t(key, { text: match.groups?.text ?? "", id: match.groups?.id ?? "" });
  }
  return message;
}

/** Runs a form's work; a known failure (signed out, not yours, bad input) becomes the form's message. */
async function asFormState(work: () => Promise<string>): Promise<FormState> {
  const state = await actionState<FormState & { failure?: { message: string; field?: string } }>(
    async () => ({ ok: true, message: await work(), errors: {} }),
    (message, field) => ({ ok: false, message: "", errors: {}, failure: { message, field } }),
  );
  if (!state.failure) return state;
  const { message, field } = state.failure;
  const text = await translateFailure(message);
  return { ok: false, message: field ? "" : text, errors: field ? { [field]: text } : {} };
}

const classNameSchema = z.object({ name: z.string().trim().min(1, { message: "className" }).max(100, { message: "classNameLong" }) });

export async function createClassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id = "";
  const state = await asFormState(async () => {
    const user = await requireActionUser();
    const { name } = parseField(classNameSchema, { name: formText(formData, "name") });
    // The creator's browser fills in its time zone (create-class-form.tsx); without it, UTC.
    id = (await createClass(user, name, knownTimeZone(formText(formData, "timeZone", 100)))).id;
    return (await getTranslations("instructor.createClass"))("created");
  });
  if (state.ok) redirect(`/instructor/classes/${id}`);
  return state;
}

/** A due day as the date input sends it ("2030-06-30"), or none. */
const dueAtField = z
  .string()
  .optional()
  .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), { message: "date" });

/** The end of the chosen day in the class's time zone (decisions/0024); an impossible day is INVALID. */
function dueAtIn(day: string | undefined, timeZone: string): Date | null {
  if (!day) return null;
  const end = endOfDayIn(day, timeZone);
  if (!end) throw new AppError("INVALID", "date", "dueAt");
  return end;
}

const assignSchema = z.object({
  target: z.string().regex(/^(lesson|sector):.+$/, { message: "target" }),
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
    return (await getTranslations("instructor.assign"))("assigned");
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
    return (await getTranslations("instructor.due"))(dueAt ? "saved" : "removed");
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
  stem: z.string().trim().min(5, { message: "stemShort" }).max(1000, { message: "stemLong" }),
  explanation: z.string().trim().max(2000, { message: "explanationLong" }),
});

export async function editQuestionAction(questionId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return asFormState(async () => {
    const user = await requireActionUser();
    const id = actionId(questionId);
    const input = parseField(editSchema, { stem: formText(formData, "stem"), explanation: formText(formData, "explanation") });
    const optionTexts: Record<string, string> = {};
    for (const [optionId, value] of Object.entries(formTextsByPrefix(formData, "option:", 500))) {
      const text = value.trim();
      if (!text) throw new AppError("INVALID", "optionsEmpty", "options");
      optionTexts[optionId] = text;
    }
    await editQuestion(user, id, { ...input, optionTexts: Object.keys(optionTexts).length ? optionTexts : undefined });
    revalidatePath(`/instructor/questions/${id}`);
    return (await getTranslations("instructor.review"))("saved", { scope: editScopeOf(user).instructorId ? "own" : "shared" });
  });
}
