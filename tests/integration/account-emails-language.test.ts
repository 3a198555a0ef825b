import { describe, expect, it } from "vitest";
import { logIn } from "~/server/auth/log-in.server";
import { requestPasswordReset } from "~/server/auth/request-password-reset.server";
import { signUp } from "~/server/auth/sign-up.server";
import { db } from "~/server/db.server";
import { renderEmail } from "~/server/mail.server";
import { forcePasswordReset } from "~/server/users/account-control.server";
import { call, request } from "#tests/support/routes";
import * as signUpPage from "~/routes/auth/signup";
import { PASSWORD, actorFor, createUser, latestEmailTo, uniqueEmail, uniqueIp } from "#tests/support/factories";

// The emails about an account (confirming the address, a new password) are
// written in the account's language: the one its owner signed up in, or chose since.

const anonymous = () => actorFor(null, uniqueIp());
const NEW_PASSWORD = "a long enough password";

/** The queued email, as its recipient reads it. */
async function received(address: string, template: "verify-email" | "password-reset") {
  const message = await latestEmailTo(address, template);
  if (!message) throw new Error(`no ${template} email to ${address}`);
  const { html, text } = await renderEmail(message.template, message.props, message.language === "es" ? "es" : "en");
  return { subject: message.subject, language: message.language, html, text };
}

describe("an account's emails", () => {
  it("confirm a Spanish sign-up's address in Spanish: subject and body", async () => {
    const email = uniqueEmail("alta");
    await signUp({ name: "Rosa Díaz", email, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, language: "es" }, anonymous());
    expect((await db.user.findUniqueOrThrow({ where: { email } })).language).toBe("es");
    const message = await received(email, "verify-email");
    expect(message.language).toBe("es");
    expect(message.subject).toBe("Confirme su correo electrónico");
    expect(message.html).toContain('lang="es"');
    expect(message.text).toContain("Hola, Rosa Díaz:");
    expect(message.text).toContain("Usted creó una cuenta para pedir una revisión médica independiente.");
    expect(message.text).toContain("Confirmar mi correo electrónico");
    expect(message.text).toContain("O pegue esta dirección en su navegador: http://portal.test/verify-email?token=");
    expect(message.text).toContain("este correo no contiene información médica");
    expect(message.text).not.toMatch(/Confirm my email|Hello/);
  });

  it("send a Spanish account its password reset link in Spanish, whoever asks for it", async () => {
    const user = await createUser({ roles: ["APPLICANT"] });
    await db.user.update({ where: { id: user.id }, data: { language: "es" } });
    await requestPasswordReset(user.email, anonymous());
    const message = await received(user.email, "password-reset");
    expect(message.subject).toBe("Restablezca su contraseña");
    expect(message.text).toContain("Alguien pidió restablecer la contraseña de su cuenta.");
    expect(message.text).toContain("Elija una contraseña nueva");
    expect(message.text).not.toContain("Someone asked");

    const admin = await createUser({ roles: ["ADMIN"] });
    await db.outboxMessage.deleteMany({ where: { toAddress: user.email } });
    await forcePasswordReset({ userId: user.id, adminId: admin.id, actor: actorFor(admin), at: new Date() });
    expect((await received(user.email, "password-reset")).subject).toBe("Restablezca su contraseña");
  });

  it("send a new confirmation link in Spanish when a Spanish account signs in unconfirmed", async () => {
    const user = await createUser({ roles: ["APPLICANT"], verified: false });
    await db.user.update({ where: { id: user.id }, data: { language: "es" } });
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous())).toMatchObject({ ok: false, reason: "unverified" });
    expect((await received(user.email, "verify-email")).subject).toBe("Confirme su correo electrónico");
  });

  it("stay in English for an English account", async () => {
    const user = await createUser({ roles: ["APPLICANT"] });
    await requestPasswordReset(user.email, anonymous());
    const message = await received(user.email, "password-reset");
    expect(message.subject).toBe("Reset your password");
    expect(message.text).toContain("Someone asked to reset the password of your account.");
  });
});

describe("signing up", () => {
  const form = (email: string) => ({ name: "Rosa Díaz", email, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });

  it("gives the account the language of the page the visitor signed up on", async () => {
    const spanish = uniqueEmail("es-page");
    const asked = request("/signup", null, form(spanish));
    asked.headers.set("Accept-Language", "es-MX,es;q=0.9,en;q=0.5");
    expect((await call(signUpPage.action, asked)).location).toBe("/signup?sent=1");
    expect((await db.user.findUniqueOrThrow({ where: { email: spanish } })).language).toBe("es");
    expect((await latestEmailTo(spanish, "verify-email"))?.subject).toBe("Confirme su correo electrónico");

    const english = uniqueEmail("en-page");
    expect((await call(signUpPage.action, request("/signup", null, form(english)))).location).toBe("/signup?sent=1");
    expect((await db.user.findUniqueOrThrow({ where: { email: english } })).language).toBe("en");
  });
});
