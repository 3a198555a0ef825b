/**
 * The public library's journey: a coordinator edits a decided case's
 * de-identified draft beside the findings as written and approves it; it is
 * published at once (the demo has five decisions alike); a signed-out
 * visitor finds it by a keyword and a filter and opens it.
 */
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { DEMO } from "./support/portal";

test("a coordinator publishes an edited draft and a signed-out visitor finds it by keyword and filter", async ({ page, signInPageAs }) => {
  // A demo decision still waiting for its review (a retry takes the next one).
  const draft = await db.publication.findFirstOrThrow({
    where: { status: "DRAFT", case: { planDenialReference: { startsWith: "EHP-DEMO-" } } },
    orderBy: { number: "asc" },
    select: { caseId: true, number: true, diagnosisCategory: true, case: { select: { findings: true } } },
  });
  const marker = `Hippocampal sparing reviewed ${draft.number}`;

  await signInPageAs(DEMO.coordinator);
  await page.goto(`/iro/cases/${draft.caseId}`);
  await page.getByRole("link", { name: "Review the de-identified decision for the public library" }).click();
  await expect(page.getByRole("region", { name: "The findings as written" })).toContainText(draft.case!.findings!.slice(0, 40));
  const findings = page.getByLabel("Findings to publish");
  await findings.fill(`${await findings.inputValue()} ${marker}.`);
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByText("The draft is saved. Nothing is public until you approve it.")).toBeVisible();
  await expect(findings).toHaveValue(new RegExp(`${marker}\\.$`));
  await page.getByRole("button", { name: "Approve for the public library" }).click();
  await expect(page.getByText("Approved and published in the public library.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Published" })).toHaveAttribute("href", `/decisions/${draft.number}`);

  await page.context().clearCookies();
  await page.goto("/decisions");
  await page.getByLabel("Words to search for").fill(marker);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "1 decision", exact: true })).toBeVisible();
  // Its diagnosis among the filters keeps it found.
  await page.getByRole("group", { name: "Diagnosis" }).getByLabel(draft.diagnosisCategory).check();
  await page.getByRole("button", { name: "Apply the filters" }).click();
  await expect(page).toHaveURL(/diagnosisCategory=/);
  await expect(page.getByRole("heading", { name: "1 decision", exact: true })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(`^Decision ${draft.number}:`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Decision ${draft.number}`);
  await expect(page.getByText(marker)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Similar decisions" })).toBeVisible();
});
