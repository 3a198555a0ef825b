import { DAY, HOUR } from "./demo-case-steps";
import { eleanor, maria, PACIFIC, type DemoRequest, type DraftProgress } from "./demo-requests";

interface DemoDraft {
  request: DemoRequest;
  progress: DraftProgress;
  /** How long before seeding the applicant last saved it. */
  savedAgo: number;
}

/** Drafts the applicants are still writing, each left at a different step. */
export const DEMO_DRAFTS: readonly DemoDraft[] = [
  {
    request: maria({
      claim: "EHP-DEMO-1010",
      service: "Sleep study in a hospital laboratory",
      procedureCodes: "95810",
      diagnosisCodes: "G47.33",
      provider: { name: "Dr. Paul Chen" },
      denialReason: "A home sleep test must be tried first.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "",
    }),
    progress: { resumeAt: "denial", typedSoFar: ["denialDate", "planDenialReference", "serviceDescription"] },
    savedAgo: 2 * HOUR,
  },
  {
    request: maria({
      claim: "EHP-DEMO-1011",
      service: "Physical therapy for a frozen shoulder, left",
      procedureCodes: "97140",
      diagnosisCodes: "M75.02",
      provider: { name: "Dr. Rachel Kim", npi: "1396842755" },
      denialReason: "Not medically necessary.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "My shoulder has been frozen for five months and is not getting better on its own.",
    }),
    progress: { resumeAt: "review" },
    savedAgo: 1 * DAY,
  },
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2007",
      service: "Power wheelchair",
      procedureCodes: "K0823",
      diagnosisCodes: "I69.351",
      provider: { name: "Dr. Aaron Blake", npi: "1821063785" },
      denialReason: "A manual wheelchair meets the member's needs.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "",
    }),
    progress: { resumeAt: "urgency" },
    savedAgo: 3 * DAY,
  },
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2008",
      service: "Dental implants after jaw surgery",
      procedureCodes: "D6010",
      diagnosisCodes: "K08.109",
      provider: { name: "Dr. Nora Patel" },
      denialReason: "Dental implants are not a covered medical benefit.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "The teeth were lost to the jaw surgery for her cancer, not to dental disease.",
    }),
    progress: { resumeAt: "documents", uploadedSoFar: 1 },
    savedAgo: 6 * HOUR,
  },
];
