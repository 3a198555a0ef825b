/**
 * Rendering a panel's decision letter (`npm run bench:letter`).
 * Target: p95 ≤ 300 ms per letter.
 *
 * Measured: what issuing a letter spends on the letter itself, from the
 * case's facts to the PDF's bytes: letterContents() and react-pdf's
 * rendering (layout, fonts, page breaks, the footer on every page) of an
 * overturned case decided by three reviewers, each opinion with reasons,
 * rationale, literature and documents at a realistic length. Loading the
 * case, storing the file and the transaction are not measured. The first
 * renders load the fonts and warm the JIT, so they are run and discarded.
 */
import { performance } from "node:perf_hooks";
import { createElement } from "react";
import { letterContents, type LetterCase, type LetterIssue, type LetterOpinionInput } from "~/domain/decision-letter";
import { DecisionLetter } from "~/letters/decision-letter";
import { renderPdf } from "~/server/letters/render-pdf.server";

const RUNS = 30;
const WARM_UP_RUNS = 5;
const TARGET_P95_MS = 300;

const organization = {
  name: "Clearwater Independent Review Organization",
  postalAddress: "PO Box 4410, Albany, NY 12204",
  phone: "1-800-555-0143",
  appUrl: "https://imr.example.org",
  timeZone: "America/New_York",
};

const kase: LetterCase = {
  reference: "IMR-2026-004217",
  patientName: "Rosa María Delgado",
  memberId: "EVG-55120-03",
  planName: "Evergreen Health Plan",
  serviceDescription: "Proton beam radiation therapy for a recurrent low-grade glioma",
  procedureCodes: ["77520", "77523"],
  diagnosisCodes: ["C71.1"],
  serviceDate: "2026-03-02",
  denialDate: "2026-03-20",
  planDenialReference: "EVG-UM-2026-88341",
  denialReason: "Experimental or investigational for this indication: not shown to be more effective than photon therapy",
  planCaseFile: {
    receivedAt: new Date("2026-04-08T15:00:00Z"),
    denialReason: "Proton beam therapy is investigational for low-grade glioma under medical policy RAD-014: no evidence of benefit over photon therapy.",
  },
  proceededWithoutCaseFile: false,
  providerName: "Dr. Alan Chu",
  providerNpi: "1234567893",
  providerFacility: "Riverside Cancer Center",
  receivedAt: new Date("2026-04-06T14:00:00Z"),
  acceptedAt: new Date("2026-04-09T15:00:00Z"),
  determinedAt: new Date("2026-05-08T16:00:00Z"),
  track: "STANDARD",
  disputeType: "EXPERIMENTAL_INVESTIGATIONAL",
  outcome: "OVERTURNED",
  preferredLanguage: "es",
  patientAddress: "12 Birch Lane, Springfield, IL 62704",
  providerNotified: true,
};

const paragraph = (topic: string) =>
  `${topic} The patient is a 34-year-old woman with a recurrent left temporal low-grade glioma, previously resected and treated with photon radiation. ` +
  "Because the tumour lies next to the hippocampus and the optic pathways, the cumulative dose to these structures from a second course of photon therapy " +
  "would carry a substantial risk of lasting memory loss and visual harm. Dosimetric comparisons in the records show that proton therapy lowers the " +
  "dose to the hippocampus by about half while covering the target equally well. Published cohorts and the consensus guideline support proton therapy " +
  "for re-irradiation in young patients with a long expected survival, which this patient has.";

function opinion(number: number, outcome: LetterOpinionInput["outcome"], specialty: string): LetterOpinionInput {
  return {
    number,
    outcome,
    partOverturned: null,
    principalReasons: paragraph(`Opinion ${number}: the requested treatment is ${outcome === "UPHELD" ? "not " : ""}medically necessary for this patient.`),
    clinicalRationale: `${paragraph("Clinical findings.")}\n\n${paragraph("Weighing the evidence.")}`,
    references: [
      { title: "Proton beam therapy: model policy", source: "American Society for Radiation Oncology", year: 2022, url: "https://www.astro.org/" },
      { title: "Central nervous system cancers, version 1.2026", source: "NCCN Clinical Practice Guidelines in Oncology", year: 2026, url: null },
      {
        title: "Proton versus photon re-irradiation of recurrent glioma: a cohort study",
        source: "International Journal of Radiation Oncology",
        year: 2023,
        url: null,
      },
    ],
    documentsConsidered: [
      { id: "denial", fileName: "denial-letter.pdf", kind: "DENIAL_LETTER", author: "Evergreen Health Plan", authoredOn: "2026-03-02" },
      { id: "appeal", fileName: "appeal-decision.pdf", kind: "APPEAL_DECISION", author: null, authoredOn: "2026-04-01" },
      { id: "mri", fileName: "mri-2026-02.pdf", kind: "MEDICAL_RECORDS", author: "Dr. Ana Ruiz", authoredOn: "2026-02-11" },
      { id: "dosimetry", fileName: "dosimetry-comparison.pdf", kind: "MEDICAL_RECORDS", author: null, authoredOn: null },
      { id: "oncologist", fileName: "oncologist-letter.pdf", kind: "PHYSICIAN_LETTER", author: "Dr. Mei Chen", authoredOn: "2026-04-20" },
    ].map((document) => ({ ...document, receivedAt: new Date(Date.UTC(2026, 4, 1, 15)) })),
    citations: [
      { documentId: "mri", fromPage: 2, toPage: 3, note: "Recurrence on the February scan" },
      { documentId: "oncologist", fromPage: 1, toPage: 1, note: null },
    ],
    standardOfReview: "Experimental or investigational: whether the treatment is likely to be more beneficial than the standard treatment",
    noConflictStatement:
      "The reviewer attests that they have no material professional, familial or financial conflict of interest with the health plan, the patient, the treating physician or facility, or the maker of any drug or device in dispute. Signed electronically on Fri 8 May 2026, 12:00 PM EDT.",
    submittedAt: new Date(Date.UTC(2026, 4, 4 + number, 16)),
    reviewer: {
      specialty,
      credentials: "MD, FACR",
      yearsInPractice: 12 + number,
      boardCertifications: [{ specialty: "Radiation Oncology", board: "American Board of Radiology" }],
    },
  };
}

const opinions = [opinion(1, "OVERTURNED", "Radiation oncology"), opinion(2, "UPHELD", "Radiation oncology"), opinion(3, "OVERTURNED", "Neuro-oncology")];
const issue: LetterIssue = {
  version: 1,
  verificationCode: "K7PQ2M9XWD",
  decidedAt: new Date("2026-05-11T15:00:00Z"),
  issuedAt: new Date("2026-05-11T15:00:00Z"),
  complianceDueAt: new Date("2026-05-13T03:59:59Z"),
  regulator: { name: "State Department of Insurance", contact: "1-800-555-0100" },
  amendment: null,
};

const render = () => renderPdf(createElement(DecisionLetter, { contents: letterContents(kase, opinions, organization, issue) }));

let bytes = 0;
for (let i = 0; i < WARM_UP_RUNS; i++) bytes = (await render()).length;

const timings: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  await render();
  timings.push(performance.now() - t0);
}

timings.sort((a, b) => a - b);
const percentile = (p: number) => timings[Math.min(timings.length - 1, Math.ceil((p / 100) * timings.length) - 1)] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const p95 = percentile(95);
console.log(
  `decision letter, three opinions (${Math.round(bytes / 1024)} KB PDF), ${RUNS} renders after ${WARM_UP_RUNS} warm-up: p50 ${ms(percentile(50))}, p95 ${ms(p95)}, max ${ms(timings.at(-1) ?? NaN)}`,
);
console.log(`(target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? "met" : "NOT met"})`);
