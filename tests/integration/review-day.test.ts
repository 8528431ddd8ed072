import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { getUserTimeZone, registerStudent, setUserTimeZone, type SessionUser } from "@/lib/server/data/users";
import { answerReview, getReviewSession, saveReviewSettings, studyLesson } from "@/lib/server/data/review";
import { getReviewStats } from "@/lib/server/data/review-stats";
import type { Answer } from "@/lib/schemas/answer";
import { fixtureContent } from "../support/quiz-fixtures";

// The learner's own day (decisions/0040): the daily new-card limit, the calendar and the forecast
// count days from midnight in the learner's zone, not UTC.
const provider = inject("databaseProvider");
const LESSON = "kamut";
const RIGHT: Record<string, Answer> = { mc: { kind: "option", optionId: "c" }, typed: { kind: "typed", text: "2.5 million" }, sector: { kind: "option", optionId: "s1" }, tf: { kind: "bool", value: true } };

let n = 0;
const learner = (): Promise<SessionUser> => registerStudent({ name: `Day ${++n}`, email: `day-${n}-${provider}@example.com`, password: "long-enough-pw" });

/** Answers the first new card the session offers (right), at `now`; cards already learnt are put out of the way. */
async function introduceOne(user: SessionUser, now: Date) {
  await db().reviewCard.updateMany({ where: { userId: user.id, state: { gt: 0 } }, data: { due: new Date("2027-01-01T00:00:00Z") } });
  const session = await getReviewSession(user, {}, now);
  expect(session.card?.isNew).toBe(true);
  const q = session.card!.question;
  await answerReview(user, { cardId: session.card!.id, version: session.card!.version, questionId: q.id, answer: RIGHT[q.id.split("-").pop()!], durationMs: 2000 }, now);
}

beforeAll(async () => {
  await syncContent(fixtureContent(LESSON));
});

describe(`the learner's own day on ${provider}`, () => {
  it("a learner in Asia/Shanghai gets new cards again at local midnight, not at UTC midnight", async () => {
    const user = await learner();
    await setUserTimeZone(user.id, "Asia/Shanghai");
    await studyLesson(user, LESSON, new Date("2026-06-01T00:00:00Z"));
    await saveReviewSettings(user, { desiredRetention: 0.9, newCardsPerDay: 1 });
    // 23:30 on 1 June in Shanghai (15:30 UTC): today's one new card.
    await introduceOne(user, new Date("2026-06-01T15:30:00Z"));
    expect((await getReviewSession(user, {}, new Date("2026-06-01T15:45:00Z"))).newToday).toBe(0);
    // 00:30 on 2 June in Shanghai, still 1 June in UTC: a new day, a new card.
    expect((await getReviewSession(user, {}, new Date("2026-06-01T16:30:00Z"))).newToday).toBe(1);
    await introduceOne(user, new Date("2026-06-01T16:30:00Z"));
    // 08:30 on 2 June in Shanghai, after UTC midnight: the same local day, nothing new.
    expect((await getReviewSession(user, {}, new Date("2026-06-02T00:30:00Z"))).newToday).toBe(0);
    // Shanghai's next midnight (16:00 UTC on 2 June).
    expect((await getReviewSession(user, {}, new Date("2026-06-02T15:59:00Z"))).newToday).toBe(0);
    expect((await getReviewSession(user, {}, new Date("2026-06-02T16:00:00Z"))).newToday).toBe(1);
  });

  it("a learner without a zone keeps UTC days", async () => {
    const user = await learner();
    expect(await getUserTimeZone(user.id)).toBeNull();
    await studyLesson(user, LESSON, new Date("2026-06-01T00:00:00Z"));
    await saveReviewSettings(user, { desiredRetention: 0.9, newCardsPerDay: 1 });
    await introduceOne(user, new Date("2026-06-01T15:30:00Z"));
    expect((await getReviewSession(user, {}, new Date("2026-06-01T16:30:00Z"))).newToday).toBe(0);
    expect((await getReviewSession(user, {}, new Date("2026-06-02T00:00:00Z"))).newToday).toBe(1);
  });

  it("the calendar and the forecast count the learner's days", async () => {
    const user = await learner();
    await setUserTimeZone(user.id, "Asia/Shanghai");
    await studyLesson(user, LESSON, new Date("2026-06-01T00:00:00Z"));
    // 00:30 on 2 June in Shanghai (16:30 UTC on 1 June).
    const at = new Date("2026-06-01T16:30:00Z");
    await introduceOne(user, at);
    const stats = await getReviewStats(user, at);
    expect(stats.reviewsPerDay.at(-1)).toEqual({ day: "2026-06-02", count: 1 });
    expect(stats.reviewsPerDay.filter((d) => d.count > 0)).toHaveLength(1);
    expect(stats.forecast[0].day).toBe("2026-06-02");
    // A card due at 23:00 UTC on 2 June falls due on 3 June in Shanghai: tomorrow.
    const card = await db().reviewCard.findFirstOrThrow({ where: { userId: user.id, state: { gt: 0 } } });
    await db().reviewCard.update({ where: { id: card.id }, data: { due: new Date("2026-06-02T23:00:00Z"), state: 2 } });
    const later = await getReviewStats(user, at);
    expect(later.forecast.slice(0, 2)).toEqual([
      { day: "2026-06-02", count: 0 },
      { day: "2026-06-03", count: 1 },
    ]);
  });

  it("a time zone is validated and stored by its canonical name; the browser's report never overrides a chosen one", async () => {
    const user = await learner();
    await expect(setUserTimeZone(user.id, "Mars/Olympus_Mons")).rejects.toMatchObject({ code: "INVALID" });
    await expect(setUserTimeZone(user.id, "")).rejects.toMatchObject({ code: "INVALID" });
    expect(await getUserTimeZone(user.id)).toBeNull();
    await setUserTimeZone(user.id, "europe/london", { onlyIfUnset: true });
    expect(await getUserTimeZone(user.id)).toBe("Europe/London");
    await setUserTimeZone(user.id, "Asia/Tokyo", { onlyIfUnset: true });
    expect(await getUserTimeZone(user.id)).toBe("Europe/London");
    await setUserTimeZone(user.id, "Asia/Shanghai");
    expect(await getUserTimeZone(user.id)).toBe("Asia/Shanghai");
  });
});
