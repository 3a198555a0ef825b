/**
 * Small but real one-page PDFs for the demo's uploaded documents: readable
 * in the browser, typed as PDF by their content like any upload, and made
 * in microseconds (react-pdf would take a tenth of a second each).
 */

/** Text as a PDF string literal: backslashes and parentheses escaped, Latin-1 only. */
function pdfText(value: string): string {
  return `(${value.replace(/[^\x20-\x7e]/g, "-").replace(/([\\()])/g, "\\$1")})`;
}

export function demoPdf(title: string, lines: readonly string[]): Buffer {
  const content = [
    "BT",
    "/F1 16 Tf",
    "72 740 Td",
    `${pdfText(title)} Tj`,
    "/F1 11 Tf",
    "0 -28 Td",
    ...lines.flatMap((line) => [`${pdfText(line)} Tj`, "0 -16 Td"]),
    "0 -12 Td",
    `${pdfText("Demo document: invented for trying the portal, not a real record.")} Tj`,
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
