/**
 * The no-conflict attestation a reviewer signs for one case before any of
 * its records open (docs/rules/reviewers.md, "The no-conflict attestation"). The words are data: the page
 * shows them, the reviewer signs them, and the assignment keeps exactly what
 * was signed.
 */

/** The parties of the dispute the attestation names, as the coordinator recorded them. */
export interface AttestationParties {
  reference: string;
  patientName: string | null;
  planName: string | null;
  providerName: string | null;
  treatingGroupName: string | null;
  providerFacility: string | null;
  manufacturerName: string | null;
}

const named = (what: string, name: string | null) => (name?.trim() ? `${what} (${name.trim()})` : what);

/** Each statement the reviewer attests to, in order. */
export function attestationStatements(parties: AttestationParties): string[] {
  const physician = named("the treating physician", parties.providerName);
  const group = named("their medical group", parties.treatingGroupName);
  return [
    `I have no material professional, familial or financial tie to ${named("the health plan", parties.planName)} or any of its officers, directors or managers.`,
    `I have no material professional, familial or financial tie to ${named("the patient", parties.patientName)} or the patient's family.`,
    `I have no material professional, familial or financial tie to ${physician} or ${group}.`,
    `I have no material professional, familial or financial tie to ${named("the facility where the treatment is or would be given", parties.providerFacility)}.`,
    `I have no material professional, familial or financial tie to ${named("the maker of any drug or device in dispute", parties.manufacturerName)}.`,
    "I have had no earlier involvement in this case or in the plan's decisions or appeals about it.",
    "If, once the records open, I find any such tie, I will stop at once, tell the organization, and not review the case.",
  ];
}

/**
 * The parties the statements name, each labelled, for the reviewer to read
 * before signing: the attestation covers every one of them.
 */
export function attestationPartyList(parties: AttestationParties): { label: string; name: string | null }[] {
  return [
    { label: "Patient", name: parties.patientName },
    { label: "Health plan", name: parties.planName },
    { label: "Treating physician", name: parties.providerName },
    { label: "Their medical group", name: parties.treatingGroupName },
    { label: "Facility where the treatment is or would be given", name: parties.providerFacility },
    { label: "Maker of the drug or device in dispute", name: parties.manufacturerName },
  ].map((party) => ({ label: party.label, name: party.name?.trim() ? party.name.trim() : null }));
}

export function attestationHeading(reference: string): string {
  return `No-conflict attestation for case ${reference}`;
}

/** The text kept on the assignment: the statements as shown, and the signature. */
export function signedAttestation(parties: AttestationParties, signature: { typedName: string; signedAt: Date }): string {
  const statements = attestationStatements(parties).map((statement, index) => `${index + 1}. ${statement}`);
  return [
    attestationHeading(parties.reference),
    ...statements,
    `Signed by typing my name: ${signature.typedName.trim()}, on ${signature.signedAt.toISOString()}.`,
  ].join("\n");
}

/** A name without titles, punctuation or case, for comparing a typed signature with the account's name. */
function comparableName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\b(dr|doctor|prof|professor|mr|mrs|ms|md|do|phd)\b\.?/g, " ")
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/**
 * Whether the typed signature is the reviewer's own name: titles ("Dr."),
 * punctuation, accents and capitals aside.
 */
export function signatureMatches(typed: string, accountName: string): boolean {
  const expected = comparableName(accountName);
  return expected !== "" && comparableName(typed) === expected;
}
