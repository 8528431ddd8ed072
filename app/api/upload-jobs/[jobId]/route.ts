import { getCurrentUser } from "@/lib/server/auth/session";
import { AppError, HTTP_STATUS } from "@/lib/server/errors";
import { getJobStatus } from "@/lib/server/data/upload-jobs";
import { jobProgressView } from "@/lib/server/upload-job-view";
import { localizeMessage } from "@/i18n/localize-message";
import { requestLocale } from "@/i18n/request-locale";

const noStore = { "Cache-Control": "no-store" };

/**
 * A document build's progress (decisions/0041), polled by the progress display each second: the
 * stage, its label in the reader's language, the percent, and when done the preview's address.
 * Only the instructor who uploaded it may read it: anyone else's job, or a missing one, is 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ ok: false, error: await localizeMessage("Your session has ended. Sign in again to continue.") }, { status: 401, headers: noStore });
  try {
    const job = await getJobStatus(user, (await params).jobId);
    return Response.json({ ok: true, job: jobProgressView(await requestLocale(), job) }, { headers: noStore });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ ok: false, error: await localizeMessage(error.message, error.translation) }, { status: error.code === "FORBIDDEN" ? 404 : HTTP_STATUS[error.code], headers: noStore });
    throw error;
  }
}
