import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { endSessions, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { startAttempt } from "@/lib/server/data/attempts";
import { getReviewSession, studyLesson } from "@/lib/server/data/review";
import { fixtureContent } from "../support/quiz-fixtures";

// POST /api/quiz/answers and /api/review/answers, and GET /api/review/session, through a real session
// cookie: each checks the cookie's claims against the user's row in the statement that reads what it
// needs (decisions/0050). An ended session (sign-out, password change) and a deleted account are
// refused as before; someone else's attempt or card is missing; a double submit is answered once.
const provider = inject("databaseProvider");

let sessionCookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "next-auth.session-token" && sessionCookie ? { value: sessionCookie } : undefined) }),
  headers: async () => new Headers(),
}));
process.env.NEXTAUTH_SECRET ??= "answer-routes-test-secret-0123456789";
const { authOptions } = await import("@/lib/server/auth/options");
const quizAnswers = (await import("@/app/api/quiz/answers/route")).POST;
const reviewAnswers = (await import("@/app/api/review/answers/route")).POST;
const reviewSession = (await import("@/app/api/review/session/route")).GET;

async function signInAs(user: SessionUser | null) {
  if (!user) return void (sessionCookie = undefined);
  const token = await authOptions.callbacks!.jwt!({ token: {} as never, user: { id: user.id, role: user.role, email: "", name: "" } as never, account: null });
  sessionCookie = await encode({ token, secret: process.env.NEXTAUTH_SECRET! });
}

const post = (path: string, body: unknown) =>
  new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" }, body: JSON.stringify(body) });

let n = 0;
const learner = () => registerStudent({ name: `Route learner ${++n}`, email: `answer-routes-${n}-${provider}@example.com`, password: "long-enough-pw" });

beforeAll(async () => {
  await syncContent(fixtureContent("quinoa"));
});

describe(`the answer routes on ${provider}`, () => {
  it("grade a quiz answer once, for its owner only, while the session lasts", async () => {
    const [owner, stranger] = [await learner(), await learner()];
    const attemptId = await startAttempt(owner, { scope: "lesson", scopeId: "quinoa", figuresOnly: false });
    const body = { attemptId, questionId: "quinoa-mc", answer: { kind: "option", optionId: "c" }, timeTakenMs: 1000 };

    await signInAs(null);
    expect((await quizAnswers(post("/api/quiz/answers", body))).status).toBe(401);
    await signInAs(stranger);
    expect((await quizAnswers(post("/api/quiz/answers", body))).status).toBe(404);

    await signInAs(owner);
    const first = await quizAnswers(post("/api/quiz/answers", body));
    expect(first.status).toBe(200);
    const feedback = (await first.json()).feedback;
    expect(feedback).toMatchObject({ correct: true, answerText: "28%" });
    // A double submit with another answer gets the first answer's feedback; one response is kept.
    const again = await quizAnswers(post("/api/quiz/answers", { ...body, answer: { kind: "option", optionId: "a" } }));
    expect((await again.json()).feedback).toEqual(feedback);
    expect(await db().response.count({ where: { attemptId } })).toBe(1);
    // A question not in the quiz, and an answer of the wrong shape.
    expect((await quizAnswers(post("/api/quiz/answers", { ...body, questionId: "no-such-question" }))).status).toBe(404);
    expect((await quizAnswers(post("/api/quiz/answers", { ...body, questionId: "quinoa-typed", answer: { kind: "bool", value: true } }))).status).toBe(422);

    // Signed out everywhere: the same cookie no longer answers.
    await endSessions(owner.id);
    expect((await quizAnswers(post("/api/quiz/answers", { ...body, questionId: "quinoa-tf", answer: { kind: "bool", value: true } }))).status).toBe(401);
    expect(await db().response.count({ where: { attemptId } })).toBe(1);
  });

  it("serve the review card and grade a review for the learner's own cards while the session lasts", async () => {
    const [owner, stranger] = [await learner(), await learner()];
    await studyLesson(owner, "quinoa", new Date());
    const { card } = await getReviewSession(owner, {}, new Date());
    const q = card!.question;
    const ids = (q.options ?? []).map((o) => o.id);
    const answer = q.type === "figure-typed" ? { kind: "typed", text: "1" } : q.type === "true-false" ? { kind: "bool", value: true } : q.type === "ordering" ? { kind: "ordering", order: ids } : { kind: "option", optionId: ids[0] };
    const body = { cardId: card!.id, version: card!.version, questionId: q.id, answer, durationMs: 1000 };

    await signInAs(stranger);
    expect((await reviewAnswers(post("/api/review/answers", body))).status).toBe(404);
    expect(await (await reviewSession(new Request("http://localhost/api/review/session"))).json()).toMatchObject({ ok: true, totalCards: 0, card: null });

    await signInAs(owner);
    const shown = await (await reviewSession(new Request("http://localhost/api/review/session"))).json();
    expect(shown.card.id).toBe(card!.id);
    const first = await (await reviewAnswers(post("/api/review/answers", body))).json();
    expect(first).toMatchObject({ ok: true, result: { logId: expect.any(String) } });
    // The same answer again is the same review, not a second one.
    expect((await (await reviewAnswers(post("/api/review/answers", body))).json()).result.logId).toBe(first.result.logId);
    expect(await db().reviewLog.count({ where: { userId: owner.id } })).toBe(1);

    await endSessions(owner.id);
    expect((await reviewSession(new Request("http://localhost/api/review/session"))).status).toBe(401);
    expect((await reviewAnswers(post("/api/review/answers", { ...body, version: body.version + 1 }))).status).toBe(401);
    // A deleted account's cookie is refused too.
    await signInAs(stranger);
    await db().user.delete({ where: { id: stranger.id } });
    expect((await reviewSession(new Request("http://localhost/api/review/session"))).status).toBe(401);
    expect((await quizAnswers(post("/api/quiz/answers", { attemptId: "x", questionId: "y", answer: { kind: "bool", value: true }, timeTakenMs: 1 }))).status).toBe(401);
  });
});
