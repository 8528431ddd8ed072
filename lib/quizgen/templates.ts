import type { Language } from "./schema";

/** Every piece of question wording, in both languages. */
export const T = {
  cloze: { en: (s: string) => `Fill in the blank: “${s}”`, zh: (s: string) => `填空：“${s}”` },
  typedUnit: { en: (u: string) => ` (answer in ${u})`, zh: (u: string) => `（单位：${u}）` },
  typedUnitRounded: { en: (u: string) => ` (answer in ${u}, to three significant figures)`, zh: (u: string) => `（单位：${u}，保留三位有效数字）` },
  sectorBlank: { en: (s: string) => `Which sector fills the blank? “${s}”`, zh: (s: string) => `空白处应填哪个行业？“${s}”` },
  sectorId: { en: (s: string) => `Which sector is this about? “${s}”`, zh: (s: string) => `这句话说的是哪个行业？“${s}”` },
  trueFalse: { en: (s: string) => `True or false? “${s}”`, zh: (s: string) => `判断正误：“${s}”` },
  matching: { en: "Match each statement with the sector it is about.", zh: "把每条陈述与它所说的行业配对。" },
  ordering: { en: (what: string) => `Order from largest to smallest: ${what}`, zh: (what: string) => `按从大到小排序：${what}` },
  inContext: { en: (context: string, stem: string) => `The lesson says: “${context}” ${stem}`, zh: (context: string, stem: string) => `上文：“${context}” ${stem}` },
  compare: { en: (a: string, b: string, s: string) => `Which is larger here, the figure for ${a} or for ${b}? “${s}”`, zh: (a: string, b: string, s: string) => `${a}和${b}，哪一方的数值更大？“${s}”` },
  trueWord: { en: "True", zh: "正确" },
  falseWord: { en: "False", zh: "错误" },
  explainFigure: { en: (q: string) => `The lesson says: “${q}”`, zh: (q: string) => `课文原句：“${q}”` },
  explainFalse: { en: (said: string, wrong: string) => `False: the lesson gives ${said}, not ${wrong}.`, zh: (said: string, wrong: string) => `错误：课文中是${said}，不是${wrong}。` },
  explainSectorFalse: { en: (said: string, wrong: string) => `False: the lesson says this about ${said}, not ${wrong}.`, zh: (said: string, wrong: string) => `错误：课文说的是${said}，不是${wrong}。` },
  blank: { en: "____", zh: "____" },
} as const;

export function say<K extends keyof typeof T>(key: K, language: Language): (typeof T)[K]["en"] {
  return T[key][language] as (typeof T)[K]["en"];
}
