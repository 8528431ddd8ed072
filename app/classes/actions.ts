"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/server/auth/session";
import { actionId, actionOrFailurePage, actionState, formText } from "@/lib/server/action-input";
import { joinClass, leaveClass } from "@/lib/server/data/classes";
import { getTranslations } from "next-intl/server";

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
      const t = await getTranslations("classes.join");
      const code = codeSchema.safeParse(formText(formData, "code"));
      if (!code.success) return { ok: false, message: "", error: t(code.error.issues[0]?.code === "too_big" ? "codeTooLong" : "codeRequired") };
      const cls = await joinClass(user, code.data);
      revalidatePath("/classes");
      return { ok: true, message: t("joined", { name: cls.name }) };
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
