import seedrandom from "seedrandom";

// Generated documents for the size benchmark and the size tests: sentences built from templates,
// each with its own subject, sector, year and figures, so a long document reads like a long report
// (many different facts) rather than one seed repeated, which would make every figure a duplicate.

const EN_SUBJECTS = ["China", "the United States", "Japan", "Europe", "South Korea", "India", "Germany", "Brazil"];
const EN_SECTORS = ["semiconductors", "machine tools", "robots", "medical equipment", "display panels", "steel", "batteries", "aerospace", "software", "new materials", "automobiles", "wind power"];
const EN_MEASURES: [string, "share" | "value" | "count" | "growth"][] = [
  ["its share of world output of", "share"],
  ["its exports of", "value"],
  ["the number of patents it filed on", "count"],
  ["its investment in", "value"],
  ["the growth of its output of", "growth"],
];
const EN_OPENERS = ["In", "By the end of", "Over", "During"];
const EN_LINKS = ["Analysts note that", "Industry data show that", "The report finds that", "Officials say that", "Surveys suggest that"];

const ZH_SUBJECTS = ["中国", "美国", "日本", "欧洲", "韩国", "印度", "德国", "巴西"];
const ZH_SECTORS = ["芯片", "数控机床", "机器人", "医疗器械", "显示面板", "钢铁", "电池", "航空航天", "软件", "新材料", "汽车", "风电"];
const ZH_MEASURES: [string, "share" | "value" | "count" | "growth"][] = [
  ["在全球市场的份额", "share"],
  ["的出口额", "value"],
  ["的专利申请数量", "count"],
  ["的研发投入", "value"],
  ["的产量增速", "growth"],
];
const ZH_LINKS = ["数据显示,", "报告指出,", "业内人士认为,", "统计表明,", "调查发现,"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function figureEn(random: () => number, kind: string): string {
  const n = (lo: number, hi: number, decimals = 1) => (lo + random() * (hi - lo)).toFixed(decimals);
  if (kind === "share" || kind === "growth") return `${n(1, 60)}%`;
  if (kind === "count") return `${Math.round(1000 + random() * 90000).toLocaleString("en-US")} patents`;
  return `${n(1, 900)} billion US dollars`;
}

function figureZh(random: () => number, kind: string): string {
  const n = (lo: number, hi: number, decimals = 1) => (lo + random() * (hi - lo)).toFixed(decimals);
  if (kind === "share" || kind === "growth") return `${n(1, 60)}%`;
  if (kind === "count") return `${Math.round(1 + random() * 90)}千件`;
  return `${n(1, 900)}亿美元`;
}

function sentenceEn(random: () => number): string {
  const [measure, kind] = pick(random, EN_MEASURES);
  const subject = pick(random, EN_SUBJECTS);
  const sector = pick(random, EN_SECTORS);
  const year = 2000 + Math.floor(random() * 25);
  const main = `${pick(random, EN_OPENERS)} ${year}, ${measure} ${sector} reached ${figureEn(random, kind)}`;
  const s = random() < 0.5 ? `${main}, against ${figureEn(random, kind)} for ${pick(random, EN_SUBJECTS.filter((x) => x !== subject))}.` : `${main}.`;
  const text = `${subject === "the United States" ? "For the United States" : `For ${subject}`}, ${s.charAt(0).toLowerCase()}${s.slice(1)}`;
  return random() < 0.2 ? `${pick(random, EN_LINKS)} ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

function sentenceZh(random: () => number): string {
  const [measure, kind] = pick(random, ZH_MEASURES);
  const subject = pick(random, ZH_SUBJECTS);
  const other = pick(random, ZH_SUBJECTS.filter((x) => x !== subject));
  const sector = pick(random, ZH_SECTORS);
  const year = 2000 + Math.floor(random() * 25);
  const lead = random() < 0.2 ? pick(random, ZH_LINKS) : "";
  return random() < 0.5
    ? `${lead}${year}年${subject}${sector}${measure}为${figureZh(random, kind)},${other}为${figureZh(random, kind)}。`
    : `${lead}${year}年${subject}${sector}${measure}达到${figureZh(random, kind)}。`;
}

/** A generated document of about `bytes` bytes (UTF-8) in English or Chinese; the same seed gives the same text. */
export function syntheticDocument(language: "en" | "zh", bytes: number, seed = "bench"): { name: string; text: string } {
  const random = seedrandom(`${language}:${bytes}:${seed}`);
  const title = language === "en" ? `Industry report ${seed}` : `产业报告${seed}`;
  const parts = [`---\ntitle: "${title}"\nlanguage: ${language}\nslug: synthetic-${language}-${bytes}-${seed}\n---\n${title}\n`];
  let size = Buffer.byteLength(parts[0]);
  let section = 0;
  while (size < bytes) {
    const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, () => (language === "en" ? sentenceEn(random) : sentenceZh(random)));
    const paragraph = (section++ % 6 === 0 ? `\n${language === "en" ? `Section ${section}` : `第${section}节`}\n\n` : "\n") + sentences.join(language === "en" ? " " : "") + "\n";
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return { name: `synthetic-${language}-${bytes}-${seed}.md`, text: parts.join("") };
}
