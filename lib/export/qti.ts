import type { QuizQuestion } from "@/lib/quiz/question";
import { exportStem, escapeXml, feedbackLines, htmlParagraphs, keyOption, numericKey, orderedItems, plainNumber, safeIdentifier, wordsFor, type ExportBank } from "./bank";
import { zipFiles } from "./zip";

/**
 * QTI 2.1 as an IMS content package (a zip with imsmanifest.xml, one assessmentItem file per
 * question and an assessmentTest that lists them). Mapping (docs/decisions/0031): figure-mc and
 * sector-id → choiceInteraction (one choice); figure-typed → textEntryInteraction with a float
 * response, scored by `equal` with an absolute tolerance, the unit said in the stem; true-false →
 * choiceInteraction of two choices; matching → matchInteraction (directedPair); ordering →
 * orderInteraction (ordered). Each item's `label` is the question id; a modal feedback shown after
 * answering holds the explanation, the source quote and the id.
 */
export const QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1";
const QTI_SCHEMA = `${QTI_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd`;
const CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

export const QTI_INTERACTION = { "figure-mc": "choiceInteraction", "sector-id": "choiceInteraction", "figure-typed": "textEntryInteraction", "true-false": "choiceInteraction", matching: "matchInteraction", ordering: "orderInteraction" } as const;

export interface QtiFile {
  path: string;
  content: string;
}

/** The package's files: items/…, test.xml and imsmanifest.xml (zipped by toQtiPackage). */
export function qtiFiles(bank: ExportBank): QtiFile[] {
  const taken = new Set<string>();
  const items = bank.questions.map((q, i) => {
    // Two ids that differ only in characters an identifier cannot hold would collide: number the second.
    const identifier = taken.has(safeIdentifier(q.id)) ? `${safeIdentifier(q.id)}-${i + 1}` : safeIdentifier(q.id);
    taken.add(identifier);
    return { q, identifier, path: `items/${identifier}.xml` };
  });
  const test = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentTest xmlns="${QTI_NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${QTI_SCHEMA}" identifier="test" title="${escapeXml(bank.title)}">
  <testPart identifier="part-1" navigationMode="nonlinear" submissionMode="individual">
    <assessmentSection identifier="section-1" title="${escapeXml(bank.title)}" visible="true">
${items.map((i) => `      <assessmentItemRef identifier="${i.identifier}" href="${i.path}"/>`).join("\n")}
    </assessmentSection>
  </testPart>
</assessmentTest>
`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="${CP_NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd" identifier="manifest-${escapeXml(bank.scopeKey.replace(/[^A-Za-z0-9_.-]/g, "_"))}">
  <metadata>
    <schema>QTIv2.1 Package</schema>
    <schemaversion>1.0.0</schemaversion>
  </metadata>
  <organizations/>
  <resources>
    <resource identifier="test" type="imsqti_test_xmlv2p1" href="test.xml">
      <file href="test.xml"/>
${items.map((i) => `      <dependency identifierref="${i.identifier}"/>`).join("\n")}
    </resource>
${items.map((i) => `    <resource identifier="${i.identifier}" type="imsqti_item_xmlv2p1" href="${i.path}">\n      <file href="${i.path}"/>\n    </resource>`).join("\n")}
  </resources>
</manifest>
`;
  return [{ path: "imsmanifest.xml", content: manifest }, { path: "test.xml", content: test }, ...items.map((i) => ({ path: i.path, content: qtiItem(i.q, i.identifier) }))];
}

export function toQtiPackage(bank: ExportBank): Uint8Array<ArrayBuffer> {
  return zipFiles(Object.fromEntries(qtiFiles(bank).map((f) => [f.path, f.content])));
}

/** Option ids as QTI identifiers (they are short words like "o1"; anything else becomes "_"). */
const choiceId = (id: string) => `c-${id.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
const value = (v: string) => `<value>${escapeXml(v)}</value>`;
const setOutcome = (id: string, baseType: string, v: string) => `<setOutcomeValue identifier="${id}"><baseValue baseType="${baseType}">${v}</baseValue></setOutcomeValue>`;

function qtiItem(q: QuizQuestion, identifier: string): string {
  const { declaration, body, condition } = interaction(q);
  return `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${QTI_SCHEMA}" identifier="${identifier}" title="${escapeXml(Array.from(exportStem(q)).slice(0, 80).join(""))}" label="${escapeXml(q.id)}" xml:lang="${q.language === "zh" ? "zh" : "en"}" adaptive="false" timeDependent="false">
  ${declaration}
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue>${value("0")}</defaultValue></outcomeDeclaration>
  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>
  <itemBody>
    ${htmlParagraphs([exportStem(q)])}
    ${body}
  </itemBody>
  <responseProcessing>
    <responseCondition><responseIf>${condition}${setOutcome("SCORE", "float", "1")}</responseIf><responseElse>${setOutcome("SCORE", "float", "0")}</responseElse></responseCondition>
    ${setOutcome("FEEDBACK", "identifier", "SOURCE")}
  </responseProcessing>
  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="SOURCE" showHide="show">${htmlParagraphs(feedbackLines(q))}</modalFeedback>
</assessmentItem>
`;
}

const matchCorrect = `<match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>`;
const declare = (cardinality: string, baseType: string, values: string[]) =>
  `<responseDeclaration identifier="RESPONSE" cardinality="${cardinality}" baseType="${baseType}"><correctResponse>${values.map(value).join("")}</correctResponse></responseDeclaration>`;
const simpleChoices = (options: { id: string; text: string }[]) => options.map((o) => `<simpleChoice identifier="${choiceId(o.id)}">${escapeXml(o.text)}</simpleChoice>`).join("");

function interaction(q: QuizQuestion): { declaration: string; body: string; condition: string } {
  switch (q.type) {
    case "figure-mc":
    case "sector-id":
      return {
        declaration: declare("single", "identifier", [choiceId(keyOption(q).id)]),
        body: `<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">${simpleChoices(q.options ?? [])}</choiceInteraction>`,
        condition: matchCorrect,
      };
    case "true-false": {
      const w = wordsFor(q);
      return {
        declaration: declare("single", "identifier", [q.answerBool ? "true" : "false"]),
        body: `<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1"><simpleChoice identifier="true">${w.true}</simpleChoice><simpleChoice identifier="false">${w.false}</simpleChoice></choiceInteraction>`,
        condition: matchCorrect,
      };
    }
    case "figure-typed": {
      const { value: key, tolerance } = numericKey(q);
      const t = plainNumber(tolerance);
      return {
        declaration: declare("single", "float", [plainNumber(key)]),
        body: `<p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="15"/></p>`,
        condition: `<equal toleranceMode="absolute" tolerance="${t} ${t}" includeLowerBound="true" includeUpperBound="true"><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></equal>`,
      };
    }
    case "matching": {
      const lefts = (q.pairs ?? []).map((p, i) => ({ id: `left-${i + 1}`, text: p.left, right: p.right }));
      const options = q.options ?? [];
      const rightId = (right: string) => choiceId((options.find((o) => o.id === right) ?? options.find((o) => o.text === right))?.id ?? right);
      return {
        declaration: declare("multiple", "directedPair", lefts.map((l) => `${l.id} ${rightId(l.right)}`)),
        body:
          `<matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="${lefts.length}">` +
          `<simpleMatchSet>${lefts.map((l) => `<simpleAssociableChoice identifier="${l.id}" matchMax="1">${escapeXml(l.text)}</simpleAssociableChoice>`).join("")}</simpleMatchSet>` +
          `<simpleMatchSet>${options.map((o) => `<simpleAssociableChoice identifier="${choiceId(o.id)}" matchMax="${lefts.length}">${escapeXml(o.text)}</simpleAssociableChoice>`).join("")}</simpleMatchSet>` +
          `</matchInteraction>`,
        condition: matchCorrect,
      };
    }
    case "ordering":
      return {
        declaration: declare("ordered", "identifier", orderedItems(q).map((o) => choiceId(o.id))),
        body: `<orderInteraction responseIdentifier="RESPONSE" shuffle="true">${simpleChoices(q.options ?? [])}</orderInteraction>`,
        condition: matchCorrect,
      };
  }
}
