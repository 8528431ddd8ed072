import "server-only";
import { db } from "@/lib/server/db";

/**
 * What people call an assignment's lesson or sector: the lesson's title, the sector's English
 * name; the id itself only when it no longer exists. Keyed by "scope:scopeId".
 */
export async function scopeTitles(items: { scope: string; scopeId: string }[]): Promise<(scope: string, scopeId: string) => string> {
  const ids = (scope: string) => [...new Set(items.filter((a) => a.scope === scope).map((a) => a.scopeId))];
  const [lessons, sectors] = await Promise.all([
    db().lesson.findMany({ where: { slug: { in: ids("lesson") } }, select: { slug: true, title: true } }),
    db().sector.findMany({ where: { id: { in: ids("sector") } }, select: { id: true, nameEn: true } }),
  ]);
  const titles = new Map<string, string>([...lessons.map((l) => [`lesson:${l.slug}`, l.title] as const), ...sectors.map((s) => [`sector:${s.id}`, s.nameEn] as const)]);
  return (scope, scopeId) => titles.get(`${scope}:${scopeId}`) ?? scopeId;
}
