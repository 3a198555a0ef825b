import { beforeAll, describe, expect, it } from "vitest";
import { EMAIL_TEMPLATES, type EmailTemplateName, type EmailTemplateProps } from "#emails/index";
import type { CriterionAnswer, EligibilityCriterion } from "~/domain/eligibility";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { applyDeadlineEffects } from "~/server/deadlines/case-clocks.server";
import { acceptCase } from "~/server/intake/accept-case.server";
import { recordEligibility } from "~/server/intake/record-eligibility.server";
import { requestInformation } from "~/server/intake/request-information.server";
import { renderEmail } from "~/server/mail.server";
import { reverseDenial } from "~/server/plan/reverse-denial.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { withdrawRequest } from "~/server/requests/withdraw.server";
import { ACCEPTANCE_CATEGORIES } from "#tests/support/case-factories";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { actorFor, createCase, createPlan, createUser, sessionUserOf } from "#tests/support/factories";

/**
 * Every case email to the applicant is written in the case's notice language
 * (the one asked for in the request): subject, body and the dates in it.
 * Copies to the plan stay in English.
 */
const MONDAY_10_AM = INSTANTS.mondayBeforeThanksgiving;
clockStartsAt(MONDAY_10_AM);

type Person = Awaited<ReturnType<typeof createUser>>;
let coordinator: Person;
let applicant: Person;
let planUser: Person;
let plan: Awaited<ReturnType<typeof createPlan>>;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  plan = await createPlan();
  coordinator = await createUser({ roles: ["COORDINATOR"] });
  applicant = await createUser({ roles: ["APPLICANT"], name: "Lucía Solicitante" });
  planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
});

const as = (person: Person) => ({ user: sessionUserOf(person), actor: actorFor(person) });

async function filedCase(preferredLanguage: string) {
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "SUBMITTED" });
  await db.case.update({ where: { id: kase.id }, data: { preferredLanguage } });
  await db.$transaction((tx) => applyDeadlineEffects(tx, kase.id, { start: ["eligibility"] }, MONDAY_10_AM));
  return kase;
}

async function version(caseId: string): Promise<number> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

const met: CriterionAnswer = { met: true, note: "Filed within the filing window." };
const allMet: Record<EligibilityCriterion, CriterionAnswer> = { ENROLLED: met, COVERED_BENEFIT: met, APPEAL_EXHAUSTED: met, FILED_IN_TIME: met, COMPLETE: met };

async function accepted(preferredLanguage: string) {
  const kase = await filedCase(preferredLanguage);
  await recordEligibility({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), answers: allMet, at: MONDAY_10_AM });
  await acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), at: MONDAY_10_AM });
  return kase;
}

/** The applicant's email of a template on the case, as the mail worker sends it: its subject, language and rendered text. */
async function applicantEmail(caseId: string, template: EmailTemplateName) {
  const row = await db.outboxMessage.findFirstOrThrow({ where: { caseId, template, toAddress: applicant.email }, orderBy: { createdAt: "desc" } });
  const { text } = await renderEmail(row.template, row.props, row.language as Locale);
  return { subject: row.subject, language: row.language, text };
}

describe("the applicant's case emails follow the case's notice language", () => {
  it("tells of the acceptance in Spanish, with the decision's due date written the Spanish way, and in English otherwise", async () => {
    const spanish = await accepted("es");
    const email = await applicantEmail(spanish.id, "case-accepted");
    expect(email.language).toBe("es");
    expect(email.subject).toBe(`${spanish.reference}: su solicitud fue aceptada para revisión independiente`);
    expect(email.text).toContain("Revisamos su solicitud y se puede revisar.");
    expect(email.text).toContain("Número de referencia:");
    expect(email.text).toMatch(/La decisión debe tomarse a más tardar el (lun|mar|mié|jue|vie|sáb|dom) \d+ \w+ 20\d\d, 11:59 p\. m\. ET/);
    expect(email.text).toContain("Siga su solicitud");
    // The plan's email about the same acceptance stays in English.
    const toPlan = await db.outboxMessage.findFirstOrThrow({ where: { caseId: spanish.id, template: "case-file-requested" } });
    expect(toPlan.language).toBe("en");

    const english = await accepted("en");
    const inEnglish = await applicantEmail(english.id, "case-accepted");
    expect(inEnglish.language).toBe("en");
    expect(inEnglish.subject).toBe(`${english.reference}: your request was accepted for independent review`);
    expect(inEnglish.text).toMatch(/The decision is due by \w{3} \d+ \w{3} 20\d\d, 11:59 PM ET/);
  });

  it("asks for information in Spanish, with the due date in the subject", async () => {
    const kase = await filedCase("es");
    await requestInformation({
      ...as(coordinator),
      caseId: kase.id,
      expectedVersion: 0,
      addressedTo: "APPLICANT",
      question: "¿Tiene la carta?",
      at: MONDAY_10_AM,
    });
    const email = await applicantEmail(kase.id, "information-requested");
    // NAIC: 5 business days, Thanksgiving skipped: the end of Tue 1 Dec.
    expect(email.subject).toBe(`${kase.reference}: necesitamos más información antes del mar 1 dic 2026, 11:59 p. m. ET`);
    expect(email.text).toContain("Para seguir con su solicitud, necesitamos más información de usted.");
    expect(email.text).toContain("Responda antes del mar 1 dic 2026, 11:59 p. m. ET.");
    expect(email.text).not.toContain("¿Tiene la carta?");

    const english = await filedCase("en");
    await requestInformation({ ...as(coordinator), caseId: english.id, expectedVersion: 0, addressedTo: "APPLICANT", question: "Letter?", at: MONDAY_10_AM });
    expect((await applicantEmail(english.id, "information-requested")).subject).toBe(
      `${english.reference}: more information needed by Tue 1 Dec 2026, 11:59 PM ET`,
    );
  });

  it("confirms a withdrawal in Spanish to the applicant and in English to the plan", async () => {
    const kase = await filedCase("es");
    await withdrawRequest({ ...as(applicant), caseId: kase.id, expectedVersion: 0 });
    const email = await applicantEmail(kase.id, "case-update");
    expect(email.subject).toBe(`${kase.reference}: Su solicitud fue retirada`);
    expect(email.text).toContain("Usted retiró su solicitud de revisión independiente.");
    expect(email.text).toContain("Abrir el caso");
    const toPlan = await db.outboxMessage.findFirstOrThrow({ where: { caseId: kase.id, template: "case-update", toAddress: planUser.email } });
    expect(toPlan).toMatchObject({ language: "en", subject: `${kase.reference}: The applicant withdrew the request` });

    const english = await filedCase("en");
    await withdrawRequest({ ...as(applicant), caseId: english.id, expectedVersion: 0 });
    const inEnglish = await applicantEmail(english.id, "case-update");
    expect(inEnglish.subject).toBe(`${english.reference}: Your request was withdrawn`);
    expect(inEnglish.text).toContain("Open the case");
  });

  it("tells the applicant in Spanish that the plan reversed its denial", async () => {
    const kase = await accepted("es");
    await reverseDenial({ ...as(planUser), caseId: kase.id, expectedVersion: await version(kase.id), note: "Aprobado", channel: "PORTAL" });
    const email = await applicantEmail(kase.id, "case-update");
    expect(email.subject).toBe(`${kase.reference}: Su plan de salud revocó su negación`);
    expect(email.text).toContain("Su plan de salud aprobó lo que había negado");
  });
});

describe("every applicant case email reads in Spanish", () => {
  const organizationName = "Independent Review Services";
  const reference = "IMR-2026-000123";
  const link = "http://portal.test/requests";
  const due = "sáb 5 dic 2026, 11:59 p. m. ET";
  const examples: {
    [N in EmailTemplateName]?: { props: EmailTemplateProps[N]; es: { subject: string; body: string }; en: { subject: string; body: string } };
  } = {
    "case-accepted": {
      props: { organizationName, reference, decisionDue: due, link },
      es: { subject: `${reference}: su solicitud fue aceptada para revisión independiente`, body: `La decisión debe tomarse a más tardar el ${due}.` },
      en: { subject: `${reference}: your request was accepted for independent review`, body: "We checked your request and it can be reviewed." },
    },
    "case-ineligible": {
      props: { organizationName, reference, forApplicant: true, regulatorName: "Departamento de Seguros", link },
      es: { subject: `${reference}: no se pudo aceptar su solicitud para revisión`, body: "puede comunicarse con Departamento de Seguros" },
      en: { subject: `${reference}: your request could not be accepted for review`, body: "If you disagree, you can contact the Departamento de Seguros" },
    },
    "information-requested": {
      props: { organizationName, reference, forApplicant: true, due, link },
      es: { subject: `${reference}: necesitamos más información antes del ${due}`, body: `Responda antes del ${due}.` },
      en: { subject: `${reference}: more information needed by ${due}`, body: "To go on with your request, we need more information from you." },
    },
    "case-update": {
      props: { organizationName, reference, headline: "Su solicitud fue retirada", action: "Usted retiró su solicitud.", link },
      es: { subject: `${reference}: Su solicitud fue retirada`, body: "Número de referencia: IMR-2026-000123" },
      en: { subject: `${reference}: Su solicitud fue retirada`, body: "Reference number: IMR-2026-000123" },
    },
    "decision-issued": {
      props: { organizationName, reference, audience: "applicant", expedited: true, actionDue: null, link },
      es: { subject: `${reference}: se emitió la decisión de la revisión independiente acelerada`, body: "La revisión independiente de su solicitud terminó." },
      en: { subject: `${reference}: the expedited independent review decision has been issued`, body: "The independent review of your request is complete." },
    },
    "expedited-decision": {
      props: { organizationName, reference, audience: "applicant", letterDue: due, link },
      es: {
        subject: `${reference}: se decidió la revisión independiente acelerada`,
        body: `La carta de decisión por escrito, con los motivos, llegará a más tardar el ${due}.`,
      },
      en: {
        subject: `${reference}: the expedited independent review has been decided`,
        body: `The written decision letter, with the reasons, follows by ${due} at the latest.`,
      },
    },
    "decision-amended": {
      props: { organizationName, reference, audience: "applicant", version: 2, link },
      es: { subject: `${reference}: se modificó la carta de decisión (versión 2)`, body: "Emitimos la versión 2 de la carta de decisión." },
      en: { subject: `${reference}: the decision letter was amended (version 2)`, body: "We issued version 2 of the decision letter." },
    },
  };

  for (const [template, example] of Object.entries(examples)) {
    it(`${template}: subject and body in the language asked for`, async () => {
      const entry = EMAIL_TEMPLATES[template as EmailTemplateName] as { subject: (props: unknown, t: ReturnType<typeof translator>) => string };
      for (const locale of ["es", "en"] as const) {
        expect(entry.subject(example.props, translator(locale))).toBe(example[locale].subject);
        const { html, text } = await renderEmail(template, example.props, locale);
        expect(text).toContain(example[locale].body);
        expect(html).toContain(`lang="${locale}"`);
      }
      // The Spanish email carries no English sentence of its own.
      const { text } = await renderEmail(template, example.props, "es");
      expect(text).not.toMatch(/Reference number|independent review|Open the case|Read the/);
    });
  }
});
