import { getCurrentUser } from "@/lib/server/auth/session";
import { exportClassCsv, type ExportKind } from "@/lib/server/data/exports";
import { errorResponse } from "@/lib/server/http";
import { canTeach } from "@/lib/schemas/roles";

const KINDS: ExportKind[] = ["table", "questions", "responses"];

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string; kind: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!canTeach(user.role)) return Response.json({ error: "Instructors only." }, { status: 403 });
  const { classId, kind } = await params;
  if (!KINDS.includes(kind as ExportKind)) return Response.json({ error: "Unknown export." }, { status: 404 });
  try {
    const { filename, csv } = await exportClassCsv(user, classId, kind as ExportKind);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${encodeURIComponent(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
