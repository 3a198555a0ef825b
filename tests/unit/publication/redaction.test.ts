import { describe, expect, it } from "vitest";
import { redactFindings, type CaseIdentifiers } from "~/domain/publication/redaction";
import { findingsCorpus } from "#tests/support/findings-corpus";

const LUCIA: CaseIdentifiers = {
  patientName: "Lucía Hernández-García",
  representativeName: null,
  relativeNames: ["Teodoro Hernández"],
  providerNames: ["Dra. Carmen Ruiz"],
  facilityNames: ["Clínica Familiar del Este"],
  memberId: "PCH55820913",
  claimNumber: "PCH-DEMO-2009",
  emails: ["lucia.hernandez@example.com"],
  phones: ["(323) 555-0164"],
  addresses: ["2150 East Cesar Chavez Avenue, Los Angeles, CA 90033"],
};

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
const wordsOf = (text: string) => new Set(text.match(/[\p{L}\p{N}@.'_-]+/gu)?.flatMap((word) => [word, ...word.split(/[^\p{L}\p{N}]+/u)]) ?? []);

describe("redacting a decision's findings", () => {
  it("removes the case's own names in the spellings people write them, and keeps the titles and the medicine", () => {
    const { text } = redactFindings(
      "LUCIA HERNANDEZ GARCIA, seen by Dra. Ruiz at the Clinica Familiar, had two lows; Ms. Hernández's husband Teodoro called. L. García takes insulin glargine 20 units.",
      LUCIA,
    );
    expect(text).toBe(
      "[patient] [patient] [patient], seen by Dra. [provider] at the [facility], had two lows; Ms. [patient]'s husband [relative] called. [patient] takes insulin glargine 20 units.",
    );
  });

  it("removes IDs with or without their separators, phone numbers, emails, the street and ZIP, and keeps codes and the guideline's year", () => {
    const { text } = redactFindings(
      "Member pch 558209 13 (claim PCH DEMO 2009) lives at 2150 east cesar chavez avenue, CA 90033; phone 323.555.0164, LUCIA.HERNANDEZ@EXAMPLE.COM. HCPCS A9276, ICD-10 E10.649, per the ADA guideline (2024).",
      LUCIA,
    );
    expect(text).toBe(
      "Member [ID] (claim [ID]) lives at [address], CA [ZIP]; phone [phone], [email]. HCPCS A9276, ICD-10 E10.649, per the ADA guideline (2024).",
    );
  });

  it("turns dates into their year, in English and Spanish, and says no more than the year", () => {
    const { text } = redactFindings("Denied on March 3, 2026, appealed 4/15/2026, seen el 2 de mayo de 2026 and on Jan. 9; MRI 2026-01-20.", {});
    expect(text).toBe("Denied on [date in 2026], appealed [date in 2026], seen el [date in 2026] and on [date]; MRI [date in 2026].");
  });

  it("removes an age past 89, which identifies on its own, and keeps younger ages", () => {
    expect(redactFindings("A 93-year-old woman; her 67 year old sister.", {}).text).toBe("A [age 90 or older]-year-old woman; her 67 year old sister.");
  });

  it("tells where each removal was, for the coordinator's side-by-side reading", () => {
    const original = "Maria Lopez called (503) 555-0142.";
    const { redactions } = redactFindings(original, { patientName: "Maria Lopez", phones: ["503-555-0142"] });
    expect(redactions.map((redaction) => [redaction.kind, original.slice(redaction.start, redaction.end)])).toEqual([
      ["name", "Maria"],
      ["name", "Lopez"],
      ["phone", "(503) 555-0142"],
    ]);
  });

  it("leaks nothing on 10,000 generated findings seeded with their case's identifiers in many spellings", { timeout: 120_000 }, () => {
    const leaks: string[] = [];
    for (const finding of findingsCorpus(Number(process.env.CORPUS ?? 10_000))) {
      // What is left of the findings, the replacements aside ("[age 90 or older]" says 90 and names no one).
      const redacted = fold(redactFindings(finding.findings, finding.identifiers).text).replace(/\[[^\]]*\]/g, "[]");
      for (const inserted of finding.inserted) if (redacted.includes(fold(inserted))) leaks.push(`${inserted} in: ${redacted}`);
      const words = wordsOf(redacted);
      for (const secret of finding.secrets) if (words.has(secret)) leaks.push(`${secret} in: ${redacted}`);
    }
    expect(leaks.slice(0, 10)).toEqual([]);
  });
});
