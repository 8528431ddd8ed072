"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionUser } from "@/lib/server/auth/session";
import { assign, createClass, removeStudent } from "@/lib/server/data/classes";
import { editQuestion, editScopeOf, setQuestionRetired } from "@/lib/server/data/question-review";
import { AppError } from "@/lib/server/errors";

export interface FormState {
  ok: boolean;
  message: string;
  errors: Record<string, string>;
}

async function asFormState(work: () => Promise<string>): Promise<FormState> {
  try {
    return { ok: true, message: await work(), errors: {} };
  } catch (error) {
    if (error instanceof z.ZodError) {
      return { ok: false, message: "", errors: Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message])) };
    }
    if (error instanceof AppError) return { ok: false, message: error.field ? "" : error.message, errors: error.field ? { [error.field]: error.message } : {} };
    throw error;
  }
}

const classNameSchema = z.object({ name: z.string().trim().min(1, { message: "Give the class a name." }).max(100, { message: "Use at most 100 characters." }) });

export async function createClassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireActionUser();
  let id = "";
  const state = await asFormState(async () => {
    const { name } = classNameSchema.parse({ name: formData.get("name") });
    id = (await createClass(user, name)).id;
    return "Class created.";
  });
  if (state.ok) redirect(`/instructor/classes/${id}`);
  return state;
}

const assignSchema = z.object({
  target: z.string().regex(/^(lesson|sector):.+$/, { message: "Choose a lesson or a sector." }),
  dueAt: z
    .string()
    .optional()
    .transform((v) => (v ? new Date(`${v}T23:59:59`) : null))
    .refine((d) => d === null || !Number.isNaN(d.getTime()), { message: "Enter a valid date." }),
});

export async function assignAction(classId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireActionUser();
  return asFormState(async () => {
    const input = assignSchema.parse({ target: formData.get("target"), dueAt: formData.get("dueAt") || undefined });
    const [scope, ...rest] = input.target.split(":");
    await assign(user, classId, { scope: scope as "lesson" | "sector", scopeId: rest.join(":"), dueAt: input.dueAt });
    revalidatePath(`/instructor/classes/${classId}`);
    return "Assigned.";
  });
}

export async function removeStudentAction(classId: string, studentId: string): Promise<void> {
  const user = await requireActionUser();
  await removeStudent(user, classId, studentId);
  revalidatePath(`/instructor/classes/${classId}`);
}

export async function setRetiredAction(questionId: string, retired: boolean): Promise<void> {
  const user = await requireActionUser();
  await setQuestionRetired(user, questionId, retired);
  revalidatePath("/instructor/questions");
  revalidatePath(`/instructor/questions/${questionId}`);
}

const editSchema = z.object({
  stem: z.string().trim().min(5, { message: "The question needs at least 5 characters." }).max(1000),
  explanation: z.string().trim().max(2000),
});

export async function editQuestionAction(questionId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireActionUser();
  return asFormState(async () => {
    const input = editSchema.parse({ stem: formData.get("stem"), explanation: formData.get("explanation") ?? "" });
    const optionTexts: Record<string, string> = {};
    for (const [key, value] of formData.entries()) {
      if (key.startsWith("option:")) {
        const text = String(value).trim();
        if (!text) throw new AppError("INVALID", "Options cannot be empty.", "options");
        optionTexts[key.slice("option:".length)] = text;
      }
    }
    await editQuestion(user, questionId, { ...input, optionTexts: Object.keys(optionTexts).length ? optionTexts : undefined });
    revalidatePath(`/instructor/questions/${questionId}`);
    return `Saved for ${editScopeOf(user).description}. New quizzes there use this version.`;
  });
}
