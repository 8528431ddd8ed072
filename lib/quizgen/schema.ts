import { z } from "zod";

/**
 * The content bundle that `npm run content:build` writes and `content:sync` reads. Validated on
 * write and on read; docs/content-format.md describes it for people.
 */
export const languageSchema = z.enum(["en", "zh"]);
export const figureKindSchema = z.enum(["percent", "money", "count", "ratio", "year", "other"]);
export const questionTypeSchema = z.enum(["figure-mc", "figure-typed", "sector-id", "matching", "true-false", "ordering"]);

const sentenceSchema = z.object({ id: z.string(), text: z.string() });
const paragraphSchema = z.object({ id: z.string(), boilerplate: z.boolean(), sentences: z.array(sentenceSchema) });
const sectionSchema = z.object({ id: z.string(), heading: z.string().nullable(), paragraphs: z.array(paragraphSchema) });

export const documentSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  language: languageSchema,
  source: z.string().nullable(),
  sections: z.array(sectionSchema),
});

export const figureSchema = z.object({
  id: z.string(),
  documentSlug: z.string(),
  sentenceId: z.string(),
  text: z.string(),
  value: z.number(),
  kind: figureKindSchema,
  unit: z.string().nullable(),
  currency: z.string().nullable(),
  scale: z.string().nullable(),
  decimals: z.number().int().min(0),
  hedge: z.string().nullable(),
  subject: z.string().nullable(),
  measure: z.string().nullable(),
  time: z.string().nullable(),
  sectorIds: z.array(z.string()),
});

export const sectorEntrySchema = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  parentId: z.string().nullable(),
  mentions: z.array(z.object({ documentSlug: z.string(), sentenceId: z.string() })),
});

const optionSchema = z.object({ id: z.string(), text: z.string() });

export const questionSchema = z.object({
  id: z.string(),
  documentSlug: z.string(),
  language: languageSchema,
  type: questionTypeSchema,
  stem: z.string().min(1),
  options: z.array(optionSchema).nullable(),
  answerText: z.string().min(1),
  correctOptionId: z.string().nullable().optional(),
  answerValue: z.number().nullable().optional(),
  tolerance: z.number().nullable().optional(),
  answerKind: figureKindSchema.nullable().optional(),
  answerUnit: z.string().nullable().optional(),
  /** figure-typed: the example answers the input's hint shows, none of them a figure of the lesson. */
  typedExamples: z.array(z.string()).optional(),
  pairs: z.array(z.object({ left: z.string(), right: z.string() })).nullable().optional(),
  answerBool: z.boolean().nullable().optional(),
  correctOrder: z.array(z.string()).nullable().optional(),
  explanation: z.string(),
  source: z.object({ sentenceId: z.string(), quote: z.string() }),
  figureIds: z.array(z.string()),
  sectorIds: z.array(z.string()),
  /**
   * The one fact the question tests (a figure, or the sector a sentence is about), shared by every
   * question on it so spaced-repetition cards are per fact. Absent for matching and ordering.
   */
  factId: z.string().optional(),
});

export const rejectedSchema = z.object({
  documentSlug: z.string(),
  type: questionTypeSchema,
  stem: z.string(),
  sentenceId: z.string(),
  reasons: z.array(z.string()).min(1),
});

export const buildErrorSchema = z.object({ file: z.string(), slug: z.string().nullable(), message: z.string() });

export const contentBundleSchema = z.object({
  generatorVersion: z.string(),
  documents: z.array(documentSchema),
  figures: z.array(figureSchema),
  sectors: z.array(sectorEntrySchema),
  questions: z.array(questionSchema),
  /**
   * Valid questions the per-sentence cap left out that test one fact in a review format: stored
   * as review-only, so a fact's reviews change format; never in quizzes (decisions/0039).
   */
  reviewOnlyQuestions: z.array(questionSchema).optional(),
  rejected: z.array(rejectedSchema),
  errors: z.array(buildErrorSchema),
});

export type Language = z.infer<typeof languageSchema>;
export type FigureKind = z.infer<typeof figureKindSchema>;
export type QuestionType = z.infer<typeof questionTypeSchema>;
export type ParsedDocument = z.infer<typeof documentSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type SectorEntry = z.infer<typeof sectorEntrySchema>;
export type Question = z.infer<typeof questionSchema>;
export type RejectedDraft = z.infer<typeof rejectedSchema>;
export type BuildError = z.infer<typeof buildErrorSchema>;
export type ContentBundle = z.infer<typeof contentBundleSchema>;
