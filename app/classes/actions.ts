"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/server/auth/session";
import { actionId, actionOrFailurePage, actionState, formText, parseField } from "@/lib/server/action-input";
import { joinClass, leaveClass } from "@/lib/server/data/classes";

export interface JoinState {
  ok: boolean;
  message: string;
  error?: string;
}

const codeSchema = z.string().trim().min(1, { message: "Enter the code your instructor gave you." }).max(20, { message: "Codes are 6 characters." });

export async function joinClassAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  return actionState<JoinState>(
    async () => {
      const user = await requireActionUser();
      const cls = await joinClass(user, parseField(codeSchema, formText(formData, "code")));
      revalidatePath("/classes");
      return { ok: true, message: `You joined ${cls.name}.` };
    },
    (message) => ({ ok: false, message: "", error: message }),
  );
}

export async function leaveClassAction(classId: string): Promise<void> {
  await actionOrFailurePage(async () => {
    const user = await requireActionUser();
    await leaveClass(user, actionId(classId));
    revalidatePath("/classes");
  });
}
