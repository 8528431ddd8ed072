import { z } from "zod";

/** What a lesson page renders, stored as the Lesson.body JSON by content:sync and validated on read. */
export const lessonBodySchema = z.object({
  sections: z.array(
    z.object({
      id: z.string(),
      heading: z.string().nullable(),
      paragraphs: z.array(
        z.object({
          id: z.string(),
          sentences: z.array(z.object({ id: z.string(), text: z.string() })),
        }),
      ),
    }),
  ),
  /** Figures to highlight: the text as written, in the sentence that holds it. */
  figures: z.array(z.object({ id: z.string(), sentenceId: z.string(), text: z.string(), kind: z.string() })),
});

export type LessonBody = z.infer<typeof lessonBodySchema>;

/** Words for English, characters for Chinese: what reading speed is measured in. */
export function countReadingUnits(text: string): { words: number; cjkChars: number } {
  const cjkChars = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  const words = (text.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, " ").match(/[A-Za-z0-9][\w'’.-]*/g) ?? []).length;
  return { words, cjkChars };
}

/** Minutes at 230 English words or 400 Chinese characters a minute (typical adult silent reading). */
export function readingMinutes(text: string): number {
  const { words, cjkChars } = countReadingUnits(text);
  return Math.max(1, Math.round(words / 230 + cjkChars / 400));
}
