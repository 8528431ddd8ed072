"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/server/auth/session";
import { joinClass, leaveClass } from "@/lib/server/data/classes";
import { AppError } from "@/lib/server/errors";

export interface JoinState {
  ok: boolean;
  message: string;
  error?: string;
}

const codeSchema = z.string().trim().min(1, { message: "Enter the code your instructor gave you." }).max(20, { message: "Codes are 6 characters." });

export async function joinClassAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  const user = await requireActionUser();
  const parsed = codeSchema.safeParse(formData.get("code") ?? "");
  if (!parsed.success) return { ok: false, message: "", error: parsed.error.issues[0].message };
  try {
    const cls = await joinClass(user, parsed.data);
    revalidatePath("/classes");
    return { ok: true, message: `You joined ${cls.name}.` };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: "", error: error.message };
    throw error;
  }
}

export async function leaveClassAction(classId: string): Promise<void> {
  const user = await requireActionUser();
  await leaveClass(user, classId);
  revalidatePath("/classes");
}
