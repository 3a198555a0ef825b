// ESLint: TypeScript, React hooks and accessibility rules over the whole project.
// Prettier owns formatting; `npm run lint` runs both, with no warnings allowed.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import i18next from "eslint-plugin-i18next";
import globals from "globals";
import tseslint from "typescript-eslint";

// What an applicant or a visitor reads, in English and Spanish: text written
// straight into these files' JSX fails the lint; it goes through `t` (ADR 0026).
const APPLICANT_FILES = [
  "app/root.tsx",
  "app/routes/auth/login.tsx",
  "app/components/forms/error-summary.tsx",
  "emails/layout.tsx",
  "app/letters/decision-letter.tsx",
  "app/letters/expedited-decision-notice.tsx",
  "app/letters/ineligibility-notice.tsx",
  "app/letters/language-access.tsx",
  "app/routes/auth/*.tsx",
  "app/routes/account.tsx",
  "app/routes/account-second-factor.tsx",
  "app/routes/confirm-identity.tsx",
  "app/routes/index.tsx",
  "app/routes/not-found.tsx",
  "app/routes/verify.tsx",
  "app/components/forms/set-password-form.tsx",
  "app/components/second-factor.tsx",
  "emails/verify-email.tsx",
  "emails/password-reset.tsx",
  "app/routes/requests/new.tsx",
  "app/routes/requests/edit-step.tsx",
  "app/routes/requests/review.tsx",
  "app/components/request-steps/*.tsx",
  "app/components/forms/case-form.tsx",
  "app/components/forms/fields.tsx",
  "app/components/forms/filters.tsx",
  "app/components/forms/intent-form.tsx",
  "app/components/forms/notices.tsx",
  "app/components/forms/remove-button.tsx",
  "emails/request-received.tsx",
  "app/components/document-uploader.tsx",
  "app/components/pending-uploads.tsx",
  "app/routes/requests/index.tsx",
  "app/routes/requests/case.tsx",
  "app/routes/requests/answer-information.tsx",
  "app/routes/requests/withdraw.tsx",
  "app/components/case-timeline.tsx",
  "app/components/case-deadlines.tsx",
  "app/components/information-requests.tsx",
  "app/components/status-badge.tsx",
  "app/components/document-table.tsx",
  "app/components/pagination.tsx",
  "app/components/certification-to-do.tsx",
  "app/components/case-header.tsx",
  "emails/case-accepted.tsx",
  "emails/case-update.tsx",
  "emails/case-ineligible.tsx",
  "emails/information-requested.tsx",
  "emails/decision-issued.tsx",
  "emails/expedited-decision.tsx",
  "emails/decision-amended.tsx",
];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "build-*/",
      "data/",
      "app/.server/",
      ".react-router/",
      "tests/.artifacts/",
      "test-results/",
      "playwright-report/",
      "public/",
      "node_modules/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    files: ["app/**/*.tsx", "emails/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: APPLICANT_FILES,
    plugins: { i18next },
    rules: { "i18next/no-literal-string": ["error", { mode: "jsx-text-only" }] },
  },
  {
    // Playwright fixtures take their dependencies as a destructured first argument, `{}` when none.
    files: ["tests/e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A leading underscore names what is left out on purpose (`{ intent: _intent, ...facts }`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
);
