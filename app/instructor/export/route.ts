import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/server/auth/session";
import { loadExportBank, parseExportScope } from "@/lib/server/data/question-export";
import { errorResponse } from "@/lib/server/http";
import { canTeach } from "@/lib/schemas/roles";
import { FORMAT_FILES, isExportFormat } from "@/lib/export/formats";

/**
 * The reviewed question bank as a file (decisions/0031): `?format=moodle|gift|qti|anki` and
 * `scope=lesson:<slug>|sector:<id>|selected` (with `id=` for each ticked question). Instructors and admins.
 */
export async function GET(request: Request) {
  const [user, te] = await Promise.all([getCurrentUser(), getTranslations("instructor.errors")]);
  if (!user) return Response.json({ error: te("signInFirst") }, { status: 401 });
  if (!canTeach(user.role)) return Response.json({ error: te("instructorsOnly") }, { status: 403 });
  const params = new URL(request.url).searchParams;
  const format = params.get("format");
  const scope = parseExportScope(params.get("scope"), params.getAll("id"));
  if (!isExportFormat(format)) return Response.json({ error: te("exportFormat") }, { status: 422 });
  if (!scope) return Response.json({ error: te("exportScope") }, { status: 422 });
  try {
    const bank = await loadExportBank(user, scope);
    const file = FORMAT_FILES[format];
    const filename = `${bank.fileBase}.${file.extension}`;
    return new Response(file.write(bank), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${encodeURIComponent(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
