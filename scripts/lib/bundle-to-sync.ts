import type { ContentBundle } from "@/lib/quizgen/schema";
import { slugFromFileName } from "@/lib/quizgen/parse-document";
import type { SyncInput } from "@/lib/server/data/content-sync";

/** Maps the generator's bundle onto what the database keeps: lesson bodies without boilerplate. */
export function bundleToSyncInput(bundle: ContentBundle): SyncInput {
  return {
    lessons: bundle.documents.map((d) => ({
      slug: d.slug,
      title: d.title,
      language: d.language,
      source: d.source,
      body: {
        sections: d.sections
          .map((s) => ({ id: s.id, heading: s.heading, paragraphs: s.paragraphs.filter((p) => !p.boilerplate).map((p) => ({ id: p.id, sentences: p.sentences })) }))
          .filter((s) => s.paragraphs.length > 0 || s.heading),
        figures: bundle.figures.filter((f) => f.documentSlug === d.slug).map((f) => ({ id: f.id, sentenceId: f.sentenceId, text: f.text, kind: f.kind })),
      },
    })),
    sectors: bundle.sectors.map((s) => ({ id: s.id, nameEn: s.nameEn, nameZh: s.nameZh, parentId: s.parentId })),
    questions: [
      ...bundle.questions.map((q) => ({ id: q.id, lessonSlug: q.documentSlug, language: q.language, type: q.type, sourceSentenceId: q.source.sentenceId, factId: q.factId ?? null, sectorIds: q.sectorIds, payload: q })),
      ...(bundle.reviewOnlyQuestions ?? []).map((q) => ({ id: q.id, lessonSlug: q.documentSlug, language: q.language, type: q.type, sourceSentenceId: q.source.sentenceId, factId: q.factId ?? null, sectorIds: q.sectorIds, payload: q, reviewOnly: true })),
    ],
    failedSlugs: bundle.errors.map((e) => e.slug ?? slugFromFileName(e.file)),
    retireMissingLessons: bundle.errors.length === 0,
  };
}
