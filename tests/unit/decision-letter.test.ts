import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { formatLocalDate, INITIAL_RULE_PROFILES } from "~/domain/rule-profiles";
import { inSentence, letterContents, SUMMARY_HEADING, type LetterCase, type LetterIssue, type LetterOpinionInput } from "~/domain/decision-letter";
import {
  formatVerificationCode,
  newVerificationCode,
  normalizeVerificationCode,
  VERIFICATION_ALPHABET,
  VERIFICATION_CODE_LENGTH,
} from "~/domain/verification-code";
import { DecisionLetter } from "~/letters/decision-letter";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { pdfPageTexts } from "#tests/support/pdf-text";

const organization = {
  name: "Clearwater Review Organization",
  postalAddress: "PO Box 4410, Albany, NY 12204",
  phone: "1-800-555-0143",
  appUrl: "https://imr.example",
  timeZone: "America/New_York",
};

const kase: LetterCase = {
  reference: "IMR-2026-000042",
  patientName: "Rosa Delgado",
  memberId: "EVG-123456",
  planName: "Evergreen Health Plan",
  serviceDescription: "Lumbar spinal fusion",
  procedureCodes: ["22612"],
  diagnosisCodes: ["M43.16"],
  serviceDate: "2026-09-14",
  denialDate: "2026-10-01",
  planDenialReference: "EVG-APL-7781",
  denialReason: "Not medically necessary: conservative treatment not exhausted",
  planCaseFile: {
    // 9:30 in New York on 12 October.
    receivedAt: new Date("2026-10-12T13:30:00Z"),
    denialReason: "Lumbar fusion does not meet medical policy MP-114: six months of supervised physical therapy are not documented.",
  },
  proceededWithoutCaseFile: false,
  providerName: "Dr. Alan Chu",
  providerNpi: "1234567893",
  providerFacility: "Riverside Spine Center",
  receivedAt: new Date("2026-10-05T14:00:00Z"),
  acceptedAt: new Date("2026-10-07T15:00:00Z"),
  determinedAt: new Date("2026-10-20T16:00:00Z"),
  track: "STANDARD",
  disputeType: "MEDICAL_NECESSITY",
  outcome: "UPHELD",
  preferredLanguage: "en",
  patientAddress: "12 Birch Lane, Springfield, IL 62704",
  providerNotified: true,
};

function opinion(number: number, overrides: Partial<LetterOpinionInput> = {}): LetterOpinionInput {
  return {
    number,
    outcome: "UPHELD",
    partOverturned: null,
    principalReasons: `Reasons of opinion ${number}.`,
    clinicalRationale: `Rationale of opinion ${number}.`,
    references: [{ title: "Lumbar fusion guideline", source: "North American Spine Society", year: 2021, url: null }],
    documentsConsidered: [
      { id: "mri", fileName: "mri-report.pdf", kind: "MEDICAL_RECORDS", author: null, authoredOn: null, receivedAt: new Date("2026-10-06T15:00:00Z") },
    ],
    citations: [],
    standardOfReview: "Medical necessity, under generally accepted standards of medical practice",
    noConflictStatement: "The reviewer attests that they have no material conflict of interest. Signed electronically.",
    submittedAt: new Date("2026-10-20T16:00:00Z"),
    reviewer: {
      specialty: "Orthopaedic surgery",
      credentials: "MD",
      yearsInPractice: 15,
      boardCertifications: [{ specialty: "Orthopaedic Surgery", board: "American Board of Orthopaedic Surgery" }],
    },
    ...overrides,
  };
}

const issue: LetterIssue = {
  version: 1,
  verificationCode: "K7PQ2M9XWD",
  decidedAt: new Date("2026-10-22T15:00:00Z"),
  issuedAt: new Date("2026-10-22T15:00:00Z"),
  complianceDueAt: null,
  regulator: { name: "State Department of Insurance", contact: "1-800-555-0100" },
  amendment: null,
};

async function pdfPages(contents: ReturnType<typeof letterContents>): Promise<string[]> {
  return pdfPageTexts(await renderToBuffer(createElement(DecisionLetter, { contents }) as never));
}

describe("letterContents", () => {
  it("states an upheld denial in plain words first, and that the plan need do nothing", () => {
    const letter = letterContents(kase, [opinion(1)], organization, issue);
    expect(letter.summary.heading).toBe(SUMMARY_HEADING);
    expect(letter.summary.outcome).toBe("The denial is upheld.");
    expect(letter.summary.paragraphs.join(" ")).toContain("Evergreen Health Plan does not have to approve or pay for it");
    expect(letter.binding[0]).toContain("binding on Evergreen Health Plan");
    expect(letter.rights.join(" ")).toContain("legal action in court");
    expect(letter.rights.join(" ")).toContain("State Department of Insurance: 1-800-555-0100");
    expect(letter.opinions[0]?.heading).toBe("The reviewer (board-certified in Orthopaedic Surgery)");
    expect(letter.decisionDate).toBe("Thu 22 Oct 2026");
    expect(letter.verification.code).toBe("K7PQ2-M9XWD");
    expect(letter.verification.footer).toContain("https://imr.example/verify");
    expect(letter.translationNote).toBeNull();
  });

  it("gives an overturn's deadline to the plan and labels each panel member by certification", () => {
    const overturned = { ...kase, outcome: "OVERTURNED" as const, disputeType: "EXPERIMENTAL_INVESTIGATIONAL" as const };
    const opinions = [
      opinion(1, { outcome: "OVERTURNED" }),
      opinion(2, { outcome: "OVERTURNED", reviewer: { specialty: "Neurosurgery", credentials: null, yearsInPractice: null, boardCertifications: [] } }),
      opinion(3, { outcome: "UPHELD" }),
    ];
    const letter = letterContents(overturned, opinions, organization, { ...issue, complianceDueAt: new Date("2026-10-24T03:59:59Z") });
    expect(letter.summary.outcome).toBe("The denial is overturned.");
    expect(letter.summary.paragraphs.join(" ")).toContain("must approve or pay for it by Fri 23 Oct 2026, 11:59 PM ET");
    expect(letter.binding[0]).toContain("by Fri 23 Oct 2026, 11:59 PM ET");
    expect(letter.opinions.map((section) => section.heading)).toEqual([
      "Reviewer 1 (board-certified in Orthopaedic Surgery)",
      "Reviewer 2 (Neurosurgery)",
      "Reviewer 3 (board-certified in Orthopaedic Surgery)",
    ]);
    expect(letter.decision.basis).toContain("two to overturn the denial and one to uphold it");
    expect(letter.reviewDetails).toContainEqual({ label: "Type of dispute", value: "Experimental/Investigational" });
  });

  it("names the part overturned, and notes that a translation can be asked for", () => {
    const inPart = { ...kase, outcome: "OVERTURNED_IN_PART" as const, preferredLanguage: "es" };
    const letter = letterContents(
      inPart,
      [opinion(1, { outcome: "OVERTURNED_IN_PART", partOverturned: "the first two physiotherapy sessions" })],
      organization,
      issue,
    );
    expect(letter.decision.outcome).toBe("The denial is overturned in part. The part overturned: the first two physiotherapy sessions.");
    expect(letter.summary.paragraphs[0]).toContain("part of lumbar spinal fusion: the first two physiotherapy sessions");
    expect(letter.summary.paragraphs[1]).toContain("The rest of the denial stands");
    expect(letter.translationNote).toContain("Spanish");
  });

  it("says which version an amendment replaces and why", () => {
    const letter = letterContents(kase, [opinion(1)], organization, {
      ...issue,
      version: 2,
      issuedAt: new Date("2026-11-02T15:00:00Z"),
      amendment: { reason: "The member ID was wrong.", replaces: { version: 1, issuedAt: issue.issuedAt } },
    });
    expect(letter.title).toBe("Amended decision of the independent medical review");
    expect(letter.amendment?.notice).toContain("replaces version 1, issued on Thu 22 Oct 2026");
    expect(letter.amendment?.reason).toBe("The member ID was wrong.");
    expect(letter.decisionDate).toBe("Thu 22 Oct 2026");
    expect(letter.issuedOn).toBe("Mon 2 Nov 2026");
  });
});

describe("the letter's addresses and wording", () => {
  it("is addressed to the patient, copied to the plan and the provider, under the organization's postal address and phone", () => {
    const letter = letterContents(kase, [opinion(1)], organization, issue);
    expect(letter.organizationContact).toEqual(["PO Box 4410", "Albany", "NY 12204", "Phone 1-800-555-0143"]);
    expect(letter.recipient).toEqual({
      lines: ["Rosa Delgado", "12 Birch Lane", "Springfield", "IL 62704"],
      copies: "Copies to: Evergreen Health Plan and Dr. Alan Chu",
    });
    expect(letterContents({ ...kase, providerNotified: false, patientAddress: null }, [opinion(1)], organization, issue).recipient).toEqual({
      lines: ["Rosa Delgado"],
      copies: "Copies to: Evergreen Health Plan",
    });
    expect(letter.contact[0]).toBe(
      "Questions about this letter: Clearwater Review Organization, PO Box 4410, Albany, NY 12204, Phone 1-800-555-0143, https://imr.example. Please quote the reference number IMR-2026-000042.",
    );
  });

  it("writes the service in sentence case within sentences, and as given where it is a value", () => {
    expect(inSentence("Lumbar spinal fusion")).toBe("lumbar spinal fusion");
    expect(inSentence("MRI of the lumbar spine")).toBe("MRI of the lumbar spine");
    expect(inSentence("CyberKnife radiosurgery")).toBe("CyberKnife radiosurgery");
    expect(inSentence("3D mammography")).toBe("3D mammography");
    const letter = letterContents(kase, [opinion(1)], organization, issue);
    expect(letter.summary.paragraphs[0]).toBe("An independent physician reviewer agreed with Evergreen Health Plan's decision to deny lumbar spinal fusion.");
    expect(letter.caseDetails).toContainEqual({ label: "Service in dispute", value: "Lumbar spinal fusion (procedure codes 22612; diagnosis codes M43.16)" });
  });

  it("names each profile's regulator with a phone number and a web address, never a placeholder", () => {
    for (const profile of INITIAL_RULE_PROFILES) {
      expect(profile.regulatorContact).toMatch(/\b1-\d{3}-\d{3}-\d{4}\b/);
      expect(profile.regulatorContact).toMatch(/\b[a-z0-9.-]+\.(gov|org)\b/);
      expect(profile.regulatorContact).not.toMatch(/your state|plan card|see the back/i);
    }
  });
});

describe("the plan's reason for the denial", () => {
  const reasonIn = (letterCase: LetterCase) =>
    letterContents(letterCase, [opinion(1)], organization, issue).caseDetails.find((field) => field.label === "The plan's reason for the denial")?.value;

  it("quotes the plan's own words from its case file, with the date the file came in, never the applicant's paraphrase", () => {
    const reason = reasonIn(kase);
    expect(reason).toBe(
      `Your health plan denied the service because: “Lumbar fusion does not meet medical policy MP-114: six months of supervised physical therapy are not documented.” (the plan's case file, received ${formatLocalDate("2026-10-12")})`,
    );
    expect(reason).not.toContain("conservative treatment not exhausted");
  });

  it("gives the applicant's description, labelled as theirs, when the review went ahead without the plan's case file", () => {
    expect(reasonIn({ ...kase, planCaseFile: null, proceededWithoutCaseFile: true })).toBe(
      "As you described the denial: “Not medically necessary: conservative treatment not exhausted” (the review went ahead without the plan's case file, which came late)",
    );
  });

  it("says why the applicant's description stands in when the plan's file gave no reason or had not come in", () => {
    expect(reasonIn({ ...kase, planCaseFile: { receivedAt: new Date("2026-10-12T13:30:00Z"), denialReason: null } })).toBe(
      "As you described the denial: “Not medically necessary: conservative treatment not exhausted” (the plan's case file does not state its reason)",
    );
    expect(reasonIn({ ...kase, planCaseFile: null })).toBe(
      "As you described the denial: “Not medically necessary: conservative treatment not exhausted” (the plan's case file had not come in)",
    );
    expect(reasonIn({ ...kase, planCaseFile: null, denialReason: null })).toBe("Not stated in the plan's case file or in the request");
  });

  it("dates the case file in the organization's time zone: a file in late evening belongs to that local day", () => {
    // 23:30 in New York on 12 October is already the 13th in UTC.
    const late = { ...kase, planCaseFile: { receivedAt: new Date("2026-10-13T03:30:00Z"), denialReason: "Not covered." } };
    expect(reasonIn(late)).toBe(
      `Your health plan denied the service because: “Not covered.” (the plan's case file, received ${formatLocalDate("2026-10-12")})`,
    );
  });
});

describe("reviewer anonymity", () => {
  it.each([
    [5, "5–10 years of clinical practice"],
    [9, "5–10 years of clinical practice"],
    [10, "10–20 years of clinical practice"],
    [20, "10–20 years of clinical practice"],
    [21, "More than 20 years of clinical practice"],
    [22, "More than 20 years of clinical practice"],
  ])("prints %i years in practice as a band, never the exact number", (years, band) => {
    const reviewer = { ...opinion(1).reviewer, yearsInPractice: years };
    const letter = letterContents(kase, [opinion(1, { reviewer })], organization, issue);
    const qualifications = letter.opinions[0]?.qualifications ?? [];
    expect(qualifications).toContain(band);
    expect(qualifications).not.toContain(`${years} years of clinical practice`);
  });
});

describe("the PDF", () => {
  it("prints the verification code, the check address and the page number on every page", async () => {
    const long = "The evidence was weighed carefully. ".repeat(120);
    const opinions = [1, 2, 3].map((number) => opinion(number, { clinicalRationale: long }));
    const pages = await pdfPages(letterContents(kase, opinions, organization, issue));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, index) => {
      expect(text).toContain("Verification code K7PQ2-M9XWD");
      expect(text).toContain("https://imr.example/verify");
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(pages[0]).toContain(SUMMARY_HEADING);
  }, 30_000);
});

describe("the PDF, once", () => {
  it("prints each section once for a lone reviewer: no date, outcome, criterion or document twice", async () => {
    const text = (await pdfPages(letterContents(kase, [opinion(1)], organization, issue))).join(" ");
    const count = (phrase: string) => text.split(phrase).length - 1;
    expect(count("Date of the decision")).toBe(1);
    expect(count("The denial is upheld.")).toBe(1);
    expect(count("Lumbar fusion guideline")).toBe(1);
    expect(count("mri-report.pdf")).toBe(1);
    expect(count("Medical necessity, under generally accepted standards")).toBe(1);
    expect(text).toContain("12 Birch Lane");
    expect(text).toContain("Copies to: Evergreen Health Plan and Dr. Alan Chu");
  }, 30_000);

  it("keeps each panel member's own criteria and documents under their opinion", async () => {
    const text = (await pdfPages(letterContents(kase, [opinion(1), opinion(2), opinion(3)], organization, issue))).join(" ");
    expect(text.split("Criteria and literature relied on").length - 1).toBe(3);
  }, 30_000);

  it("states its language and title for assistive technology", async () => {
    const bytes = await renderToBuffer(createElement(DecisionLetter, { contents: letterContents(kase, [opinion(1)], organization, issue) }) as never);
    const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
    await pdf.destroy();
    expect(info.Title).toBe("Decision of the independent medical review, IMR-2026-000042, version 1");
    expect(info.Language).toBe("en");
  }, 30_000);
});

describe("verification codes", () => {
  it("draws ten characters from the unambiguous alphabet, without bias from bytes above its range", () => {
    let call = 0;
    // The first call's bytes are all out of range (skipped); then 0, 1, 2... pick the alphabet in order.
    const code = newVerificationCode((size) => (call++ === 0 ? new Uint8Array(size).fill(255) : Uint8Array.from({ length: size }, (_, i) => i)));
    expect(code).toBe(VERIFICATION_ALPHABET.slice(0, VERIFICATION_CODE_LENGTH));
    expect(/[01ILO]/.test(newVerificationCode((size) => crypto.getRandomValues(new Uint8Array(size))))).toBe(false);
  });

  it("reads a code however it was typed, and refuses what cannot be one", () => {
    expect(formatVerificationCode("K7PQ2M9XWD")).toBe("K7PQ2-M9XWD");
    expect(normalizeVerificationCode(" k7pq2-m9xwd ")).toBe("K7PQ2M9XWD");
    expect(normalizeVerificationCode("K7PQ2 M9XWD")).toBe("K7PQ2M9XWD");
    expect(normalizeVerificationCode("K7PQ2-M9XW")).toBeNull();
    expect(normalizeVerificationCode("K7PQ2-M9XW0")).toBeNull();
  });
});

describe("the documents considered", () => {
  const received = new Date("2026-10-06T15:00:00Z");
  const lee = { id: "lee", fileName: "lee-letter.pdf", kind: "PHYSICIAN_LETTER", author: "Dr. Sam Lee", authoredOn: "2026-09-03", receivedAt: received };
  const scan = { id: "scan", fileName: "fax-scan.pdf", kind: "MEDICAL_RECORDS", author: null, authoredOn: null, receivedAt: received };

  it("lists each document with its date, author and the pages cited", () => {
    const letter = letterContents(
      kase,
      [
        opinion(1, {
          documentsConsidered: [lee, scan],
          citations: [
            { documentId: "lee", fromPage: 12, toPage: 12, note: null },
            { documentId: "lee", fromPage: 3, toPage: 5, note: "Physical therapy" },
          ],
        }),
      ],
      organization,
      issue,
    );
    expect(letter.evidence.documents).toEqual([
      "lee-letter.pdf (Letter from a doctor), dated Thu 3 Sep 2026, by Dr. Sam Lee; cited: pages 3–5, 12",
      "fax-scan.pdf (Medical records), undated; received Tue 6 Oct 2026",
    ]);
  });

  it("for a panel: every document any member considered, once, with the pages all of them cite", () => {
    const letter = letterContents(
      kase,
      [
        opinion(1, { documentsConsidered: [lee], citations: [{ documentId: "lee", fromPage: 3, toPage: 4, note: null }] }),
        opinion(2, { documentsConsidered: [lee, scan], citations: [{ documentId: "lee", fromPage: 5, toPage: 5, note: null }] }),
      ],
      organization,
      issue,
    );
    expect(letter.evidence.documents).toEqual([
      "lee-letter.pdf (Letter from a doctor), dated Thu 3 Sep 2026, by Dr. Sam Lee; cited: pages 3–5",
      "fax-scan.pdf (Medical records), undated; received Tue 6 Oct 2026",
    ]);
    expect(letter.opinions[0]?.ownEvidence?.documents).toEqual([
      "lee-letter.pdf (Letter from a doctor), dated Thu 3 Sep 2026, by Dr. Sam Lee; cited: pages 3–4",
    ]);
  });
});
