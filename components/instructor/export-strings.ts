import type { ExportFormat } from "@/lib/export/formats";

/** Every string of the question export form, in one place (for the instructor pages' translation). */
export const EXPORT_STRINGS = {
  heading: "Export questions",
  intro: "Download the questions as you see them (your edits applied, retired questions left out), each with its source sentence and id, for an LMS or for self-study.",
  format: "Format",
  scope: "Questions",
  lessons: "Lessons",
  sectors: "Sectors",
  selected: "The questions ticked in the table below",
  tick: (stem: string) => `Export: ${stem}`,
  tickColumn: "Export",
  submit: "Download",
  formats: {
    moodle: "Moodle XML",
    gift: "GIFT (Moodle, plain text)",
    qti: "QTI 2.1 package (Canvas, Blackboard …)",
    anki: "Anki deck (.apkg)",
  } satisfies Record<ExportFormat, string>,
} as const;
