import { describe, expect, it } from "vitest";
import { renderEmail } from "~/server/mail.server";
import { db } from "~/server/db.server";
import { queueEmail } from "~/server/outbox.server";
import { requestLocale } from "~/server/i18n/locale.server";
import { startSession } from "~/server/session.server";
import * as languageRoute from "~/routes/language";
import { call, request } from "#tests/support/routes";
import { createUser, sessionUserOf, uniqueEmail } from "#tests/support/factories";

const visitor = (headers: Record<string, string>) => new Request("http://portal.test/login", { headers });

describe("the language of a page", () => {
  it("follows a visitor's browser the first time: the first of our languages it asks for, else English", async () => {
    expect(await requestLocale(visitor({ "Accept-Language": "es-MX,es;q=0.9,en;q=0.8" }), null)).toBe("es");
    expect(await requestLocale(visitor({ "Accept-Language": "fr-FR,fr;q=0.9,es;q=0.5" }), null)).toBe("es");
    expect(await requestLocale(visitor({ "Accept-Language": "de-DE,de;q=0.9" }), null)).toBe("en");
    expect(await requestLocale(visitor({}), null)).toBe("en");
  });

  it("keeps a visitor's choice over their browser's, and saves it on a signed-in person's account with an audit row", async () => {
    const chose = await call(languageRoute.action, request("/language", null, { language: "es", redirectTo: "/signup?x=1" }));
    expect(chose.location).toBe("/signup?x=1");
    const cookie = chose.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(await requestLocale(visitor({ Cookie: cookie, "Accept-Language": "en-US" }), null)).toBe("es");

    const applicant = await createUser({ roles: ["APPLICANT"] });
    const session = await startSession(applicant.id, request("/", null));
    await call(languageRoute.action, request("/language", session, { language: "es", redirectTo: "https://elsewhere.example/" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: applicant.id } })).language).toBe("es");
    expect(await db.auditLog.count({ where: { action: "account.language_chosen", objectId: applicant.id } })).toBe(1);
  });

  it("is the account's for an applicant, and English for staff whatever their browser or account says", async () => {
    const applicant = sessionUserOf({ ...(await createUser({ roles: ["APPLICANT"] })), language: "es" });
    const coordinator = sessionUserOf({ ...(await createUser({ roles: ["COORDINATOR"] })), language: "es" });
    const spanishBrowser = visitor({ "Accept-Language": "es" });
    expect(await requestLocale(visitor({ "Accept-Language": "en-US" }), applicant)).toBe("es");
    expect(await requestLocale(spanishBrowser, coordinator)).toBe("en");
  });

  it("refuses a language the portal does not write", async () => {
    const answer = await call(languageRoute.action, request("/language", null, { language: "fr" }));
    expect(answer.status).toBe(400);
  });
});

describe("an email in the recipient's language", () => {
  it("is queued with its subject in that language and rendered in it", async () => {
    const to = uniqueEmail();
    await db.$transaction((tx) =>
      queueEmail(tx, { template: "verify-email", to, locale: "es", props: { organizationName: "IRO", name: "Rosa", link: "https://portal.test/v" } }),
    );
    const queued = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: to } });
    expect(queued.language).toBe("es");
    const { html } = await renderEmail(queued.template, queued.props, "es");
    expect(html).toContain('lang="es"');
    expect(html).toContain("Para proteger su privacidad");
    expect((await renderEmail(queued.template, queued.props, "en")).html).toContain("For your privacy");
  });
});
