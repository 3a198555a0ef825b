import { describe, expect, it } from "vitest";
import {
  ageInYears,
  ageRange,
  calendarDaysBetween,
  type ExportedCase,
  REGULATOR_EXPORT_HEADER,
  regulatorExportCsv,
  regulatorExportRow,
} from "~/domain/reports/regulator-export";

const ZONE = "America/New_York";

describe("age ranges", () => {
  it("count whole years, the birthday itself included", () => {
    expect(ageInYears("2000-06-15", "2010-06-14")).toBe(9);
    expect(ageInYears("2000-06-15", "2010-06-15")).toBe(10);
    expect(ageInYears("2000-06-15", "2011-01-01")).toBe(10);
  });

  it("count a 29 February birthday on 1 March in other years", () => {
    expect(ageInYears("2004-02-29", "2005-02-28")).toBe(0);
    expect(ageInYears("2004-02-29", "2005-03-01")).toBe(1);
    expect(ageInYears("2004-02-29", "2008-02-29")).toBe(4);
  });

  it("put each age in the published band, at both edges", () => {
    const at = (age: number) => ageRange("1950-07-01", `${1950 + age}-07-01`);
    expect([0, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51, 64, 65, 99].map(at)).toEqual([
      "0-10",
      "0-10",
      "11-20",
      "11-20",
      "21-30",
      "21-30",
      "31-40",
      "31-40",
      "41-50",
      "41-50",
      "51-64",
      "51-64",
      "65+",
      "65+",
    ]);
    // The day before the 65th birthday is still 64.
    expect(ageRange("1950-07-01", "2015-06-30")).toBe("51-64");
  });

  it("give no band when the birth date is unknown or after the filing", () => {
    expect(ageRange(null, "2026-01-01")).toBeNull();
    expect(ageRange("1980-01-01", null)).toBeNull();
    expect(ageRange("2027-01-01", "2026-01-01")).toBeNull();
  });
});

describe("calendar days", () => {
  it("count local dates, not 24-hour periods", () => {
    // Fri 6 Mar 2026, 23:00 EST to Sat 7 Mar, 01:00 EST: two hours, but the next day.
    expect(calendarDaysBetween(new Date("2026-03-07T04:00:00Z"), new Date("2026-03-07T06:00:00Z"), ZONE)).toBe(1);
    // Sat 7 Mar noon EST to Mon 9 Mar noon EDT: 47 hours across the spring change, two days.
    expect(calendarDaysBetween(new Date("2026-03-07T17:00:00Z"), new Date("2026-03-09T16:00:00Z"), ZONE)).toBe(2);
    expect(calendarDaysBetween(new Date("2026-03-07T17:00:00Z"), new Date("2026-03-07T22:00:00Z"), ZONE)).toBe(0);
  });
});

const overturned: ExportedCase = {
  reference: "IMR-2026-000042",
  diagnosisCategory: "Cancer",
  diagnosisSubcategory: "Brain",
  treatmentCategory: "Radiation therapy",
  treatmentSubcategory: "Proton beam",
  outcome: "OVERTURNED_IN_PART",
  disputeType: "EXPERIMENTAL_INVESTIGATIONAL",
  track: "STANDARD",
  patientBirthDate: "1961-04-20",
  patientSex: "FEMALE",
  // Filed Mon 2 Feb 2026, 10:00 EST; reviewers determined Fri 27 Feb; decided Mon 2 Mar; the plan complied Wed 4 Mar.
  submittedAt: new Date("2026-02-02T15:00:00Z"),
  determinedAt: new Date("2026-02-27T20:00:00Z"),
  decidedAt: new Date("2026-03-02T14:00:00Z"),
  findings: 'Proton therapy is the standard of care for this tumour; the plan\'s "experimental" label is not supported.',
};

describe("a row of the regulator export", () => {
  it("has every published column, from the case's own records", () => {
    expect(regulatorExportRow(overturned, ZONE)).toEqual([
      "IMR-2026-000042",
      2026,
      "Cancer",
      "Brain",
      "Radiation therapy",
      "Proton beam",
      "Overturned in part",
      "Experimental/Investigational",
      "51-64",
      "Female",
      "Standard",
      25,
      // Determined Fri 27 Feb, adopted by the decision Mon 2 Mar; the plan's compliance on 4 Mar is not this column's.
      3,
      overturned.findings,
    ]);
  });

  it("counts adoption from the determination to the decision, whether or not the plan has complied", () => {
    expect(regulatorExportRow({ ...overturned, outcome: "UPHELD" }, ZONE)[12]).toBe(3);
    // Determined at 23:00 on Sun 1 Mar in New York (04:00 UTC on the 2nd), decided at 09:00 on the 2nd: one day.
    expect(regulatorExportRow({ ...overturned, determinedAt: new Date("2026-03-02T04:00:00Z") }, ZONE)[12]).toBe(1);
  });

  it("counts review days to the decision when there was no separate determination, and leaves adoption blank", () => {
    const row = regulatorExportRow({ ...overturned, outcome: "UPHELD", determinedAt: null, track: "EXPEDITED" }, ZONE);
    expect(row[6]).toBe("Upheld");
    expect(row[10]).toBe("Expedited");
    expect(row[11]).toBe(28);
    expect(row[12]).toBeNull();
  });

  it("takes the year of the decision's local date", () => {
    // 31 Dec 2025, 23:30 in New York is already 2026 in UTC.
    expect(regulatorExportRow({ ...overturned, decidedAt: new Date("2026-01-01T04:30:00Z") }, ZONE)[1]).toBe(2025);
  });

  it("makes a file with the header row first, quoting the findings", () => {
    const lines = regulatorExportCsv([overturned], ZONE).split("\r\n");
    expect(lines[0]).toBe(REGULATOR_EXPORT_HEADER.join(","));
    expect(lines[0]).toBe(
      "Reference ID,Year,Diagnosis category,Diagnosis subcategory,Treatment category,Treatment subcategory,Determination,Type,Age range,Gender,Expedited or standard,Days to review,Days to adopt,Findings",
    );
    expect(lines[1]).toBe(
      'IMR-2026-000042,2026,Cancer,Brain,Radiation therapy,Proton beam,Overturned in part,Experimental/Investigational,51-64,Female,Standard,25,3,"Proton therapy is the standard of care for this tumour; the plan\'s ""experimental"" label is not supported."',
    );
  });
});
