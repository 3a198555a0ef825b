import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { Form, isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { useNonce } from "~/components/nonce";
import { PendingUploadsGuard } from "~/components/pending-uploads";
import { logoPath } from "~/domain/organization-branding";
import { ROLE_HOMES, ROLE_LABELS, type Role } from "~/domain/roles";
import { i18nFor, translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { DEFAULT_LOCALE, LOCALE_NAMES, LOCALES, type Locale } from "~/i18n/locales";
import { organizationCalendar } from "~/server/deadlines/calendar.server";
import { requestLocale } from "~/server/i18n/locale.server";
import { organizationBranding } from "~/server/organization/organization-branding.server";
import { getSessionUser } from "~/server/session.server";
import stylesheet from "~/styles/app.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: Route.LoaderArgs) {
  const [user, { timeZone }, branding] = await Promise.all([getSessionUser(request), organizationCalendar(), organizationBranding()]);
  return {
    user: user ? { name: user.name, roles: user.roles } : null,
    locale: await requestLocale(request, user),
    timeZone,
    // The request's instant: tables leave out the year within this one, and the server and the browser read the same.
    now: new Date().toISOString(),
    organization: branding ? { name: branding.name, logo: branding.logoSha256 ? logoPath(branding.logoSha256) : null } : null,
  };
}

const NAV: Record<Role, { to: string; label: string }[]> = {
  APPLICANT: [{ to: ROLE_HOMES.APPLICANT, label: msg("My requests") }],
  COORDINATOR: [
    { to: ROLE_HOMES.COORDINATOR, label: "Cases" },
    { to: "/iro/queue", label: "Intake" },
    { to: "/iro/reports", label: "Reports" },
    { to: "/iro/roster", label: "Reviewer roster" },
  ],
  REVIEWER: [{ to: ROLE_HOMES.REVIEWER, label: "My reviews" }],
  PLAN: [
    { to: ROLE_HOMES.PLAN, label: "Plan cases" },
    { to: "/plan/integrations", label: "API and webhooks" },
  ],
  ADMIN: [
    { to: "/admin", label: "Administration" },
    { to: "/admin/users", label: "Users" },
    { to: "/admin/audit", label: "Audit log" },
    { to: "/admin/outbox", label: "Outbox" },
    { to: "/iro/reports", label: "Reports" },
    { to: "/iro/roster", label: "Reviewer roster" },
  ],
};

/** The links of every role a person holds, each once (a coordinator who is also an admin sees "Reports" once). */
function navFor(roles: readonly Role[]) {
  const items = new Map<string, { to: string; label: string }>();
  for (const role of roles) for (const item of NAV[role]) if (!items.has(item.to)) items.set(item.to, item);
  return [...items.values()];
}

/** English or Spanish, on every page a visitor or an applicant reads; without JavaScript it is a form like any other. */
function LanguageChoice({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-choice" aria-label={t("Language")}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LOCALES.map((language) => (
        <button
          key={language}
          type="submit"
          name="language"
          value={language}
          lang={language}
          className="link-button"
          aria-current={language === locale ? "true" : undefined}
        >
          {LOCALE_NAMES[language]}
        </button>
      ))}
    </Form>
  );
}

function Header() {
  const { t } = useTranslation();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  const organization = data?.organization;
  // Staff and plan pages stay in English; a visitor or an applicant chooses.
  const choosesLanguage = !user || user.roles.every((role) => role === "APPLICANT");
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          {organization ? (
            <span className="brand__organization">
              {organization.logo ? <img src={organization.logo} alt={organization.name} className="brand__logo" /> : organization.name}
            </span>
          ) : null}
          <span>{t("Independent Medical Review")}</span>
        </Link>
        {choosesLanguage ? <LanguageChoice locale={data?.locale ?? DEFAULT_LOCALE} /> : null}
        {user ? (
          <nav aria-label="Main">
            <ul className="nav">
              {navFor(user.roles).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end>
                    {translateMessage(t, item.label)}
                  </NavLink>
                </li>
              ))}
              <li>
                <NavLink to="/account">{t("Account")}</NavLink>
              </li>
              <li>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("Sign out")}
                  </button>
                </Form>
              </li>
            </ul>
            <p className="signed-in-as">
              {t("Signed in as {name} ({roles})", { name: user.name, roles: user.roles.map((role) => translateMessage(t, ROLE_LABELS[role])).join(", ") })}
            </p>
          </nav>
        ) : (
          <nav aria-label="Main">
            <ul className="nav">
              <li>
                <NavLink to="/login">{t("Sign in")}</NavLink>
              </li>
              <li>
                <NavLink to="/signup">{t("Create an account")}</NavLink>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useRouteLoaderData<typeof loader>("root")?.locale ?? DEFAULT_LOCALE;
  return (
    <I18nextProvider i18n={i18nFor(locale)}>
      <Document locale={locale}>{children}</Document>
    </I18nextProvider>
  );
}

function Document({ locale, children }: { locale: Locale; children: ReactNode }) {
  const nonce = useNonce();
  const { t } = useTranslation();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("Skip to main content")}
        </a>
        <Header />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t("Independent Medical Review portal. Your information is used only to review your case.")}</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <PendingUploadsGuard>
      <Outlet />
    </PendingUploadsGuard>
  );
}

export function meta() {
  return [{ title: "Independent Medical Review" }];
}

const ERROR_PAGES: Record<number, { title: string; message: string }> = {
  400: { title: msg("Something in the request was not right"), message: msg("Go back and check what you entered.") },
  403: {
    title: msg("You do not have access to this page"),
    message: msg("Your account cannot see this page. If you think it should, contact the review organization."),
  },
  404: { title: msg("Page not found"), message: msg("There is nothing at this address, or you do not have access to it.") },
  409: {
    title: msg("This changed while you were working"),
    message: msg("Someone else changed this first. Reload the page to see the latest version, then try again."),
  },
  429: { title: msg("Too many attempts"), message: msg("Wait a few minutes, then try again.") },
};

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = ERROR_PAGES[status] ?? {
    title: msg("Something went wrong"),
    message: msg("The portal could not complete this request. Please try again in a moment."),
  };
  const detail = isRouteErrorResponse(error) && status !== 404 && typeof error.data === "string" ? error.data : null;
  const title = translateMessage(t, page.title);
  return (
    <div className="page narrow">
      <title>{`${title} | ${t("Independent Medical Review")}`}</title>
      <h1>{title}</h1>
      <p>{translateMessage(t, detail ?? page.message)}</p>
      <p className="muted">{t("Error {status}", { status })}</p>
      <p>
        <Link to="/">{t("Go to your home page")}</Link>
      </p>
    </div>
  );
}
