import type { Page } from "@playwright/test";
import { db } from "~/server/db.server";
import { pdfPageTexts } from "#tests/support/pdf-text";
import { expect } from "./fixtures";

/**
 * The coordinator approves the submitted determination with the summary of
 * its findings, issues the decision, and reads the issued letter: its text,
 * on one line, as the PDF gives it.
 */
export async function approveAndIssue(coordinator: Page, caseId: string, summary: string): Promise<string> {
  await coordinator.goto(`/iro/cases/${caseId}/quality`);
  await coordinator.getByLabel("Summary of the findings").fill(summary);
  await coordinator.getByRole("button", { name: "Approve the determination" }).click();
  await expect(coordinator.getByText("The determination is approved.")).toBeVisible();
  await coordinator.goto(`/iro/cases/${caseId}/decision`);
  await coordinator.getByRole("button", { name: "Issue the decision" }).click();
  await expect(coordinator.getByText("The decision is issued.")).toBeVisible();

  const letter = await db.decisionLetter.findFirstOrThrow({ where: { caseId } });
  const response = await coordinator.request.get(`/documents/${letter.documentId}`);
  expect(response.ok()).toBe(true);
  return (await pdfPageTexts(new Uint8Array(await response.body()))).join(" ").replace(/\s+/g, " ");
}
