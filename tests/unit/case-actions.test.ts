import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  availableActions,
  can,
  CASE_ACTION_NAMES,
  CASE_ACTIONS,
  checkCaseAction,
  statusesAllowing,
  type CaseAction,
  type CaseActionName,
  type CaseActorRole,
} from "~/domain/case-actions";
import { CASE_STATUSES, OPEN_STATUSES, STATUS_LABELS, type CaseStatus } from "~/domain/case-status";
import { ROLE_LABELS, ROLES } from "~/domain/roles";

describe("the case's state machine", () => {
  it("lets only the applicant submit, and only a draft", () => {
    expect(checkCaseAction("submit", "DRAFT", ["APPLICANT"], null)).toEqual({ ok: true, to: "SUBMITTED" });
    expect(checkCaseAction("submit", "DRAFT", ["COORDINATOR"], null)).toMatchObject({ ok: false, refusal: "wrong-role" });
    expect(checkCaseAction("submit", "SUBMITTED", ["APPLICANT"], null)).toEqual({
      ok: false,
      refusal: "wrong-status",
      message: "This request has already been sent.",
    });
  });

  it("allows withdrawing from every open state before the decision, never after, and says why not in the applicant's words", () => {
    for (const status of OPEN_STATUSES) expect(can("withdraw", status, ["APPLICANT"])).toBe(true);
    expect(checkCaseAction("withdraw", "DECIDED", ["APPLICANT"], null)).toMatchObject({
      refusal: "wrong-status",
      message: "This request can no longer be withdrawn: the decision has been issued.",
    });
    expect(checkCaseAction("withdraw", "WITHDRAWN", ["APPLICANT"], null)).toMatchObject({ message: "This request is already withdrawn." });
    for (const status of ["DRAFT", "CLOSED", "INELIGIBLE", "REVERSED_BY_PLAN"] as const) expect(can("withdraw", status, ["APPLICANT"])).toBe(false);
  });

  it("requires a reason to find a case ineligible or send a determination back", () => {
    expect(checkCaseAction("findIneligible", "ELIGIBILITY_REVIEW", ["COORDINATOR"], "  ")).toMatchObject({ ok: false, refusal: "reason-required" });
    expect(checkCaseAction("findIneligible", "ELIGIBILITY_REVIEW", ["COORDINATOR"], "Plan exclusion")).toEqual({ ok: true, to: "INELIGIBLE" });
    expect(checkCaseAction("sendBack", "DETERMINED", ["COORDINATOR"], null)).toMatchObject({ ok: false, refusal: "reason-required" });
    // A page only asks whether to offer the step; the reason comes with the form.
    expect(can("sendBack", "DETERMINED", ["COORDINATOR"])).toBe(true);
  });

  it("keeps the status for the steps between transitions: approval, the expedited notice, amendments", () => {
    expect(checkCaseAction("approveDetermination", "DETERMINED", ["COORDINATOR"], null)).toEqual({ ok: true, to: "DETERMINED" });
    expect(checkCaseAction("recordExpeditedNotice", "DECIDED", ["COORDINATOR"], null)).toMatchObject({
      message: "The expedited notice is recorded between the approval and the letter.",
    });
    expect(can("amendDecision", "CLOSED", ["COORDINATOR"])).toBe(true);
    expect(checkCaseAction("amendDecision", "DETERMINED", ["COORDINATOR"], null)).toMatchObject({
      message: "Only an issued decision can be amended: issue the decision letter first.",
    });
  });

  it("starts the review with the first reviewer's acceptance; later ones join it", () => {
    expect(checkCaseAction("acceptOffer", "ACCEPTED", ["REVIEWER"], null)).toEqual({ ok: true, to: "IN_REVIEW" });
    expect(checkCaseAction("acceptOffer", "IN_REVIEW", ["REVIEWER"], null)).toEqual({ ok: true, to: "IN_REVIEW" });
    expect(can("acceptOffer", "DETERMINED", ["REVIEWER"])).toBe(false);
  });

  it("tells a second issue of the decision that the letter is out, and an early one what is missing", () => {
    expect(checkCaseAction("issueDecision", "DECIDED", ["COORDINATOR"], null)).toMatchObject({
      message: "The decision letter has already been issued and cannot be changed. To correct it, issue an amended letter.",
    });
    expect(checkCaseAction("issueDecision", "IN_REVIEW", ["COORDINATOR"], null)).toMatchObject({
      message: "The decision can be issued once every reviewer has submitted and the determination is approved.",
    });
  });

  it("lets the plan reverse its denial during review but not after the decision", () => {
    expect(can("reverseDenial", "IN_REVIEW", ["PLAN"])).toBe(true);
    expect(checkCaseAction("reverseDenial", "DECIDED", ["PLAN"], null)).toMatchObject({
      message: "The decision has been issued: the denial can no longer be reversed here. Confirm compliance instead if the decision overturned it.",
    });
  });

  it("offers each role exactly what it may do now", () => {
    expect(availableActions("DETERMINED", ["COORDINATOR"])).toEqual([
      "lookAfterCase",
      "requestInformation",
      "saveMatchingFacts",
      "sendBack",
      "approveDetermination",
      "recordExpeditedNotice",
      "issueDecision",
    ]);
    expect(availableActions("IN_REVIEW", ["APPLICANT"])).toEqual(["answerInformation", "addDocument", "addNewInformation", "withdraw"]);
    expect(availableActions("CLOSED", ROLES)).toEqual(["amendDecision", "editPublication", "publishDecision"]);
    expect(availableActions("WITHDRAWN", ROLES)).toEqual([]);
    expect(statusesAllowing("editDraft")).toEqual(["DRAFT"]);
  });

  it("moves only to statuses that exist, and every status but the ends is left by some action", () => {
    const reachable = new Set<CaseStatus>(["DRAFT"]);
    for (const name of CASE_ACTION_NAMES) for (const to of Object.values((CASE_ACTIONS[name] as CaseAction).moves)) reachable.add(to);
    expect([...reachable].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it("is printed in docs/case-actions.md, which says the same as the code", async () => {
    await expect(printedTable()).toMatchFileSnapshot(path.resolve("docs/case-actions.md"));
  });

  it("is checked by a server operation for every action, and no case status is compared by hand outside it", () => {
    const sources = serverSources();
    const named = (name: CaseActionName) =>
      new RegExp(`action: [^\\n]*"${name}"|(can|assertCaseAction|checkStatusAndRole)\\("${name}"|CASE_ACTIONS\\.${name}\\b`);
    const unchecked = CASE_ACTION_NAMES.filter((name) => !sources.some(({ text }) => named(name).test(text)));
    expect(unchecked).toEqual([]);

    const statusLiteral = CASE_STATUSES.join("|");
    // Assignments and determinations have statuses of their own (ACCEPTED, SUBMITTED…): only a case's is looked for.
    const caseStatus = String.raw`(\b(kase|before|latest|visible|found|now|row|case)\??\.status|\bcaseStatus)`;
    const handChecks = new RegExp(`${caseStatus} (===|!==) "(${statusLiteral})"|STATUSES\\.includes\\(|\\bisOpen\\(`);
    const offenders = sources.filter(({ file, text }) => !file.endsWith("case-actions.ts") && handChecks.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});

function serverSources(): { file: string; text: string }[] {
  const files = [...fs.readdirSync("app/server", { recursive: true, encoding: "utf8" }).map((file) => path.join("app/server", file))];
  files.push(...fs.readdirSync("app/domain", { recursive: true, encoding: "utf8" }).map((file) => path.join("app/domain", file)));
  return files.filter((file) => file.endsWith(".ts")).map((file) => ({ file, text: fs.readFileSync(file, "utf8") }));
}

const ACTOR_LABELS: Record<CaseActorRole, string> = { ...ROLE_LABELS, WORKER: "The portal's workers" };

/** The table as a reader wants it: for each status, who may do what, and where it leads. */
function printedTable(): string {
  const lines = [
    "# What can be done to a case, by whom, in each status",
    "",
    "Printed from `app/domain/case-actions.ts` by `tests/unit/case-actions.test.ts`; the test fails when the two differ",
    "(run `npx vitest run tests/unit/case-actions.test.ts -u` after changing the table, and read the difference).",
    "The server refuses anything not listed (409 for the wrong status, 403 for the wrong role), and pages offer only what is listed.",
    "",
  ];
  for (const status of CASE_STATUSES) {
    lines.push(`## ${STATUS_LABELS[status]} (\`${status}\`)`, "");
    lines.push("| Action | Who | Leads to | Reason required |", "| --- | --- | --- | --- |");
    for (const name of CASE_ACTION_NAMES.filter((name) => (CASE_ACTIONS[name] as CaseAction).moves[status])) {
      const action: CaseAction = CASE_ACTIONS[name];
      const to = action.moves[status]!;
      const who = action.roles.map((role) => ACTOR_LABELS[role]).join(", ");
      lines.push(`| \`${name}\` | ${who} | ${to === status ? "stays" : STATUS_LABELS[to]} | ${action.reasonRequired ? "yes" : ""} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
