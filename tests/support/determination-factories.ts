/**
 * The review's later stages, taken through the portal's own operations: a
 * reviewer's signed determination, the coordinator's quality approval. For
 * tests that start where a reviewer or a coordinator has already acted.
 */
import type { DecisionOutcome } from "~/domain/panel";
import { determinationSchema } from "~/schemas/determination";
import { db } from "~/server/db.server";
import { approveDetermination } from "~/server/determinations/approve-determination.server";
import { submitDetermination } from "~/server/determinations/submit-determination.server";
import { actorFor, sessionUserOf } from "./factories";

type Person = Parameters<typeof sessionUserOf>[0];

/** The reviewer considers every document on the case and submits a complete, signed determination. */
export async function submitSignedDetermination(options: {
  caseId: string;
  reviewer: Person;
  outcome?: DecisionOutcome;
  reference?: { title: string; source: string; year: number };
}) {
  const documents = await db.document.findMany({ where: { caseId: options.caseId }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const reference = options.reference ?? { title: "Guideline for cardiac rehabilitation", source: "American Heart Association", year: 2021 };
  const input = determinationSchema({ reviewerName: options.reviewer.name }).parse({
    intent: "submit",
    outcome: options.outcome ?? "OVERTURNED",
    partOverturned: "",
    principalReasons: "Supervised cardiac rehabilitation is the standard of care after a myocardial infarction.",
    clinicalRationale: "Ejection fraction of 40% after an anterior infarction; rehabilitation lowers mortality.",
    references: [{ ...reference, year: String(reference.year), url: "" }],
    documentsConsidered: documents.map((document) => document.id),
    standardOfReview: "medical-necessity",
    noConflict: "on",
    signedName: options.reviewer.name,
  });
  return submitDetermination({ user: sessionUserOf(options.reviewer), actor: actorFor(options.reviewer), caseId: options.caseId, input });
}

/** The coordinator approves the determination after quality review. */
export async function approveSubmittedDetermination(options: { caseId: string; coordinator: Person; findings?: string }) {
  const { version } = await db.case.findUniqueOrThrow({ where: { id: options.caseId }, select: { version: true } });
  await approveDetermination({
    user: sessionUserOf(options.coordinator),
    actor: actorFor(options.coordinator),
    caseId: options.caseId,
    expectedVersion: version,
    comments: "Every element of the letter is present and consistent.",
    findings: options.findings ?? "The requested service is medically necessary for this patient's condition.",
  });
}
