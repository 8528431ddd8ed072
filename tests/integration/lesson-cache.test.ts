import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent, type SyncInput } from "@/lib/server/data/content-sync";
import { getLessonHead, renderLessonBody } from "@/lib/server/data/lessons";
import { lessonOfferKey, quizOffer } from "@/lib/server/data/quiz-offers";
import { createAccount, type SessionUser } from "@/lib/server/data/users";
import { fixtureContent } from "../support/quiz-fixtures";

// The caches of a lesson page are keyed by what the database holds (decisions/0027): every
// process on one database computes the same keys, and a sync changes exactly the changed lessons'.
const provider = inject("databaseProvider");
const A = `cachea${provider}`;
const B = `cacheb${provider}`;

function content(change: { sentenceA?: string; stemA?: string } = {}): SyncInput {
  const a = fixtureContent(A);
  const b = fixtureContent(B);
  if (change.sentenceA) a.lessons[0].body.sections[0].paragraphs[0].sentences[0].text = change.sentenceA;
  if (change.stemA) a.questions[0].payload = { ...(a.questions[0].payload as object), stem: change.stemA };
  return { lessons: [...a.lessons, ...b.lessons], sectors: a.sectors, questions: [...a.questions, ...b.questions] };
}

let viewer: SessionUser;
const keys = async () => ({
  headA: (await getLessonHead(viewer, A))!.contentHash,
  headB: (await getLessonHead(viewer, B))!.contentHash,
  offerA: (await lessonOfferKey(A, null)).fingerprint,
  offerB: (await lessonOfferKey(B, null)).fingerprint,
});

beforeAll(async () => {
  viewer = await createAccount({ name: "Cache reader", email: `cache-reader-${provider}@example.com`, password: "long-enough-pw", role: "STUDENT" });
  await syncContent(content());
});

describe(`lesson page cache keys on ${provider}`, () => {
  it("a sync that changes one lesson's text changes that lesson's key only; the text is rendered from that version", async () => {
    const before = await keys();
    await syncContent(content());
    expect(await keys()).toEqual(before); // an unchanged sync keeps every key

    await syncContent(content({ sentenceA: "A changed sentence, 42% of it." }));
    const after = await keys();
    expect(after.headA).not.toBe(before.headA);
    expect(after.headB).toBe(before.headB);
    expect(after.offerA).toBe(before.offerA); // same questions: same offer
    expect(after.offerB).toBe(before.offerB);

    expect(await renderLessonBody(A, after.headA)).toContain("A changed sentence, 42% of it.");
    expect(await renderLessonBody(A, before.headA)).toBeNull(); // the old version is gone, not served
    expect(await renderLessonBody(B, after.headB)).toContain(`id="${B}-t0"`);
  });

  it("a changed or retired question changes its lesson's offer key only, and the key follows the offer", async () => {
    const before = await keys();
    await syncContent(content({ sentenceA: "A changed sentence, 42% of it.", stemA: "A reworded stem?" }));
    const reworded = await keys();
    expect(reworded.offerA).not.toBe(before.offerA);
    expect(reworded.offerB).toBe(before.offerB);
    expect(reworded.headB).toBe(before.headB);

    const offerBefore = await quizOffer(viewer, "lesson", A, null);
    await db().questionOverride.create({ data: { questionId: `${A}-typed`, retired: true } });
    const retired = await keys();
    expect(retired.offerA).not.toBe(reworded.offerA);
    expect(retired.offerB).toBe(reworded.offerB);
    const offerAfter = await quizOffer(viewer, "lesson", A, null);
    expect(offerAfter.figures).toBe(offerBefore.figures - 1);
    expect((await lessonOfferKey(A, null)).ids).not.toContain(`${A}-typed`);
  });
});
