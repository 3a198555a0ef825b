import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "~/forms/form-data";
import { documentDetailsSchema } from "~/schemas/document-details";

const schema = documentDetailsSchema({ today: "2026-10-20" });
const documentId = "5f0c9a52-3f1e-4d8e-9a43-1d9a6c2b7e10";
const errorsOf = (values: Record<string, unknown>) => {
  const result = schema.safeParse({ intent: "describeDocument", documentId, ...values });
  return result.success ? {} : zodFieldErrors(result.error);
};

describe("a document's author and date", () => {
  it("keeps both, or neither when they are not known", () => {
    expect(schema.parse({ intent: "describeDocument", documentId, author: "  Dr. Sam Lee ", authoredOn: "2026-10-20" })).toEqual({
      intent: "describeDocument",
      documentId,
      author: "Dr. Sam Lee",
      authoredOn: "2026-10-20",
    });
    expect(schema.parse({ intent: "describeDocument", documentId, author: "", authoredOn: "" })).toMatchObject({ author: null, authoredOn: null });
  });

  it("refuses a date after today, a date that does not exist, and an author past 200 characters", () => {
    expect(errorsOf({ authoredOn: "2026-10-21" })).toEqual({ authoredOn: "The document's date cannot be in the future." });
    expect(errorsOf({ authoredOn: "2026-02-30" })).toEqual({ authoredOn: "Enter a real date: day, month and year." });
    expect(errorsOf({ author: "x".repeat(201) })).toEqual({ author: "Use at most 200 characters." });
  });
});
