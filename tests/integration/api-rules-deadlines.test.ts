import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/api.v1/rules.deadlines";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
});

async function get(query: string): Promise<Response> {
  const request = new Request(`http://portal.test/api/v1/rules/deadlines?${query}`);
  return (await loader({ request, params: {}, context: { cspNonce: "" } } as never)) as Response;
}

describe("GET /api/v1/rules/deadlines", () => {
  it("answers every deadline of the NAIC standard track from a Monday before Thanksgiving", async () => {
    const response = await get("profile=naic&track=standard&dispute=medical_necessity&from=2026-11-23T10:00:00-05:00");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      profile: "naic",
      profileVersion: 1,
      track: "standard",
      dispute: "medical_necessity",
      from: "2026-11-23T10:00:00-05:00",
      timeZone: "America/New_York",
      deadlines: {
        eligibility: "2026-12-01T23:59:59-05:00", // 5 business days, Thanksgiving skipped
        planCaseFile: "2026-12-01T23:59:59-05:00",
        applicantInformation: "2026-12-01T23:59:59-05:00",
        informationForwarding: "2026-11-24T23:59:59-05:00", // 1 business day
        assignment: "2026-11-24T23:59:59-05:00",
        decision: "2027-01-07T23:59:59-05:00", // 45 calendar days
        writtenConfirmation: "2026-11-25T10:00:00-05:00", // 48 hours
        compliance: "2026-11-24T23:59:59-05:00",
      },
    });
  });

  it("counts California expedited experimental clocks across the spring DST change", async () => {
    const body = (await (await get("profile=california&track=expedited&dispute=experimental_investigational&from=2026-03-07T12:00:00-05:00")).json()) as {
      deadlines: Record<string, string>;
    };
    expect(body.deadlines.eligibility).toBe("2026-03-09T13:00:00-04:00"); // 48 elapsed hours, now in EDT
    expect(body.deadlines.decision).toBe("2026-03-14T23:59:59-04:00"); // 7 calendar days
  });

  it("names the parameter at fault in a problem+json answer", async () => {
    const response = await get("profile=texas&from=yesterday");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { title: string; "invalid-params": { name: string; reason: string }[] };
    expect(body["invalid-params"].map((param) => param.name).sort()).toEqual(["from", "profile"]);
    expect(body["invalid-params"].find((param) => param.name === "profile")?.reason).toBe("must be one of naic, federal, california");
  });

  it("refuses an instant without a time zone", async () => {
    const response = await get("profile=naic&from=2026-11-23T10:00:00");
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('"name":"from"');
  });
});
