import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { syncContent } from "@/lib/server/data/content-sync";
import { registerStudent, type SessionUser } from "@/lib/server/data/users";
import { answerReview, saveReviewSettings, studyLesson } from "@/lib/server/data/review";
import { fixtureContent } from "../support/quiz-fixtures";

// GET /api/review/session (docs/decisions/0045) on a real database, signed in through a real
// session cookie: what the cached review page shows a learner, and only theirs.
const provider = inject("databaseProvider");
const SECRET_FIELDS = ["correctOptionId", "answerValue", "answerBool", "correctOrder", "pairs", "answerText", "explanation", "tolerance", "feedback"];

let sessionCookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "next-auth.session-token" && sessionCookie ? { value: sessionCookie } : undefined) }),
  headers: async () => new Headers(),
}));
process.env.NEXTAUTH_SECRET ??= "review-session-test-secret-0123456789";
const { authOptions } = await import("@/lib/server/auth/options");
const { GET } = await import("@/app/api/review/session/route");

async function signInAs(user: SessionUser | null) {
  if (!user) return void (sessionCookie = undefined);
  const token = await authOptions.callbacks!.jwt!({ token: {} as never, user: { id: user.id, role: user.role, email: "", name: "" } as never, account: null });
  sessionCookie = await encode({ token, secret: process.env.NEXTAUTH_SECRET! });
}

async function ask(user: SessionUser | null, query = "") {
  await signInAs(user);
  return GET(new Request(`http://localhost/api/review/session${query}`));
}

const LESSONS = ["millet", "barley"];
let n = 0;
const learner = () => registerStudent({ name: `Session learner ${++n}`, email: `review-session-${n}-${provider}@example.com`, password: "long-enough-pw" });

beforeAll(async () => {
  const [a, b] = LESSONS.map((slug) => fixtureContent(slug));
  await syncContent({ lessons: [...a.lessons, ...b.lessons], sectors: a.sectors, questions: [...a.questions, ...b.questions] });
});

describe(`GET /api/review/session on ${provider}`, () => {
  it("refuses a signed-out visitor", async () => {
    const response = await ask(null);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false });
  });

  it("gives each learner their own card, counts and filters, without answer keys", async () => {
    const [one, two, none] = [await learner(), await learner(), await learner()];
    await studyLesson(one, LESSONS[0], new Date());
    await studyLesson(two, LESSONS[1], new Date());

    const first = await (await ask(one)).json();
    expect(first).toMatchObject({ ok: true, due: 0, totalCards: 3, card: { isNew: true, version: 0 }, undoable: null, timeZoneKnown: false });
    expect(first.newToday).toBeGreaterThan(0);
    expect(first.filters.lessons.map((l: { slug: string }) => l.slug)).toEqual([LESSONS[0]]);
    expect(first.card.question.id.startsWith(`${LESSONS[0]}-`)).toBe(true);
    const json = JSON.stringify(first);
    for (const field of SECRET_FIELDS) expect(json).not.toContain(`"${field}"`);

    const second = await (await ask(two)).json();
    expect(second.filters.lessons.map((l: { slug: string }) => l.slug)).toEqual([LESSONS[1]]);
    expect(second.card.question.id.startsWith(`${LESSONS[1]}-`)).toBe(true);
    expect(second.card.id).not.toBe(first.card.id);

    // The filter narrows to the asker's own cards: another learner's lesson shows none of theirs.
    expect(await (await ask(one, `?lesson=${LESSONS[1]}`)).json()).toMatchObject({ ok: true, totalCards: 0, card: null, due: 0, newToday: 0 });
    expect(await (await ask(none)).json()).toMatchObject({ ok: true, totalCards: 0, card: null, minutesToNext: null, filters: { lessons: [], sectors: [] } });
  });

  it("leaves the filters' lists out when the page asks for its next card (filters=0)", async () => {
    const one = await learner();
    await studyLesson(one, LESSONS[0], new Date());
    const full = await (await ask(one, `?lesson=${LESSONS[0]}`)).json();
    const next = await (await ask(one, `?lesson=${LESSONS[0]}&filters=0`)).json();
    expect(next).toEqual({ ...full, filters: null });
    // The sector filter matches the card's sector ids exactly: the lesson's sector has all three cards, a part of its id none.
    const sector = full.filters.sectors[0].id as string;
    expect(await (await ask(one, `?sector=${sector}&filters=0`)).json()).toMatchObject({ ok: true, totalCards: 3, filters: null });
    expect(await (await ask(one, `?sector=${sector.slice(0, -1)}&filters=0`)).json()).toMatchObject({ ok: true, totalCards: 0, card: null });
  });

  it("once nothing is waiting, says when the next card falls due and offers to undo the review just given", async () => {
    const one = await learner();
    await saveReviewSettings(one, { desiredRetention: 0.9, newCardsPerDay: 1 });
    await studyLesson(one, LESSONS[0], new Date());
    const first = await (await ask(one)).json();
    expect(first).toMatchObject({ ok: true, newToday: 1, undoable: null, minutesToNext: null });
    const q = first.card.question as { id: string; type: string; stem: string; options: { id: string }[] | null; pairs?: unknown[] | null };
    const ids = (q.options ?? []).map((o) => o.id);
    const answer = q.type === "figure-typed" ? { kind: "typed", text: "1" } : q.type === "true-false" ? { kind: "bool", value: true } : q.type === "ordering" ? { kind: "ordering", order: ids } : { kind: "option", optionId: ids[0] };
    const { logId } = await answerReview(one, { cardId: first.card.id, version: first.card.version, questionId: q.id, answer: answer as never, durationMs: 1000 }, new Date());
    const after = await (await ask(one)).json();
    expect(after).toMatchObject({ ok: true, card: null, newToday: 0, due: 0, undoable: { logId, stem: q.stem } });
    expect(after.minutesToNext).toBeGreaterThanOrEqual(1);
  });

  it("is never stored by a cache between the learner and the server", async () => {
    const response = await ask(await learner());
    expect(response.headers.get("cache-control")).toContain("no-store");
  });
});
