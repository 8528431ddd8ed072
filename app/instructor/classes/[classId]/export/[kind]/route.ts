import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/server/auth/session";
import { exportClassCsv, type CsvHeading, type ExportKind } from "@/lib/server/data/exports";
import { errorResponse } from "@/lib/server/http";
import { canTeach } from "@/lib/schemas/roles";

const KINDS: ExportKind[] = ["table", "questions", "responses"];

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string; kind: string }> }) {
  const [user, te] = await Promise.all([getCurrentUser(), getTranslations("instructor.errors")]);
  if (!user) return Response.json({ error: te("signInFirst") }, { status: 401 });
  if (!canTeach(user.role)) return Response.json({ error: te("instructorsOnly") }, { status: 403 });
  const { classId, kind } = await params;
  if (!KINDS.includes(kind as ExportKind)) return Response.json({ error: te("unknownExport") }, { status: 404 });
  try {
    // Column headings follow the instructor's interface language (decisions/0035); cell values do not.
    const t = await getTranslations("instructor.csv");
    type Column = Parameters<typeof t>[0];
    const heading: CsvHeading = (column, assignment) => (t.has(column as Column) ? t(column as Column, { assignment: assignment ?? "" }) : column);
    const { filename, csv } = await exportClassCsv(user, classId, kind as ExportKind, heading);
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
