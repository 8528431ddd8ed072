import { describe, expect, it } from "vitest";
import { factIdsMissed, factsOf, inReadingOrder, type FactQuestion } from "./facts";
import { questionForReview, reviewSeed } from "./formats";
import { dayStart, summarizeQueue, type QueuedCard } from "./queue";
import { dueForecast, effectiveReviews, retentionByInterval, reviewsPerDay, type LogEntry } from "./stats";

// Questions of a lesson that is not among the seeds (tea growing), in English and Chinese.
const questions: FactQuestion[] = [
  { id: "tea:mc:1", lessonSlug: "tea", type: "figure-mc", factId: "figure:tea:f1", sectorIds: ["agriculture"], sourceSentenceId: "tea:s5" },
  { id: "tea:typed:1", lessonSlug: "tea", type: "figure-typed", factId: "figure:tea:f1", sectorIds: ["agriculture"], sourceSentenceId: "tea:s5" },
  { id: "tea:tf:1", lessonSlug: "tea", type: "true-false", factId: "figure:tea:f1", sectorIds: ["beverages"], sourceSentenceId: "tea:s5" },
  { id: "tea:sector:2", lessonSlug: "tea", type: "sector-id", factId: "sector:tea:s2:agriculture", sectorIds: ["agriculture"], sourceSentenceId: "tea:s2" },
  { id: "tea:match", lessonSlug: "tea", type: "matching", factId: null, sectorIds: ["agriculture"], sourceSentenceId: "tea:s1" },
  { id: "茶:typed:3", lessonSlug: "cha", type: "figure-typed", factId: "figure:茶:f3", sectorIds: ["农业"], sourceSentenceId: "茶:s3" },
];

describe("card creation", () => {
  it("makes one fact per factId, with the sectors of all its questions, and none for multi-fact types", () => {
    expect(factsOf(questions)).toEqual([
      { factId: "figure:tea:f1", lessonSlug: "tea", sectorIds: ["agriculture", "beverages"], sentenceId: "tea:s5" },
      { factId: "sector:tea:s2:agriculture", lessonSlug: "tea", sectorIds: ["agriculture"], sentenceId: "tea:s2" },
      { factId: "figure:茶:f3", lessonSlug: "cha", sectorIds: ["农业"], sentenceId: "茶:s3" },
    ]);
  });

  it("orders facts as the lesson reads, facts from unknown sentences last", () => {
    const ordered = inReadingOrder(factsOf(questions.filter((q) => q.lessonSlug === "tea")), ["tea:s1", "tea:s2", "tea:s3", "tea:s4", "tea:s5"]);
    expect(ordered.map((f) => [f.factId, f.position])).toEqual([
      ["sector:tea:s2:agriculture", 1],
      ["figure:tea:f1", 4],
    ]);
    expect(inReadingOrder(factsOf(questions), ["tea:s5"]).map((f) => f.position)).toEqual([0, 1, 1]);
  });

  it("makes a card for each fact answered wrong in a quiz, once, and none for right answers", () => {
    const responses = [
      { questionId: "tea:mc:1", correct: false },
      { questionId: "tea:tf:1", correct: false },
      { questionId: "tea:sector:2", correct: true },
      { questionId: "茶:typed:3", correct: false },
      { questionId: "tea:match", correct: false },
    ];
    expect(factIdsMissed(responses, questions)).toEqual(["figure:tea:f1", "figure:茶:f3"]);
    expect(factIdsMissed([{ questionId: "tea:sector:2", correct: true }], questions)).toEqual([]);
  });
});

describe("format rotation", () => {
  const fact = questions.filter((q) => q.factId === "figure:tea:f1");
  it("steps through every format of the fact, one per review", () => {
    const seen = [0, 1, 2].map((reps) => questionForReview(fact, "card-1", reps)!.type);
    expect(new Set(seen)).toEqual(new Set(["figure-mc", "figure-typed", "true-false"]));
    expect(questionForReview(fact, "card-1", 3)).toEqual(questionForReview(fact, "card-1", 0));
  });
  it("never asks the same format twice in a row when the fact has two or more", () => {
    // Two multiple-choice questions and one typed: formats alternate, the two MC questions take turns.
    const qs = [
      { id: "a-mc", type: "figure-mc" },
      { id: "b-mc", type: "figure-mc" },
      { id: "c-typed", type: "figure-typed" },
    ];
    for (const card of ["card-1", "card-2", "card-3"]) {
      const seen = Array.from({ length: 8 }, (_, reps) => questionForReview(qs, card, reps)!);
      for (let i = 1; i < seen.length; i++) expect(seen[i].type, `${card} review ${i}`).not.toBe(seen[i - 1].type);
      expect(new Set(seen.map((q) => q.id))).toEqual(new Set(["a-mc", "b-mc", "c-typed"]));
    }
  });
  it("ignores formats a review cannot ask, and gives null when none is left", () => {
    expect(questionForReview([questions[4]], "card-1", 0)).toBeNull();
  });
  it("shuffles options differently at each review", () => {
    expect(reviewSeed("card-1", 0)).not.toBe(reviewSeed("card-1", 1));
  });
});

describe("the queue", () => {
  const now = new Date("2026-05-10T12:00:00Z");
  const card = (id: string, state: number, due: string, origin = "lesson", created = "2026-05-01T00:00:00Z", position = 0): QueuedCard => ({ id, state, due: new Date(due), origin, createdAt: new Date(created), position, factId: id });
  const cards = [
    card("new-lesson", 0, "2026-05-01T00:00:00Z", "lesson", "2026-05-01T00:00:00Z"),
    card("new-missed", 0, "2026-05-01T00:00:00Z", "wrong-answer", "2026-05-02T00:00:00Z"),
    card("due-late", 2, "2026-05-10T11:00:00Z"),
    card("due-early", 1, "2026-05-09T11:00:00Z"),
    card("later", 1, "2026-05-10T12:10:00Z"),
  ];
  it("shows due cards first, oldest due first, then new ones from missed answers first", () => {
    expect(summarizeQueue(cards, now, 20)).toMatchObject({ due: 2, newToday: 2, next: { id: "due-early" }, nextDueAt: new Date("2026-05-10T12:10:00Z") });
    const onlyNew = cards.filter((c) => c.state === 0);
    expect(summarizeQueue(onlyNew, now, 20).next?.id).toBe("new-missed");
  });
  it("introduces the cards of one studied lesson in reading order", () => {
    const batch = [card("z-first", 0, "2026-05-01T00:00:00Z", "lesson", "2026-05-03T00:00:00Z", 0), card("a-third", 0, "2026-05-01T00:00:00Z", "lesson", "2026-05-03T00:00:00Z", 9), card("m-second", 0, "2026-05-01T00:00:00Z", "lesson", "2026-05-03T00:00:00Z", 4)];
    expect(summarizeQueue(batch, now, 20).next?.id).toBe("z-first");
    expect(summarizeQueue(batch.slice(1), now, 20).next?.id).toBe("m-second");
  });
  it("stops introducing new cards when today's allowance is used", () => {
    const onlyNew = cards.filter((c) => c.state === 0);
    expect(summarizeQueue(onlyNew, now, 0)).toMatchObject({ due: 0, newToday: 0, next: null });
    expect(summarizeQueue(onlyNew, now, 1).newToday).toBe(1);
  });
  it("days start at midnight UTC for a learner without a zone, at local midnight for one with", () => {
    expect(dayStart(new Date("2026-05-10T23:59:59Z"))).toEqual(new Date("2026-05-10T00:00:00Z"));
    expect(dayStart(new Date("2026-05-10T23:59:59Z"), "Asia/Shanghai")).toEqual(new Date("2026-05-10T16:00:00Z"));
    expect(dayStart(new Date("2026-05-10T03:00:00Z"), "America/Los_Angeles")).toEqual(new Date("2026-05-09T07:00:00Z"));
  });
});

describe("statistics", () => {
  const now = new Date("2026-05-10T12:00:00Z");
  const log = (id: string, reviewedAt: string, rating: number, stateBefore = 2, elapsedDays = 1, kind = "review", undoesId: string | null = null): LogEntry => ({ id, kind, undoesId, reviewedAt: new Date(reviewedAt), rating, stateBefore, elapsedDays });
  const logs = [
    log("a", "2026-05-08T10:00:00Z", 3, 2, 1),
    log("b", "2026-05-10T10:00:00Z", 1, 2, 5),
    log("c", "2026-05-10T10:05:00Z", 4, 0, 0),
    log("d", "2026-05-10T10:06:00Z", 3, 2, 40),
    log("u", "2026-05-10T10:07:00Z", 0, 2, 0, "undo", "d"),
  ];
  it("an undo cancels its review without changing the log", () => {
    expect(effectiveReviews(logs).map((l) => l.id)).toEqual(["a", "b", "c"]);
  });
  it("counts reviews per day for the calendar", () => {
    const perDay = reviewsPerDay(effectiveReviews(logs), now, 3);
    expect(perDay).toEqual([{ day: "2026-05-08", count: 1 }, { day: "2026-05-09", count: 0 }, { day: "2026-05-10", count: 2 }]);
  });
  it("counts the learner's days: a review at 20:00 UTC falls on the next day in Shanghai", () => {
    const late = [log("x", "2026-05-09T20:00:00Z", 3)];
    expect(reviewsPerDay(late, now, 2)).toEqual([{ day: "2026-05-09", count: 1 }, { day: "2026-05-10", count: 0 }]);
    expect(reviewsPerDay(late, now, 2, "Asia/Shanghai")).toEqual([{ day: "2026-05-09", count: 0 }, { day: "2026-05-10", count: 1 }]);
    // Due at 20:00 UTC on 10 May: today in UTC, tomorrow in Shanghai.
    const card = [{ due: new Date("2026-05-10T20:00:00Z"), state: 2 }];
    expect(dueForecast(card, now, 2).map((d) => d.count)).toEqual([1, 0]);
    expect(dueForecast(card, now, 2, "Asia/Shanghai")).toEqual([{ day: "2026-05-10", count: 0 }, { day: "2026-05-11", count: 1 }]);
  });
  it("forecasts due cards per day, overdue ones today, new ones not at all", () => {
    const forecast = dueForecast([{ due: new Date("2026-05-01T00:00:00Z"), state: 2 }, { due: new Date("2026-05-12T08:00:00Z"), state: 2 }, { due: now, state: 0 }, { due: new Date("2026-07-01T00:00:00Z"), state: 2 }], now, 30);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: "2026-05-10", count: 1 });
    expect(forecast[2]).toEqual({ day: "2026-05-12", count: 1 });
    expect(forecast.reduce((s, d) => s + d.count, 0)).toBe(2);
  });
  it("true retention counts reviews of learnt cards by interval, passed unless Again", () => {
    const { rows, overall } = retentionByInterval(effectiveReviews(logs));
    expect(overall).toMatchObject({ reviews: 2, passed: 1, retention: 0.5 });
    expect(rows[0]).toMatchObject({ label: "up to 1 day", reviews: 1, passed: 1, retention: 1 });
    expect(rows[2]).toMatchObject({ label: "4–7 days", reviews: 1, passed: 0, retention: 0 });
    expect(rows[5].retention).toBeNull();
  });
});
