import crypto from "node:crypto";
import { createAcceptedCase } from "#tests/support/case-factories";
import { createQualifiedReviewer } from "#tests/support/roster-factories";
import { expect, test } from "./support/fixtures";
import { DEMO, demoParties } from "./support/portal";

test("a coordinator sees a possible conflict, clears it with a reason, then offers the case", async ({ pageAs }) => {
  const tag = crypto.randomBytes(3).toString("hex");
  const facility = `Lakeside Allergy Center ${tag}`;
  const kase = await createAcceptedCase({
    ...(await demoParties()),
    details: { serviceDescription: "Allergen immunotherapy", providerFacility: facility, specialtyNeeded: "allergy-and-immunology" },
  });
  // The same party spelled another way is excluded; a name only like it is a possible conflict.
  const same = await createQualifiedReviewer({
    name: `Dr. Same ${tag}`,
    specialty: "allergy-and-immunology",
    capacity: 3,
    affiliations: [{ kind: "FACILITY", name: `LAKESIDE ALLERGY CENTER ${tag}, INC.` }],
  });
  const near = await createQualifiedReviewer({
    name: `Dr. Near ${tag}`,
    specialty: "allergy-and-immunology",
    capacity: 3,
    affiliations: [{ kind: "FACILITY", name: `Lakeside Allergy Centre ${tag}` }],
  });

  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}/assign`);
  const suggestions = coordinator.getByRole("table", { name: /qualified reviewers?, best first/ });
  await expect(suggestions).not.toContainText(near.name);
  await expect(suggestions).not.toContainText(same.name);
  await coordinator.getByText(/not suggested, with the reasons/).click();
  await expect(coordinator.getByRole("listitem").filter({ hasText: same.name })).toContainText(`affiliated with LAKESIDE ALLERGY CENTER ${tag}, INC.`);

  const held = coordinator.getByRole("region", { name: "Possible conflicts" });
  const card = held.getByRole("listitem").filter({ hasText: near.name }).first();
  await expect(card).toContainText(`affiliated with Lakeside Allergy Centre ${tag}, like the facility (${facility})`);
  await card.getByText(`Clear the possible conflict of ${near.name}`).click();
  await card.getByRole("button", { name: `Clear and allow an offer to ${near.name}` }).click();
  await expect(card.getByText("Say why this is no conflict: it is kept with the case and in the audit log.")).toBeVisible();
  await card.getByLabel(`Why ${near.name}'s affiliation is no conflict`).fill("Lakeside Allergy Centre is a clinic in Ontario with another owner.");
  await card.getByRole("button", { name: `Clear and allow an offer to ${near.name}` }).click();
  await expect(coordinator.getByText("The possible conflict is cleared, with your reason. The reviewer can be offered the case now.")).toBeVisible();
  await expect(held).toContainText("Lakeside Allergy Centre is a clinic in Ontario with another owner.");

  await suggestions
    .getByRole("row")
    .filter({ hasText: near.name })
    .getByRole("button", { name: `Offer to ${near.name}` })
    .click();
  await expect(coordinator.getByText("The offer is sent. Each reviewer was emailed and answers in the portal.")).toBeVisible();
  await expect(coordinator.getByRole("region", { name: "On the case now" }).getByRole("listitem").filter({ hasText: near.name })).toContainText(
    "Offer waiting for an answer",
  );
});
