import { describe, expect, it } from "vitest";
import { addDaysToLocalDate } from "~/domain/deadlines/time-zone";
import {
  addYearsToLocalDate,
  latestVerificationFlagged,
  reverificationDueOn,
  reverificationFlag,
  rosterFlags,
  unavailableUntil,
  type FlagInput,
} from "~/domain/roster";
import { zodFieldErrors } from "~/forms/form-data";
import { affiliationFormSchema, licenseFormSchema, unavailabilityFormSchema } from "~/schemas/roster";

const TODAY = "2026-06-15";

const clean: FlagInput = {
  credentialsVerifiedOn: "2025-01-10",
  openDisciplinaryAction: null,
  licenses: [{ state: "CA", expiresOn: "2027-12-31", status: "ACTIVE" }],
  certifications: [{ specialtyName: "Cardiovascular disease", expiresOn: "2029-12-31" }],
};

describe("credentials re-verification", () => {
  it("is due three years after the verification, 29 February falling on 28 February", () => {
    expect(reverificationDueOn("2023-07-15")).toBe("2026-07-15");
    expect(reverificationDueOn("2024-02-29")).toBe("2027-02-28");
    expect(addYearsToLocalDate("2027-02-28", -3)).toBe("2024-02-28");
  });

  it("is flagged when it falls due within 30 days, not on the 31st", () => {
    // Due 2026-07-15, which is 30 days after 2026-06-15.
    expect(reverificationFlag("2023-07-15", TODAY)).toEqual({
      kind: "reverification",
      text: "Credentials to re-verify by Wed 15 Jul 2026",
      urgent: false,
    });
    expect(reverificationFlag("2023-07-16", TODAY)).toBeNull();
  });

  it("is overdue the day after it was due, and urgent when never verified", () => {
    expect(reverificationFlag("2023-06-14", TODAY)).toEqual({
      kind: "reverification",
      text: "Credentials re-verification overdue since Mon 15 Jun 2026",
      urgent: true,
    });
    expect(reverificationFlag("2023-06-15", TODAY)?.urgent).toBe(false);
    expect(reverificationFlag(null, TODAY)).toEqual({ kind: "reverification", text: "Credentials never verified", urgent: true });
  });

  it("gives the database the latest verification date that is flagged, agreeing with the flag", () => {
    for (const today of [TODAY, "2027-01-29", "2027-01-30", "2028-01-30", "2026-12-31"]) {
      const latest = latestVerificationFlagged(today);
      expect(reverificationFlag(latest, today)).not.toBeNull();
      expect(reverificationFlag(addDaysToLocalDate(latest, 1), today)).toBeNull();
    }
    // Due 2027-02-28 either way: a verification on 29 February 2024 is flagged with 28 February's.
    expect(latestVerificationFlagged("2027-01-29")).toBe("2024-02-29");
  });
});

describe("roster flags", () => {
  it("has none for a reviewer in good standing", () => {
    expect(rosterFlags(clean, TODAY)).toEqual([]);
  });

  it("flags a license or certification expiring within 30 days, and one already expired as urgent", () => {
    const flags = rosterFlags(
      {
        ...clean,
        licenses: [
          { state: "CA", expiresOn: "2026-07-15", status: "ACTIVE" },
          { state: "NY", expiresOn: "2026-07-16", status: "ACTIVE" },
          { state: "TX", expiresOn: "2026-06-14", status: "ACTIVE" },
        ],
        certifications: [
          { specialtyName: "Medical oncology", expiresOn: "2026-06-15" },
          { specialtyName: "Hematology", expiresOn: null },
        ],
      },
      TODAY,
    );
    expect(flags).toEqual([
      { kind: "expiring", text: "License in CA expires Wed 15 Jul 2026", urgent: false },
      { kind: "expiring", text: "License in TX expired Sun 14 Jun 2026", urgent: true },
      { kind: "expiring", text: "Certification in Medical oncology expires Mon 15 Jun 2026", urgent: false },
    ]);
  });

  it("does not warn about the expiry of a license no longer in force", () => {
    const flags = rosterFlags(
      {
        ...clean,
        licenses: [
          { state: "OR", expiresOn: "2026-06-20", status: "INACTIVE" },
          { state: "WA", expiresOn: "2026-06-20", status: "REVOKED" },
          { state: "NV", expiresOn: "2026-06-20", status: "RESTRICTED" },
        ],
      },
      TODAY,
    );
    expect(flags.map((flag) => flag.text)).toEqual(["License in NV expires Sat 20 Jun 2026"]);
  });

  it("flags an open disciplinary action, not an empty description", () => {
    expect(rosterFlags({ ...clean, openDisciplinaryAction: "Board accusation pending" }, TODAY)).toEqual([
      { kind: "disciplinary", text: "Open disciplinary action", urgent: true },
    ]);
    expect(rosterFlags({ ...clean, openDisciplinaryAction: "  " }, TODAY)).toEqual([]);
  });
});

describe("unavailable now", () => {
  it("answers the last day of the leave covering today, following back-to-back periods", () => {
    const periods = [
      { startsOn: "2026-06-10", endsOn: "2026-06-20" },
      { startsOn: "2026-06-21", endsOn: "2026-06-30" },
      { startsOn: "2026-07-05", endsOn: "2026-07-10" },
    ];
    expect(unavailableUntil(periods, TODAY)).toBe("2026-06-30");
    expect(unavailableUntil(periods, "2026-07-01")).toBeNull();
    expect(unavailableUntil(periods, "2026-07-10")).toBe("2026-07-10");
    expect(unavailableUntil([], TODAY)).toBeNull();
  });
});

describe("roster forms", () => {
  it("puts each message next to its field", () => {
    const license = licenseFormSchema.safeParse({ state: "", number: "", licenseExpiresOn: "2026-02-30", status: "ACTIVE" });
    expect(license.success).toBe(false);
    expect(zodFieldErrors(license.error!)).toEqual({
      state: "Choose the state that issued the license.",
      number: "Enter the license number.",
      licenseExpiresOn: "Enter a real date, like 2027-01-31.",
    });
    const period = unavailabilityFormSchema.safeParse({ startsOn: "2026-07-10", endsOn: "2026-07-01" });
    expect(period.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["endsOn", "The last day must be on or after the first day."]]);
  });

  it("accepts a health-plan affiliation named by one of our plans, and refuses a plan on any other kind of tie", () => {
    const planId = "7b0e2b9e-4a3c-4c8e-9a59-2f6d1e0c3b11";
    expect(affiliationFormSchema.parse({ kind: "HEALTH_PLAN", name: "", identifier: "", planId })).toEqual({
      kind: "HEALTH_PLAN",
      name: null,
      identifier: null,
      planId,
    });
    const wrong = affiliationFormSchema.safeParse({ kind: "FACILITY", name: "", identifier: "", planId });
    expect(wrong.error?.issues.map((issue) => issue.path.join("."))).toEqual(["planId"]);
  });
});
