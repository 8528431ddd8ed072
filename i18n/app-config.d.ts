import type { Locale } from "@/i18n/config";
import type common from "@/messages/en/common.json";
import type auth from "@/messages/en/auth.json";
import type lessons from "@/messages/en/lessons.json";
import type quiz from "@/messages/en/quiz.json";
import type review from "@/messages/en/review.json";
import type dashboard from "@/messages/en/dashboard.json";
import type reviewFsrs from "@/messages/en/review-fsrs.json";
import type errors from "@/messages/en/errors.json";
import type classes from "@/messages/en/classes.json";
import type instructor from "@/messages/en/instructor.json";
import type documents from "@/messages/en/documents.json";
import type uploadJobs from "@/messages/en/upload-jobs.json";

// The English files are the type of every locale's messages, so a misspelt key fails the type check
// (the unit test i18n/messages.test.ts keeps the other locales' keys equal). A new area file needs a
// line here as well.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: {
      common: typeof common;
      auth: typeof auth;
      lessons: typeof lessons;
      quiz: typeof quiz;
      review: typeof review;
      dashboard: typeof dashboard;
      "review-fsrs": typeof reviewFsrs;
      errors: typeof errors;
      classes: typeof classes;
      instructor: typeof instructor;
      documents: typeof documents;
      "upload-jobs": typeof uploadJobs;
    };
  }
}
