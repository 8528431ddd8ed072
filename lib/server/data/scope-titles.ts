import "server-only";
import { db } from "@/lib/server/db";
import type { Locale } from "@/i18n/config";

/**
 * What people call an assignment's lesson or sector: the lesson's title (in its own language), the
 * sector's name in the reader's; the id itself only when it no longer exists. Keyed by "scope:scopeId".
 */
export async function scopeTitles(items: { scope: string; scopeId: string }[], locale: Locale = "en"): Promise<(scope: string, scopeId: string) => string> {
  const ids = (scope: string) => [...new Set(items.filter((a) => a.scope === scope).map((a) => a.scopeId))];
  const [lessons, sectors] = await Promise.all([
    db().lesson.findMany({ where: { slug: { in: ids("lesson") } }, select: { slug: true, title: true } }),
    db().sector.findMany({ where: { id: { in: ids("sector") } }, select: { id: true, nameEn: true, nameZh: true } }),
  ]);
  const titles = new Map<string, string>([...lessons.map((l) => [`lesson:${l.slug}`, l.title] as const), ...sectors.map((s) => [`sector:${s.id}`, sectorName(s, locale)] as const)]);
  return (scope, scopeId) => titles.get(`${scope}:${scopeId}`) ?? scopeId;
}

/** A sector's name in this interface language. */
export function sectorName(sector: { nameEn: string; nameZh: string }, locale: Locale): string {
  return locale === "zh" ? sector.nameZh : sector.nameEn;
}
