import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { parse as parseGift } from "gift-pegjs";
import { strFromU8, unzipSync } from "fflate";
import { readAnkiPackage } from "anki-reader";
import { XMLParser } from "fast-xml-parser";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { editQuestion, setQuestionRetired } from "@/lib/server/data/question-review";
import { fixtureContent } from "../support/quiz-fixtures";

// The export route (decisions/0031) on a real database, signed in through a real session cookie.
const provider = inject("databaseProvider");
const slug = "sorghum";
const password = "long-enough-pw";

let sessionCookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "next-auth.session-token" && sessionCookie ? { value: sessionCookie } : undefined) }),
  headers: async () => new Headers(),
}));
process.env.NEXTAUTH_SECRET ??= "question-export-test-secret-0123456789";
const { authOptions } = await import("@/lib/server/auth/options");
const { GET } = await import("@/app/instructor/export/route");

async function signInAs(user: SessionUser | null) {
  if (!user) return void (sessionCookie = undefined);
  const token = await authOptions.callbacks!.jwt!({ token: {} as never, user: { id: user.id, role: user.role, email: "", name: "" } as never, account: null });
  sessionCookie = await encode({ token, secret: process.env.NEXTAUTH_SECRET! });
}

async function download(user: SessionUser | null, query: string) {
  await signInAs(user);
  return GET(new Request(`http://localhost/instructor/export?${query}`));
}

const CHINESE_STEM = "高粱占耕地的多少？{#1} ~ = : 中文";
let teacher: SessionUser, otherTeacher: SessionUser, admin: SessionUser, student: SessionUser;

beforeAll(async () => {
  await syncContent(fixtureContent(slug));
  const account = (name: string, role: "INSTRUCTOR" | "ADMIN") => createAccount({ name, email: `export-${name.toLowerCase()}-${provider}@example.com`, password, role });
  [teacher, otherTeacher, admin] = await Promise.all([account("Teacher", "INSTRUCTOR"), account("Other", "INSTRUCTOR"), account("Admin", "ADMIN")]);
  student = await registerStudent({ name: "Pupil", email: `export-pupil-${provider}@example.com`, password });
  await editQuestion(teacher, `${slug}-mc`, { stem: CHINESE_STEM });
  await setQuestionRetired(teacher, `${slug}-tf`, true);
  await editQuestion(admin, `${slug}-sector`, { explanation: "Shared explanation." });
});

const active = [`${slug}-mc`, `${slug}-typed`, `${slug}-sector`, `${slug}-match`, `${slug}-order`];

describe(`question bank export route on ${provider}`, () => {
  it("refuses the signed-out (401), students (403), unknown scopes (404) and bad requests (422)", async () => {
    expect((await download(null, `format=gift&scope=lesson:${slug}`)).status).toBe(401);
    expect((await download(student, `format=gift&scope=lesson:${slug}`)).status).toBe(403);
    expect((await download(teacher, "format=gift&scope=lesson:no-such-lesson")).status).toBe(404);
    expect((await download(teacher, "format=gift&scope=sector:no-such-sector")).status).toBe(404);
    expect((await download(teacher, `format=pdf&scope=lesson:${slug}`)).status).toBe(422);
    expect((await download(teacher, "format=gift&scope=everything")).status).toBe(422);
    expect((await download(teacher, "format=gift&scope=selected")).status).toBe(422);
  });

  it("GIFT: the teacher's edits and the shared bank's applied, the teacher's retirement left out, Chinese intact", async () => {
    const response = await download(teacher, `format=gift&scope=lesson:${slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`${slug}.gift.txt`);
    const questions = parseGift(await response.text()).filter((q) => q.type !== "Category");
    expect(questions.map((q) => q.title).sort()).toEqual([...active].sort());
    const byId = new Map(questions.map((q) => [q.title, q]));
    expect((byId.get(`${slug}-mc`) as { stem: { text: string } }).stem.text).toBe(CHINESE_STEM);
    expect((byId.get(`${slug}-sector`) as { globalFeedback: { text: string } }).globalFeedback.text).toContain("Shared explanation.");

    // Another instructor sees the generated stem and the question the first one retired.
    const other = parseGift(await (await download(otherTeacher, `format=gift&scope=lesson:${slug}`)).text()).filter((q) => q.type !== "Category");
    expect(other).toHaveLength(6);
    expect((other.find((q) => q.title === `${slug}-mc`) as { stem: { text: string } }).stem.text).toBe("What share of farmland grew rice in 2020?");
  });

  it("Moodle XML, QTI and Anki hold the same questions; a sector and a selection export too", async () => {
    const xml = await (await download(teacher, `format=moodle&scope=lesson:${slug}`)).text();
    const quiz = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "question" }).parse(xml).quiz as { question: { idnumber?: string; questiontext?: { text: string } }[] };
    expect(quiz.question.flatMap((q) => q.idnumber ?? []).sort()).toEqual([...active].sort());
    expect(xml).toContain(CHINESE_STEM.replace(/&/g, "&amp;"));

    const qti = await download(teacher, `format=qti&scope=lesson:${slug}`);
    expect(qti.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await qti.arrayBuffer()));
    expect(Object.keys(files).filter((f) => f.startsWith("items/"))).toHaveLength(active.length);
    expect(Object.values(files).map((f) => strFromU8(f)).join("")).toContain(CHINESE_STEM.replace(/&/g, "&amp;"));

    const anki = await download(teacher, `format=anki&scope=lesson:${slug}`);
    const { collection } = await readAnkiPackage(new Blob([await anki.arrayBuffer()]));
    const deck = Object.values(collection.getDecks()).find((d) => d.getName() === `Figure Quiz::Farming ${slug}`)!;
    const backs = Object.values(deck.getCards()).map((c) => c.getBack());
    expect(active.every((id) => backs.some((b) => b.includes(id)))).toBe(true);
    expect(backs).toHaveLength(active.length);

    const sector = parseGift(await (await download(teacher, "format=gift&scope=sector:agriculture")).text()).map((q) => q.title);
    expect(active.every((id) => sector.includes(id))).toBe(true);
    expect(sector).not.toContain(`${slug}-tf`);

    // Ticked questions: only those, and a retired one among them is still left out.
    const selected = await download(teacher, `format=gift&scope=selected&id=${slug}-typed&id=${slug}-order&id=${slug}-tf`);
    expect(parseGift(await selected.text()).filter((q) => q.type !== "Category").map((q) => q.title)).toEqual([`${slug}-order`, `${slug}-typed`]);
  });
});
