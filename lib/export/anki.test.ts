import { describe, expect, it } from "vitest";
import { readAnkiPackage } from "anki-reader";
import { exportStem, escapeXml, keyOption, numericKey, orderedItems, type ExportBank } from "./bank";
import { toAnkiPackage } from "./anki";
import { generatedBanks, handWrittenBank, NASTY } from "./test-helpers";

/** Opens the deck with anki-reader (sql.js and zip.js: independent of the writer) and checks every note. */
async function check(bank: ExportBank, now = Date.now()) {
  const { collection } = await readAnkiPackage(new Blob([toAnkiPackage(bank, now)]));
  const decks = Object.values(collection.getDecks());
  const deck = decks.find((d) => d.getName() === `Figure Quiz::${bank.title}`);
  expect(deck).toBeDefined();
  const cards = Object.values(deck!.getCards());
  expect(cards).toHaveLength(bank.questions.length);
  const fronts = cards.map((c) => c.getFront());
  const backs = cards.map((c) => c.getBack());
  bank.questions.forEach((q, i) => {
    expect(fronts[i]).toContain(escapeXml(exportStem(q)));
    expect(backs[i]).toContain(escapeXml(q.source.quote));
    expect(backs[i]).toContain(escapeXml(q.id));
    const key = q.type === "figure-mc" || q.type === "sector-id" ? keyOption(q).text : q.type === "ordering" ? orderedItems(q).map((o) => o.text).join(" > ") : null;
    if (key) expect(backs[i]).toContain(escapeXml(key));
    if (q.type === "figure-typed") expect(backs[i]).toContain(`${numericKey(q).value} ± ${numericKey(q).tolerance}`);
  });
  return cards.map((c) => (c.getRawCard() as { nid: number }).nid);
}

describe("Anki deck", () => {
  it("opens with an independent reader and holds every question, Chinese and special characters intact", async () => {
    const bank = handWrittenBank();
    expect(bank.questions.some((q) => q.language === "zh" && q.stem.includes(NASTY))).toBe(true);
    await check(bank);
  });

  it("holds every generated lesson's questions", async () => {
    for (const bank of generatedBanks()) await check(bank);
  });

  it("keeps each note's guid and the deck's id across exports, so a newer export updates the cards", async () => {
    const bank = handWrittenBank();
    const guids = async (now: number) => {
      const { collection } = await readAnkiPackage(new Blob([toAnkiPackage(bank, now)]));
      const db = (collection as unknown as { db: { exec: (sql: string) => { values: unknown[][] }[] } }).db;
      return { notes: db.exec("SELECT guid FROM notes ORDER BY id")[0].values.flat(), decks: Object.keys(collection.getDecks()).sort() };
    };
    const [first, later] = [await guids(1_700_000_000_000), await guids(1_800_000_000_000)];
    expect(new Set(first.notes).size).toBe(bank.questions.length);
    expect(later).toEqual(first);
  });
});
