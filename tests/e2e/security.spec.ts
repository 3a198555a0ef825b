import { expect, test } from "./support/fixtures";

test("an unknown address shows the friendly 404 page", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404/);
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "Go to your home page" })).toBeVisible();
});

test("a form posted from another website is refused", async ({ page, loginAs }) => {
  await loginAs("APPLICANT");
  const forged = await page.request.post("/account", { headers: { Origin: "https://attacker.example" }, form: {} });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("sent from another website");
  // The session survived: the forged "sign out everywhere" did nothing.
  await page.goto("/requests");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My requests");
});

test("pages carry the security headers", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toContain("max-age=");
});

test("the health check reports the database, the job queue and the mail transport", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as Record<string, { ok: boolean }>;
  expect(body.database?.ok).toBe(true);
  expect(body.jobs?.ok).toBe(true);
  expect(body.mail?.ok).toBe(true);
});
