/**
 * A generated corpus of findings, each written about a case whose own
 * identifiers it repeats in the spellings people use: upper or lower case,
 * without accents, possessive, surname first, an initial, a compound surname
 * split, an ID without its dashes, phone numbers and dates in every usual
 * format. Each finding records what it inserted, so a test can look for any
 * of it in the redacted text. Seeded: the same seed gives the same corpus.
 */
import type { CaseIdentifiers } from "~/domain/publication/redaction";

export interface CorpusFinding {
  findings: string;
  identifiers: CaseIdentifiers;
  /** Every identifier as it was written into the findings. */
  inserted: string[];
  /** The words of each name, ID digits and the like, none of which may survive. */
  secrets: string[];
}

const FIRST = [
  "María",
  "José",
  "Lucía",
  "Eleanor",
  "James",
  "Ngozi",
  "Wei",
  "Siobhán",
  "Zoë",
  "Renée",
  "Mohammed",
  "Ana Sofía",
  "Jean-Luc",
  "Dmitri",
  "Aaliyah",
];
const LAST = [
  "López",
  "Hernández-García",
  "Carter",
  "O'Brien",
  "Nguyen",
  "Okafor",
  "Zhang",
  "Müller",
  "De la Cruz",
  "Ramírez Ortiz",
  "Kowalczyk",
  "Abernathy",
  "Quintanilla",
];
const PROVIDER_LAST = ["Novak", "Whitfield", "Soto", "Brennan", "Castellanos", "Iyer", "Fairbanks", "Oyelaran"];
const RELATIVES = ["Rosalind", "Teodoro", "Marguerite", "Benedikt", "Consuelo", "Thaddeus"];
const FACILITIES = [
  "Northwest Proton Center",
  "Clínica Familiar del Este",
  "Saint Brigid Regional Hospital",
  "Lakeshore Orthopaedic Institute",
  "Mercy Valley Medical Center",
];
const STREETS = ["Alder Street", "Harbor View Road", "East Cesar Chavez Avenue", "Juniper Lane", "Willowbrook Drive"];
const STATES = ["OR", "CA", "NY", "TX", "IL"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stripAccents = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "");

export function findingsCorpus(size: number, seed = 20261207): CorpusFinding[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join("");
  const corpus: CorpusFinding[] = [];
  for (let index = 0; index < size; index++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const patient = `${first} ${last}`;
    const provider = `Dr. ${pick(["Peter", "Carmen", "Ingrid", "Samuel", "Hannah"])} ${pick(PROVIDER_LAST)}`;
    const relative = `${pick(RELATIVES)} ${last}`;
    const facility = pick(FACILITIES);
    const memberId = `${pick(["EHP", "PCH", "MBR"])}${digits(6)}-${digits(2)}`;
    const claim = `${pick(["EHP", "PCH"])}-CLM-${digits(5)}`;
    const area = `${2 + Math.floor(next() * 7)}${digits(2)}`;
    const phoneDigits = `${area}555${digits(4)}`;
    const zip = `9${digits(4)}`;
    const street = `${1 + Math.floor(next() * 9000)} ${pick(STREETS)}`;
    const email = `${stripAccents(first)
      .toLowerCase()
      .replace(/[^a-z]/g, "")}.${stripAccents(last)
      .toLowerCase()
      .replace(/[^a-z]/g, "")}@example.com`;
    const year = 2015 + Math.floor(next() * 11);
    const month = Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const identifiers: CaseIdentifiers = {
      patientName: patient,
      relativeNames: [relative],
      providerNames: [provider],
      facilityNames: [facility],
      memberId,
      claimNumber: claim,
      emails: [email],
      phones: [`(${phoneDigits.slice(0, 3)}) ${phoneDigits.slice(3, 6)}-${phoneDigits.slice(6)}`],
      addresses: [`${street}, Springfield, ${pick(STATES)} ${zip}`],
    };
    const lastWords = last.split(/[\s-]+/);
    const patientSpellings = [
      patient,
      patient.toUpperCase(),
      stripAccents(patient).toLowerCase(),
      `${last}, ${first}`,
      `${first[0]}. ${last}`,
      `Ms. ${stripAccents(last)}`,
      `${first}'s`,
      `${lastWords.join(" ")}`,
      `${first}\n${last}`,
    ];
    const phoneSpellings = [
      `(${phoneDigits.slice(0, 3)}) ${phoneDigits.slice(3, 6)}-${phoneDigits.slice(6)}`,
      `${phoneDigits.slice(0, 3)}-${phoneDigits.slice(3, 6)}-${phoneDigits.slice(6)}`,
      `${phoneDigits.slice(0, 3)}.${phoneDigits.slice(3, 6)}.${phoneDigits.slice(6)}`,
      `+1 ${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3, 6)} ${phoneDigits.slice(6)}`,
      phoneDigits,
    ];
    const dateSpellings = [
      `${MONTHS[month]} ${day}, ${year}`,
      `${MONTHS[month]!.slice(0, 3)}. ${day}`,
      `${day} ${MONTHS[month]} ${year}`,
      `${month + 1}/${day}/${year}`,
      `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      `${month + 1}-${day}-${String(year).slice(2)}`,
      `${day} de ${MESES[month]} de ${year}`,
    ];
    const idSpellings = [
      memberId,
      memberId.replace("-", ""),
      memberId.toLowerCase(),
      memberId.replace(/(\d{3})(\d{3})/, "$1 $2"),
      claim,
      claim.replace(/-/g, " "),
    ];
    const inserted: string[] = [];
    const use = (text: string) => {
      inserted.push(text);
      return text;
    };
    const sentences = [
      `${use(pick(patientSpellings))} is a ${20 + Math.floor(next() * 60)}-year-old with a denied request for the treatment.`,
      `The treating physician, ${use(pick([provider, provider.replace("Dr. ", "dr "), provider.split(" ").at(-1)!]))}, documented two failed courses of therapy at ${use(pick([facility, stripAccents(facility), facility.split(" ").slice(0, 2).join(" ")]))}.`,
      `On ${use(pick(dateSpellings))} the plan denied the service (member ${use(pick(idSpellings))}).`,
      `${use(pick([relative, relative.split(" ")[0]!]))}, the patient's relative, can be reached at ${use(pick(phoneSpellings))} or ${use(pick([email, email.toUpperCase()]))}.`,
      `The patient lives at ${use(pick([street, street.toLowerCase()]))}, ${pick(STATES)} ${use(zip)}.`,
      `Standard of care supports coverage: the guideline (2019) recommends it after 6 weeks of conservative care, CPT 27447, ICD-10 M17.11.`,
    ];
    // A patient past 89 is identifiable by age alone.
    if (next() < 0.1) sentences.push(`At ${use(String(90 + Math.floor(next() * 15)))} years old the patient still walks daily.`);
    const secrets = [
      ...[patient, relative, provider.replace("Dr. ", "")]
        .flatMap((name) =>
          stripAccents(name)
            .toLowerCase()
            .split(/[^a-z']+/),
        )
        .filter((word) => word.length >= 3),
      stripAccents(facility).toLowerCase().split(" ")[0]!,
      memberId.match(/\d{6}/)![0],
      email,
    ];
    corpus.push({ findings: sentences.sort(() => next() - 0.5).join(" "), identifiers, inserted, secrets });
  }
  return corpus;
}
