import { describe, expect, it } from "vitest";
import { allowanceFor, allowanceText, formatFileSize, sizeRefusal, UPLOAD_LIMITS } from "~/domain/documents/limits";

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const applicant = UPLOAD_LIMITS.APPLICANT;

describe("the upload allowance, said one way wherever it is shown", () => {
  it("reads the whole allowance and one just under it the same way, never as 1,024 MB", () => {
    expect(allowanceText(applicant, 0)).toBe("Up to 100 MB a file; 1 GB left of the 1 GB this request may hold.");
    expect(allowanceText(applicant, 200 * KB)).toBe("Up to 100 MB a file; 1 GB left of the 1 GB this request may hold.");
    expect(allowanceText(applicant, 1 * GB - 300_000)).toBe("Up to 100 MB a file; 293 KB left of the 1 GB this request may hold.");
    expect(allowanceText(applicant, 700 * MB)).toBe("Up to 100 MB a file; 324 MB left of the 1 GB this request may hold.");
  });

  it("says nothing is left, never a negative size, once the request is full", () => {
    expect(allowanceText(applicant, 1 * GB)).toBe("Up to 100 MB a file; 0 bytes left of the 1 GB this request may hold.");
    expect(allowanceText(applicant, 1 * GB + 5)).toBe("Up to 100 MB a file; 0 bytes left of the 1 GB this request may hold.");
  });

  it("gives plans, who have no limit per case, only the size of a file", () => {
    expect(allowanceText(UPLOAD_LIMITS.PLAN, 5 * GB)).toBe("Up to 1 GB a file.");
  });

  it("uses the uploader's words in the refusal of a file that does not fit", () => {
    const used = 1 * GB - 300_000;
    const refusal = sizeRefusal(400_000, applicant, allowanceFor(applicant, used));
    expect(refusal?.detail).toBe(
      "This file does not fit: only 293 KB left of the 1 GB this request may hold. Remove a document you no longer need, or send a smaller file.",
    );
    expect(allowanceText(applicant, used)).toContain("293 KB left of the 1 GB this request may hold");
    expect(sizeRefusal(10, applicant, allowanceFor(applicant, 1 * GB))?.detail).toBe(
      "This file does not fit: the documents already fill the 1 GB this request may hold. Remove a document you no longer need before adding another.",
    );
  });

  it("formats sizes in the largest unit they hold one of once rounded", () => {
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(1023)).toBe("1,023 bytes");
    expect(formatFileSize(1024 * MB - 1)).toBe("1 GB");
    expect(formatFileSize(1.25 * MB)).toBe("1.3 MB");
  });
});
