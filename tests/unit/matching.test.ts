import { describe, expect, it } from "vitest";
import {
  assertOfferable,
  matchReviewers,
  panelSizeFor,
  recheckReviewer,
  ReviewerNotOfferable,
  type CaseFacts,
  type MatchOptions,
  type RosterReviewer,
} from "~/domain/matching";
import { defaultSimilarSpecialtyRows, SPECIALTIES } from "~/domain/specialties";

const PLAN_ID = "6f0c7f8e-0000-4000-8000-000000000001";
const day = (date: string) => new Date(`${date}T00:00:00Z`);

// 9 a.m. on 15 June 2026 in Los Angeles, the organization's time zone.
const options: MatchOptions = {
  today: new Date("2026-06-15T16:00:00Z"),
  timeZone: "America/Los_Angeles",
  specialties: { specialties: SPECIALTIES, similar: defaultSimilarSpecialtyRows() },
};

const kase: CaseFacts = {
  specialtyNeeded: "cardiovascular-disease",
  planId: PLAN_ID,
  planName: "Pacific Health Plan",
  providerName: "Dr. Maria Chen",
  providerNpi: "1234567893",
  treatingGroupName: "Bay Cardiology Associates",
  treatingGroupIdentifier: "941234567",
  providerFacility: "St. Elsewhere Medical Center",
  facilityIdentifier: "1987654321",
  manufacturerName: "Medtronic",
  manufacturerIdentifier: null,
  assignments: [],
};

function reviewer(changes: Partial<RosterReviewer> = {}): RosterReviewer {
  return {
    id: "r-qualified",
    name: "Dr. Qualified",
    yearsInPractice: 12,
    credentialsVerifiedOn: day("2025-01-10"),
    openDisciplinaryAction: null,
    capacity: 3,
    workload: 1,
    lastAssignedAt: null,
    licenses: [{ state: "CA", expiresOn: day("2027-12-31"), status: "ACTIVE" }],
    certifications: [{ specialtyCode: "cardiovascular-disease", expiresOn: day("2030-12-31") }],
    unavailability: [],
    affiliations: [],
    ...changes,
  };
}

function outcomeFor(one: RosterReviewer, facts: CaseFacts = kase) {
  const result = matchReviewers(facts, [one], options);
  return { suggested: result.suggested.map((r) => r.reviewerId), reasons: result.excluded.find((r) => r.reviewerId === one.id)?.reasons };
}

function expectExcluded(one: RosterReviewer, reasons: string[], facts: CaseFacts = kase) {
  const outcome = outcomeFor(one, facts);
  expect(outcome.suggested).toEqual([]);
  expect(outcome.reasons).toEqual(reasons);
}

it("suggests a reviewer who meets every rule, with the fit and workload", () => {
  const result = matchReviewers(kase, [reviewer()], options);
  expect(result.excluded).toEqual([]);
  expect(result.suggested).toEqual([
    {
      reviewerId: "r-qualified",
      name: "Dr. Qualified",
      fit: "same",
      certifiedIn: { code: "cardiovascular-disease", name: "Cardiovascular disease" },
      workload: 1,
      capacity: 3,
      lastAssignedAt: null,
    },
  ]);
});

describe("conflicts of interest", () => {
  const affiliated = (affiliation: RosterReviewer["affiliations"][number]) => reviewer({ affiliations: [affiliation] });

  it.each([
    ["the plan, by its id", { kind: "HEALTH_PLAN", name: "Pacific Health Plan", identifier: null, planId: PLAN_ID }, "affiliated with Pacific Health Plan"],
    [
      "the plan, by name in other letters",
      { kind: "HEALTH_PLAN", name: " PACIFIC  health plan ", identifier: null, planId: null },
      "affiliated with PACIFIC health plan",
    ],
    ["the treating physician, by NPI", { kind: "PHYSICIAN", name: "Maria Chen MD", identifier: "1234567893", planId: null }, "affiliated with Maria Chen MD"],
    ["the treating physician, by name", { kind: "PHYSICIAN", name: "dr. maria chen", identifier: null, planId: null }, "affiliated with dr. maria chen"],
    [
      "the treating group, by tax ID written with a hyphen",
      { kind: "MEDICAL_GROUP", name: "BCA Partners", identifier: "94-1234567", planId: null },
      "affiliated with BCA Partners",
    ],
    [
      "the treating group, by name",
      { kind: "MEDICAL_GROUP", name: "Bay Cardiology Associates", identifier: null, planId: null },
      "affiliated with Bay Cardiology Associates",
    ],
    ["the facility, by identifier", { kind: "FACILITY", name: "SEMC", identifier: "1987654321", planId: null }, "affiliated with SEMC"],
    [
      "the facility, by name",
      { kind: "FACILITY", name: "St. Elsewhere Medical Center", identifier: null, planId: null },
      "affiliated with St. Elsewhere Medical Center",
    ],
    ["the manufacturer, by name", { kind: "MANUFACTURER", name: "medtronic", identifier: "41-0793183", planId: null }, "affiliated with medtronic"],
  ] as const)("never suggests a reviewer affiliated with %s", (_, affiliation, reason) => {
    expectExcluded(affiliated(affiliation), [reason]);
  });

  it("finds the manufacturer by identifier, and a tie declared under another kind", () => {
    const facts = { ...kase, manufacturerName: "Abbott Laboratories", manufacturerIdentifier: "36-0698440" };
    expectExcluded(affiliated({ kind: "MANUFACTURER", name: "Abbott", identifier: "360698440", planId: null }), ["affiliated with Abbott"], facts);
    // A group and the plan often share a name; a tie is a tie whatever it was filed under.
    expectExcluded(affiliated({ kind: "MEDICAL_GROUP", name: "Pacific Health Plan", identifier: null, planId: null }), ["affiliated with Pacific Health Plan"]);
  });

  it("keeps a reviewer whose affiliations are with other parties", () => {
    const other = affiliated({ kind: "HEALTH_PLAN", name: "Sierra Health", identifier: "1111111111", planId: "6f0c7f8e-0000-4000-8000-000000000002" });
    expect(outcomeFor(other).suggested).toEqual(["r-qualified"]);
    // Blank identifiers on both sides are not a match.
    const noIdentifiers = { ...kase, planId: null, providerNpi: null, treatingGroupIdentifier: null, facilityIdentifier: null, manufacturerIdentifier: null };
    const blank = affiliated({ kind: "FACILITY", name: "Mercy Hospital", identifier: " - ", planId: null });
    expect(outcomeFor(blank, noIdentifiers).suggested).toEqual(["r-qualified"]);
  });

  it.each([
    ["the issue's maker without a suffix", { manufacturerName: "Northwind Biologics" }, "Northwind Biologics, Inc."],
    ["the issue's maker with Inc and no comma", { manufacturerName: "Northwind Biologics Inc" }, "Northwind Biologics, Inc."],
    ["a group recorded with PC", { treatingGroupName: "Bay Cardiology Associates, PC" }, "Bay Cardiology Associates"],
    ["a facility written with & and accents", { providerFacility: "St. Élsewhere Medical & Surgical Center" }, "St Elsewhere Medical and Surgical Center"],
  ] as const)("excludes a reviewer tied to %s, as the same party", (_, change, affiliationName) => {
    expectExcluded(affiliated({ kind: "MANUFACTURER", name: affiliationName, identifier: null, planId: null }), [`affiliated with ${affiliationName}`], {
      ...kase,
      ...change,
    });
  });

  it("holds a reviewer whose affiliation is only like a party's as a possible conflict, until a coordinator clears it", () => {
    const facts = { ...kase, manufacturerName: "Northwind Biologics" };
    const near = affiliated({ kind: "MANUFACTURER", name: "Northwind  Biologic", identifier: null, planId: null });
    const held = matchReviewers(facts, [near], options);
    expect(held.suggested).toEqual([]);
    expect(held.excluded).toEqual([]);
    expect(held.possibleConflicts).toEqual([
      expect.objectContaining({
        reviewerId: "r-qualified",
        fit: "same",
        matches: [
          {
            affiliation: "Northwind Biologic",
            party: "maker",
            partyName: "Northwind Biologics",
            similarity: expect.closeTo(0.857, 3),
            key: "maker:northwindbiologics~northwindbiologic",
          },
        ],
      }),
    ]);
    expect(() => assertOfferable("r-qualified", held)).toThrow(
      "Dr. Qualified cannot be offered this case: possible conflict: affiliated with Northwind Biologic, like the maker of the drug or device (Northwind Biologics), 86% alike; a coordinator must clear it, with a reason, first.",
    );

    const cleared = matchReviewers(
      { ...facts, clearedConflicts: [{ reviewerId: "r-qualified", matchKeys: ["maker:northwindbiologics~northwindbiologic"] }] },
      [near],
      options,
    );
    expect(cleared.suggested.map((row) => row.reviewerId)).toEqual(["r-qualified"]);
    expect(assertOfferable("r-qualified", cleared).reviewerId).toBe("r-qualified");

    // A clearance covers the names it was given for: another near match holds the reviewer again.
    const renamed = matchReviewers(
      {
        ...facts,
        manufacturerName: "Northwind Biologics Holdings",
        clearedConflicts: [{ reviewerId: "r-qualified", matchKeys: ["maker:northwindbiologics~northwindbiologic"] }],
      },
      [near],
      options,
    );
    expect(renamed.possibleConflicts.map((row) => row.reviewerId)).toEqual(["r-qualified"]);
  });

  it("leaves a reviewer who fails another rule excluded, not a possible conflict", () => {
    const facts = { ...kase, manufacturerName: "Northwind Biologics" };
    const result = matchReviewers(
      facts,
      [
        reviewer({
          openDisciplinaryAction: "Board hearing pending",
          affiliations: [{ kind: "MANUFACTURER", name: "Northwind Biologic", identifier: null, planId: null }],
        }),
      ],
      options,
    );
    expect(result.possibleConflicts).toEqual([]);
    expect(result.excluded[0]?.reasons).toEqual(["open disciplinary action"]);
  });

  it("never suggests a reviewer already involved in this case, in any status", () => {
    const facts: CaseFacts = {
      ...kase,
      assignments: [
        // Answered at 8 p.m. on 2 June in Los Angeles, already 3 June in UTC.
        {
          reviewerId: "r-qualified",
          status: "DECLINED",
          offeredAt: new Date("2026-06-02T16:00:00Z"),
          respondedAt: new Date("2026-06-03T03:00:00Z"),
          endedAt: new Date("2026-06-03T03:00:00Z"),
        },
      ],
    };
    expectExcluded(reviewer(), ["already involved in this case (declined the offer on 2026-06-02)"], facts);

    const history: CaseFacts = {
      ...kase,
      assignments: [
        {
          reviewerId: "r-qualified",
          status: "REPLACED",
          offeredAt: day("2026-05-20"),
          respondedAt: day("2026-05-20"),
          endedAt: new Date("2026-06-01T18:00:00Z"),
        },
        {
          reviewerId: "r-qualified",
          status: "EXPIRED",
          offeredAt: new Date("2026-05-10T18:00:00Z"),
          respondedAt: null,
          endedAt: new Date("2026-05-11T18:00:00Z"),
        },
      ],
    };
    expectExcluded(reviewer(), ["already involved in this case (left the offer of 2026-05-10 unanswered; replaced on 2026-06-01)"], history);
  });
});

describe("qualifications", () => {
  it.each<[string, Partial<RosterReviewer>, string[]]>([
    ["an expired license", { licenses: [{ state: "CA", expiresOn: day("2026-06-14"), status: "ACTIVE" }] }, ["license in CA expired 2026-06-14"]],
    ["a restricted license", { licenses: [{ state: "CA", expiresOn: day("2027-12-31"), status: "RESTRICTED" }] }, ["license in CA restricted"]],
    [
      "only licenses that are suspended, revoked or inactive",
      {
        licenses: [
          { state: "NV", expiresOn: day("2027-12-31"), status: "SUSPENDED" },
          { state: "OR", expiresOn: day("2027-12-31"), status: "REVOKED" },
          { state: "WA", expiresOn: day("2025-12-31"), status: "INACTIVE" },
        ],
      },
      ["license in NV suspended", "license in OR revoked", "license in WA inactive"],
    ],
    ["no license at all", { licenses: [] }, ["no license in any US state"]],
    [
      "a lapsed certification",
      { certifications: [{ specialtyCode: "cardiovascular-disease", expiresOn: day("2026-05-01") }] },
      ["certification in cardiovascular disease expired 2026-05-01"],
    ],
    [
      "the wrong specialty",
      { certifications: [{ specialtyCode: "dermatology", expiresOn: null }] },
      ["no board certification in cardiovascular disease or a similar specialty"],
    ],
    ["too few years of practice", { yearsInPractice: 3 }, ["fewer than 5 years of clinical practice (3)"]],
    [
      "credentials verified more than three years ago",
      { credentialsVerifiedOn: day("2023-06-14") },
      ["credentials last verified 2023-06-14 (more than 3 years ago)"],
    ],
    ["credentials never verified", { credentialsVerifiedOn: null }, ["credentials never verified"]],
    ["an open disciplinary action", { openDisciplinaryAction: "Medical Board of California accusation 800-2026-000123" }, ["open disciplinary action"]],
    ["no room in the workload", { workload: 3, capacity: 3 }, ["at capacity (3 of 3 cases)"]],
    ["leave today", { unavailability: [{ startsOn: day("2026-06-10"), endsOn: day("2026-06-20") }] }, ["unavailable until 2026-06-20"]],
    [
      "back-to-back leave",
      {
        unavailability: [
          { startsOn: day("2026-06-21"), endsOn: day("2026-07-05") },
          { startsOn: day("2026-06-15"), endsOn: day("2026-06-20") },
        ],
      },
      ["unavailable until 2026-07-05"],
    ],
    [
      "leave today and more after a day back",
      {
        unavailability: [
          { startsOn: day("2026-06-10"), endsOn: day("2026-06-20") },
          { startsOn: day("2026-06-22"), endsOn: day("2026-07-05") },
        ],
      },
      ["unavailable until 2026-06-20"],
    ],
  ])("never suggests a reviewer with %s", (_, changes, reasons) => {
    expectExcluded(reviewer(changes), reasons);
  });

  it("counts a license, a certification and a verification as good through their last day", () => {
    const edge = reviewer({
      licenses: [{ state: "CA", expiresOn: day("2026-06-15"), status: "ACTIVE" }],
      certifications: [{ specialtyCode: "cardiovascular-disease", expiresOn: day("2026-06-15") }],
      credentialsVerifiedOn: day("2023-06-15"),
      yearsInPractice: 5,
      unavailability: [
        { startsOn: day("2026-06-01"), endsOn: day("2026-06-14") },
        { startsOn: day("2026-06-16"), endsOn: day("2026-06-30") },
      ],
    });
    expect(outcomeFor(edge).suggested).toEqual(["r-qualified"]);
  });

  it("checks dates on the organization's local day, not the UTC one", () => {
    // 10 p.m. on 15 June in Los Angeles is already 16 June in UTC.
    const lateEvening = { ...options, today: new Date("2026-06-16T05:00:00Z") };
    const edge = reviewer({ licenses: [{ state: "CA", expiresOn: day("2026-06-15"), status: "ACTIVE" }] });
    expect(matchReviewers(kase, [edge], lateEvening).suggested).toHaveLength(1);
    expect(matchReviewers(kase, [edge], { ...lateEvening, timeZone: "UTC" }).suggested).toHaveLength(0);
  });

  it("needs only one current unrestricted license among several", () => {
    const mixed = reviewer({
      licenses: [
        { state: "CA", expiresOn: day("2025-01-31"), status: "ACTIVE" },
        { state: "NV", expiresOn: day("2027-12-31"), status: "RESTRICTED" },
        { state: "AZ", expiresOn: day("2027-12-31"), status: "ACTIVE" },
      ],
    });
    expect(outcomeFor(mixed).suggested).toEqual(["r-qualified"]);
  });

  it("lists every rule an excluded reviewer fails, not just the first", () => {
    const many = reviewer({
      licenses: [{ state: "CA", expiresOn: day("2026-01-31"), status: "ACTIVE" }],
      certifications: [{ specialtyCode: "cardiovascular-disease", expiresOn: day("2026-05-01") }],
      yearsInPractice: 2,
      credentialsVerifiedOn: day("2022-01-10"),
      openDisciplinaryAction: "Probation",
      workload: 4,
      capacity: 4,
      unavailability: [{ startsOn: day("2026-06-01"), endsOn: day("2026-12-05") }],
      affiliations: [
        { kind: "HEALTH_PLAN", name: "Pacific Health Plan", identifier: null, planId: PLAN_ID },
        { kind: "MANUFACTURER", name: "Medtronic", identifier: null, planId: null },
      ],
    });
    const facts: CaseFacts = {
      ...kase,
      assignments: [
        {
          reviewerId: "r-qualified",
          status: "COMPLETED",
          offeredAt: day("2026-02-01"),
          respondedAt: day("2026-02-01"),
          endedAt: new Date("2026-03-01T20:00:00Z"),
        },
      ],
    };
    expectExcluded(
      many,
      [
        "license in CA expired 2026-01-31",
        "certification in cardiovascular disease expired 2026-05-01",
        "fewer than 5 years of clinical practice (2)",
        "credentials last verified 2022-01-10 (more than 3 years ago)",
        "open disciplinary action",
        "at capacity (4 of 4 cases)",
        "unavailable until 2026-12-05",
        "affiliated with Pacific Health Plan",
        "affiliated with Medtronic",
        "already involved in this case (reviewed it, finished on 2026-03-01)",
      ],
      facts,
    );
  });
});

describe("specialty fit", () => {
  const certifiedIn = (...codes: string[]) => reviewer({ certifications: codes.map((specialtyCode) => ({ specialtyCode, expiresOn: null })) });
  const fitFor = (needed: string, one: RosterReviewer, similar = options.specialties.similar) =>
    matchReviewers({ ...kase, specialtyNeeded: needed }, [one], { ...options, specialties: { specialties: SPECIALTIES, similar } });

  it("counts a sub-specialty of the needed specialty as the same specialty", () => {
    expect(fitFor("cardiovascular-disease", certifiedIn("interventional-cardiology")).suggested[0]?.fit).toBe("same");
    expect(fitFor("internal-medicine", certifiedIn("interventional-cardiology")).suggested[0]?.fit).toBe("same");
  });

  it("counts a specialty the map pairs with the needed one as similar, whichever way the pair is stored", () => {
    expect(fitFor("interventional-cardiology", certifiedIn("cardiovascular-disease")).suggested[0]?.fit).toBe("similar");
    expect(fitFor("hematology", certifiedIn("medical-oncology")).suggested[0]?.fit).toBe("similar");
    const oneWay = [{ specialtyCode: "medical-oncology", similarCode: "hematology" }];
    expect(fitFor("hematology", certifiedIn("medical-oncology"), oneWay).suggested[0]?.fit).toBe("similar");
  });

  it("does not treat a parent or a sibling as similar unless the map says so", () => {
    expect(fitFor("cardiovascular-disease", certifiedIn("internal-medicine")).excluded[0]?.reasons).toEqual([
      "no board certification in cardiovascular disease or a similar specialty",
    ]);
    expect(fitFor("interventional-cardiology", certifiedIn("clinical-cardiac-electrophysiology")).suggested).toEqual([]);
    expect(fitFor("hematology", certifiedIn("medical-oncology"), []).suggested).toEqual([]);
  });

  it("qualifies on the closest current certification", () => {
    const both = reviewer({
      certifications: [
        { specialtyCode: "cardiovascular-disease", expiresOn: null },
        { specialtyCode: "interventional-cardiology", expiresOn: day("2027-01-01") },
      ],
    });
    expect(fitFor("interventional-cardiology", both).suggested[0]).toMatchObject({ fit: "same", certifiedIn: { code: "interventional-cardiology" } });
    // The same-specialty certificate lapsed, the similar one still holds.
    const lapsed = reviewer({
      certifications: [
        { specialtyCode: "interventional-cardiology", expiresOn: day("2026-01-01") },
        { specialtyCode: "cardiovascular-disease", expiresOn: null },
      ],
    });
    expect(fitFor("interventional-cardiology", lapsed).suggested[0]).toMatchObject({ fit: "similar", certifiedIn: { name: "Cardiovascular disease" } });
  });
});

describe("ranking", () => {
  it("puts same specialty before similar, then lighter workload, then longest since the last case, never assigned first", () => {
    const roster = [
      reviewer({ id: "similar-idle", name: "Dr. Similar", certifications: [{ specialtyCode: "cardiovascular-disease", expiresOn: null }], workload: 0 }),
      reviewer({ id: "busy", name: "Dr. Busy", certifications: [{ specialtyCode: "interventional-cardiology", expiresOn: null }], workload: 2 }),
      reviewer({
        id: "recent",
        name: "Dr. Abbott",
        certifications: [{ specialtyCode: "interventional-cardiology", expiresOn: null }],
        workload: 0,
        lastAssignedAt: new Date("2026-06-10T15:00:00Z"),
      }),
      reviewer({ id: "never-b", name: "Dr. Zeller", certifications: [{ specialtyCode: "interventional-cardiology", expiresOn: null }], workload: 0 }),
      reviewer({
        id: "long-ago",
        name: "Dr. Long",
        certifications: [{ specialtyCode: "interventional-cardiology", expiresOn: null }],
        workload: 0,
        lastAssignedAt: new Date("2026-01-05T15:00:00Z"),
      }),
      reviewer({ id: "never-a", name: "Dr. Young", certifications: [{ specialtyCode: "interventional-cardiology", expiresOn: null }], workload: 0 }),
      reviewer({ id: "excluded", name: "Dr. Away", workload: 0, unavailability: [{ startsOn: day("2026-06-01"), endsOn: day("2026-06-30") }] }),
    ];
    const result = matchReviewers({ ...kase, specialtyNeeded: "interventional-cardiology" }, roster, options);
    expect(result.suggested.map((r) => r.reviewerId)).toEqual(["never-a", "never-b", "long-ago", "recent", "busy", "similar-idle"]);
    expect(result.suggested.map((r) => r.fit)).toEqual(["same", "same", "same", "same", "same", "similar"]);
    expect(result.excluded.map((r) => r.reviewerId)).toEqual(["excluded"]);
  });
});

describe("assertOfferable", () => {
  const roster = [
    reviewer(),
    reviewer({ id: "r-away", name: "Dr. Away", unavailability: [{ startsOn: day("2026-06-01"), endsOn: day("2026-06-30") }], yearsInPractice: 4 }),
  ];
  const result = matchReviewers(kase, roster, options);

  it("gives back the suggestion for a qualified reviewer", () => {
    expect(assertOfferable("r-qualified", result).name).toBe("Dr. Qualified");
  });

  it("refuses an excluded reviewer with every reason", () => {
    expect(() => assertOfferable("r-away", result)).toThrow(ReviewerNotOfferable);
    expect(() => assertOfferable("r-away", result)).toThrow(
      "Dr. Away cannot be offered this case: fewer than 5 years of clinical practice (4); unavailable until 2026-06-30.",
    );
    const refusal = (() => {
      try {
        return assertOfferable("r-away", result);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ reviewerId: "r-away", reasons: ["fewer than 5 years of clinical practice (4)", "unavailable until 2026-06-30"] });
  });

  it("refuses someone who is not on the roster", () => {
    expect(() => assertOfferable("someone-else", result)).toThrow("This reviewer cannot be offered this case: not on the reviewer roster.");
  });
});

describe("panel size", () => {
  it("gives an experimental/investigational case the panel setting, 3 by default, and any other case one reviewer", () => {
    expect(panelSizeFor("EXPERIMENTAL_INVESTIGATIONAL", {})).toBe(3);
    expect(panelSizeFor("EXPERIMENTAL_INVESTIGATIONAL", { panelSize: 5 })).toBe(5);
    expect(panelSizeFor("MEDICAL_NECESSITY", { panelSize: 5 })).toBe(1);
    expect(panelSizeFor("URGENT_CARE", {})).toBe(1);
    expect(panelSizeFor(null, {})).toBe(1);
  });

  it("refuses a panel that cannot have a majority", () => {
    expect(() => panelSizeFor("EXPERIMENTAL_INVESTIGATIONAL", { panelSize: 2 })).toThrow(RangeError);
    expect(() => panelSizeFor("EXPERIMENTAL_INVESTIGATIONAL", { panelSize: 0 })).toThrow(RangeError);
  });
});

describe("checked again at acceptance and after a roster change", () => {
  const offered: CaseFacts = {
    ...kase,
    assignments: [{ reviewerId: "r-qualified", status: "OFFERED", offeredAt: day("2026-06-14"), respondedAt: null, endedAt: null }],
  };

  it("lets a reviewer still qualified keep their own offer: it is neither an earlier involvement nor extra work", () => {
    // The offer is the reviewer's third case of three: the workload counts it already.
    expect(recheckReviewer(offered, reviewer({ workload: 3, capacity: 3 }), "offer", options)).toEqual([]);
  });

  it("refuses with every rule failed since the offer: an open disciplinary action, leave, an expired license", () => {
    const since = reviewer({
      openDisciplinaryAction: "Medical board accusation filed",
      unavailability: [{ startsOn: day("2026-06-15"), endsOn: day("2026-06-30") }],
      licenses: [{ state: "CA", expiresOn: day("2026-06-14"), status: "ACTIVE" }],
    });
    expect(recheckReviewer(offered, since, "offer", options)).toEqual([
      "license in CA expired 2026-06-14",
      "open disciplinary action",
      "unavailable until 2026-06-30",
    ]);
  });

  it("refuses a new tie to a party, and a possible conflict nobody cleared", () => {
    const tied = reviewer({ affiliations: [{ kind: "MEDICAL_GROUP", name: "Bay Cardiology Associates, PC", identifier: null, planId: null }] });
    expect(recheckReviewer(offered, tied, "offer", options)).toEqual(["affiliated with Bay Cardiology Associates, PC"]);
    const alike = reviewer({ affiliations: [{ kind: "MANUFACTURER", name: "Medtronics Group", identifier: null, planId: null }] });
    const reasons = recheckReviewer(offered, alike, "offer", options);
    expect(reasons[0]).toMatch(/^possible conflict: affiliated with Medtronics Group, like the maker of the drug or device \(Medtronic\)/);
    expect(reasons.at(-1)).toBe("a coordinator must clear it, with a reason, first");
  });

  it("refuses an offer when the capacity was lowered, but never takes a case away for capacity", () => {
    const paused = reviewer({ workload: 1, capacity: 0 });
    expect(recheckReviewer(offered, paused, "offer", options)).toEqual(["at capacity (0 of 0 cases)"]);
    const accepted: CaseFacts = { ...kase, assignments: [{ ...offered.assignments[0]!, status: "ACCEPTED", respondedAt: day("2026-06-14") }] };
    expect(recheckReviewer(accepted, paused, "assignment", options)).toEqual([]);
    expect(recheckReviewer(accepted, reviewer({ openDisciplinaryAction: "Suspended privileges" }), "assignment", options)).toEqual([
      "open disciplinary action",
    ]);
  });

  it("still counts an earlier, ended involvement in the case", () => {
    const again: CaseFacts = {
      ...offered,
      assignments: [
        ...offered.assignments,
        { reviewerId: "r-qualified", status: "DECLINED", offeredAt: day("2026-06-01"), respondedAt: day("2026-06-02"), endedAt: day("2026-06-02") },
      ],
    };
    expect(recheckReviewer(again, reviewer(), "offer", options)).toEqual([expect.stringMatching(/^already involved in this case \(declined the offer on/)]);
  });
});

it("tells the excluded reviewers of the case's specialty from those of another", () => {
  const conflicted = reviewer({
    id: "r-conflicted",
    name: "Dr. Conflicted",
    affiliations: [{ kind: "FACILITY", name: "St. Elsewhere Medical Center", identifier: null, planId: null }],
  });
  const lapsed = reviewer({ id: "r-lapsed", name: "Dr. Lapsed", certifications: [{ specialtyCode: "cardiovascular-disease", expiresOn: day("2025-12-31") }] });
  const similar = reviewer({
    id: "r-similar",
    name: "Dr. Similar",
    certifications: [{ specialtyCode: "interventional-cardiology", expiresOn: null }],
    workload: 3,
  });
  const elsewhere = reviewer({ id: "r-elsewhere", name: "Dr. Elsewhere", certifications: [{ specialtyCode: "dermatology", expiresOn: null }] });
  const result = matchReviewers(kase, [conflicted, lapsed, similar, elsewhere], options);
  expect(result.suggested).toEqual([]);
  expect(result.excluded.map((row) => [row.name, row.ofSpecialty])).toEqual([
    ["Dr. Conflicted", true],
    ["Dr. Elsewhere", false],
    ["Dr. Lapsed", true],
    ["Dr. Similar", true],
  ]);
});
