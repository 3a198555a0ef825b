/**
 * The long case file of the demo case in review (EHP-DEMO-1006, README "Demo
 * cases"), for trying the reviewer's reading tools: a hospital record of 240
 * pages, a fax that repeats eight of them (exact duplicates), and scanned
 * clinic notes whose first two pages are rescans of the record's (near
 * duplicates, read by OCR). Invented, and the same on every seed.
 */
import type { DemoPage } from "./demo-pdf";
import type { DemoDocument } from "./demo-requests";

const RECORD_PAGES = 240;
const FINDINGS = [
  "Telemetry: sinus rhythm, no pauses longer than 2 seconds.",
  "Reports lightheadedness on standing; orthostatic vitals negative.",
  "Near-faint while walking to the bathroom; rhythm strip unremarkable.",
  "Echocardiogram: ejection fraction 60%, no structural disease.",
  "Tilt-table test scheduled; patient anxious about driving.",
  "Holter review: rare premature atrial contractions only.",
  "Neurology consult: EEG normal, no seizure activity suspected.",
  "Discussed implantable loop recorder; patient agrees.",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** One progress note a page: the day, vitals and a finding that change from page to page. */
function progressNote(page: number): DemoPage {
  const month = MONTHS[(page * 7) % 12]!;
  const day = 1 + ((page * 11) % 28);
  return {
    lines: [
      `Progress note ${page} of ${RECORD_PAGES}, ${day} ${month} 2026, Portland Heart Clinic, Dr. Alan Reyes.`,
      `Blood pressure ${110 + (page % 25)}/${68 + (page % 12)}, heart rate ${58 + (page % 30)}, oxygen saturation ${95 + (page % 4)}%.`,
      FINDINGS[page % FINDINGS.length]!,
      `Episodes of syncope this month: ${page % 3}. Medications: metoprolol ${25 * (1 + (page % 2))} mg daily.`,
      page % 40 === 0 ? "Plan: second external event monitor for 30 days." : "Plan: continue monitoring; return if symptoms recur.",
    ],
  };
}

export function demoLongCaseFile(): DemoDocument[] {
  const record = Array.from({ length: RECORD_PAGES }, (_, index) => progressNote(index + 1));
  return [
    { kind: "MEDICAL_RECORDS", name: "portland-heart-clinic-record-2026.pdf", title: "Portland Heart Clinic: progress notes, 2026", lines: [], pages: record },
    // The clinic faxed part of the record again: the same pages, word for word.
    { kind: "MEDICAL_RECORDS", name: "fax-progress-notes.pdf", title: "Fax: progress notes (resent)", lines: [], pages: record.slice(40, 48) },
    {
      kind: "MEDICAL_RECORDS",
      name: "scanned-clinic-notes.pdf",
      title: "Scanned clinic notes",
      lines: [],
      // Two rescans of record pages, then notes of their own.
      pages: [record[40]!, record[41]!, progressNote(RECORD_PAGES + 1), progressNote(RECORD_PAGES + 2)].map((page) => ({ ...page, scanned: true })),
    },
  ];
}
