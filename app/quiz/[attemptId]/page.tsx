import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { attemptSubject, getAttemptView } from "@/lib/server/data/attempts";
import { AppError } from "@/lib/server/errors";
import { QuizRunner } from "@/components/quiz/quiz-runner";
import { getLocale, getTranslations } from "next-intl/server";

type Props = { params: Promise<{ attemptId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const subject = await attemptSubject(await requireUser(), (await params).attemptId, await getLocale());
  const t = await getTranslations("quiz");
  return { title: subject ? t("title", { subject }) : t("titlePlain") };
}

export default async function QuizPage({ params }: Props) {
  const user = await requireUser();
  const { attemptId } = await params;
  const view = await getAttemptView(user, attemptId).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (view.finished) redirect(`/quiz/${attemptId}/results`);
  return <QuizRunner view={view} />;
}
