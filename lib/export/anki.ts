import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { QuizQuestion } from "@/lib/quiz/question";
import { exportStem, escapeXml, htmlParagraphs, feedbackLines, keyOption, matchPairs, numericKey, orderedItems, plainNumber, wordsFor, type ExportBank } from "./bank";
import { zipFiles } from "./zip";

/**
 * An Anki deck (.apkg: a zip of collection.anki2, an SQLite collection of schema 11, and a media
 * map), one Basic note per question for self-study: the front asks (with the choices, the items to
 * match or to order), the back gives the answer, the explanation, the source quote and the id.
 * Written with better-sqlite3 rather than anki-apkg-export (docs/decisions/0031): note guids come
 * from the question id, so importing a newer export updates the cards instead of adding copies.
 */
const MODEL_ID = 1_700_000_000_001;
const FIELDS = ["Front", "Back"];

export function ankiFront(q: QuizQuestion): string {
  const list = (items: string[], ordered = false) => `<${ordered ? "ol" : "ul"}>${items.map((t) => `<li>${escapeXml(t)}</li>`).join("")}</${ordered ? "ol" : "ul"}>`;
  const stem = htmlParagraphs([exportStem(q)]);
  switch (q.type) {
    case "figure-mc":
    case "sector-id":
      return stem + list((q.options ?? []).map((o) => o.text), true);
    case "matching":
      return stem + list(matchPairs(q).map((p) => p.left)) + list((q.options ?? []).map((o) => o.text));
    case "ordering":
      return stem + list((q.options ?? []).map((o) => o.text));
    case "figure-typed":
    case "true-false":
      return stem;
  }
}

export function ankiBack(q: QuizQuestion): string {
  const w = wordsFor(q);
  let answer: string;
  switch (q.type) {
    case "figure-mc":
    case "sector-id":
      answer = keyOption(q).text;
      break;
    case "figure-typed": {
      const { value, tolerance } = numericKey(q);
      answer = `${q.answerText} (${plainNumber(value)} ± ${plainNumber(tolerance)})`;
      break;
    }
    case "true-false":
      answer = q.answerBool ? w.true : w.false;
      break;
    case "matching":
      answer = matchPairs(q).map((p) => `${p.left} → ${p.right}`).join("; ");
      break;
    case "ordering":
      answer = orderedItems(q).map((o) => o.text).join(" > ");
      break;
  }
  return `<p><b>${escapeXml(answer)}</b></p>${htmlParagraphs(feedbackLines(q))}`;
}

/** A positive id below 2^53 from a text: the deck's id is the same for each export of a scope. */
function idFrom(text: string): number {
  return Number.parseInt(createHash("sha1").update(text).digest("hex").slice(0, 12), 16) % 1e13;
}

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

function deckJson(id: number, name: string, mod: number) {
  return { id, name, desc: "", mod, usn: -1, collapsed: false, browserCollapsed: false, dyn: 0, conf: 1, extendNew: 10, extendRev: 50, newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0] };
}

function modelJson(deckId: number, mod: number) {
  return {
    id: MODEL_ID, name: "Figure Quiz", type: 0, mod, usn: -1, sortf: 0, did: deckId, tags: [], vers: [],
    flds: FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] })),
    tmpls: [{ name: "Card 1", ord: 0, qfmt: "{{Front}}", afmt: '{{FrontSide}}<hr id="answer">{{Back}}', did: null, bqfmt: "", bafmt: "" }],
    css: ".card { font-family: arial; font-size: 20px; text-align: left; color: black; background-color: white; }",
    latexPre: "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    req: [[0, "any", [0]]],
  };
}

const DCONF = {
  1: {
    id: 1, name: "Default", mod: 0, usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
    new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
    lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
    rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 100 },
  },
};

/** The checksum Anki keeps of a note's first field: the first 8 hex digits of its SHA-1, as a number. */
function fieldChecksum(field: string): number {
  return Number.parseInt(createHash("sha1").update(field.replace(/<[^>]*>/g, "")).digest("hex").slice(0, 8), 16);
}

/** The collection's SQLite bytes (collection.anki2). `now` is the export time in milliseconds. */
export function ankiCollection(bank: ExportBank, now: number): Buffer {
  const db = new Database(":memory:");
  try {
    db.exec(SCHEMA);
    const deckId = idFrom(`figure-quiz:${bank.scopeKey}`);
    const seconds = Math.floor(now / 1000);
    const decks = { 1: deckJson(1, "Default", seconds), [deckId]: deckJson(deckId, `Figure Quiz::${bank.title}`, seconds) };
    const conf = { nextPos: bank.questions.length + 1, estTimes: true, activeDecks: [deckId], sortType: "noteFld", timeLim: 0, sortBackwards: false, addToCur: true, curDeck: deckId, newSpread: 0, dueCounts: true, curModel: MODEL_ID, collapseTime: 1200 };
    db.prepare("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')").run(
      seconds, now, now, JSON.stringify(conf), JSON.stringify({ [MODEL_ID]: modelJson(deckId, seconds) }), JSON.stringify(decks), JSON.stringify(DCONF),
    );
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const card = db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    bank.questions.forEach((q, i) => {
      const front = ankiFront(q);
      const fields = [front, ankiBack(q)].join("\x1f");
      const guid = createHash("sha1").update(`figure-quiz:${q.id}`).digest("base64").slice(0, 10);
      const tags = ` ${[q.documentSlug, q.type].map((t) => t.replace(/\s+/g, "_")).join(" ")} `;
      note.run(now + i, guid, MODEL_ID, seconds, tags, fields, front.replace(/<[^>]*>/g, ""), fieldChecksum(front));
      card.run(now + i, now + i, deckId, seconds, i + 1);
    });
    return db.serialize();
  } finally {
    db.close();
  }
}

/** The .apkg bytes. */
export function toAnkiPackage(bank: ExportBank, now: number = Date.now()): Uint8Array<ArrayBuffer> {
  return zipFiles({ "collection.anki2": new Uint8Array(ankiCollection(bank, now)), media: "{}" });
}
