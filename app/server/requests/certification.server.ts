import { caseLinkPath } from "~/domain/case-paths";
import type { DocumentKind } from "~/domain/documents/document-kinds";
import { certificationArrives } from "~/domain/requests/certification";
import { audit } from "../audit.server";
import { config } from "../config.server";
import type { Tx } from "../db.server";
import { queueEmail } from "../outbox.server";
import type { Actor } from "../request-context.server";
import { coordinatorEmails } from "./case-page.server";

/**
 * Inside the upload's transaction: when the document is the doctor's
 * certification an expedited request was waiting for, the timeline says it
 * arrived (which ends the applicant's to-do), with its audit row, and the
 * case's coordinators are told. Any other document changes nothing here.
 */
export async function recordCertificationArrival(
  tx: Tx,
  arrival: { caseId: string; document: { id: string; kind: DocumentKind }; actor: Actor; at: Date },
): Promise<void> {
  const { caseId, document, actor, at } = arrival;
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      reference: true,
      status: true,
      track: true,
      certificationToFollow: true,
      // The case's documents before this one.
      documents: { where: { id: { not: document.id } }, select: { kind: true } },
    },
  });
  const facts = { ...kase, documentKinds: kase.documents.map((row) => row.kind) };
  if (!kase.reference || !certificationArrives(facts, document.kind)) return;
  const data = { documentId: document.id };
  await tx.caseEvent.create({ data: { caseId, type: "certification_received", actorId: actor.userId, data, createdAt: at } });
  await audit(actor, { action: "case.certification_received", objectType: "Case", objectId: caseId, detail: { reference: kase.reference, ...data }, at }, tx);
  for (const to of await coordinatorEmails(tx, caseId)) {
    await queueEmail(tx, {
      template: "case-update",
      to,
      caseId,
      at,
      props: {
        organizationName: config().organizationName,
        reference: kase.reference,
        headline: "The doctor's certification arrived",
        action: "The treating doctor's certification for this expedited request is now on the case.",
        link: `${config().appUrl}${caseLinkPath(kase.reference)}`,
      },
    });
  }
}
