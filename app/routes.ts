import { type RouteConfig, index, prefix, route } from "@react-router/dev/routes";

export default [
  index("routes/index.tsx"),
  route("healthz", "routes/healthz.ts"),

  route("login", "routes/auth/login.tsx"),
  route("logout", "routes/auth/logout.ts"),
  route("signup", "routes/auth/signup.tsx"),
  route("verify-email", "routes/auth/verify-email.tsx"),
  route("forgot-password", "routes/auth/forgot-password.tsx"),
  route("reset-password", "routes/auth/reset-password.tsx"),
  route("invitation", "routes/auth/invitation.tsx"),
  route("account", "routes/account.tsx"),

  route("requests", "routes/requests/index.tsx"),
  route("iro", "routes/iro/index.tsx"),
  route("iro/reports", "routes/iro/reports.tsx"),
  route("iro/reports/timeliness", "routes/iro/reports.timeliness.tsx"),
  route("iro/reports/timeliness.csv", "routes/iro/reports.timeliness.csv.ts"),
  route("iro/reports/regulator-export.csv", "routes/iro/reports.regulator-export.csv.ts"),
  route("review", "routes/review/index.tsx"),
  route("plan", "routes/plan/index.tsx"),
  route("plan/integrations", "routes/plan/integrations.tsx", { id: "plan-integrations" }),
  route("admin/plans/:planId/integrations", "routes/plan/integrations.tsx", { id: "admin-plan-integrations" }),

  ...prefix("admin", [
    index("routes/admin/index.tsx"),
    route("users", "routes/admin/users.tsx"),
    route("users/invite", "routes/admin/invite-user.tsx"),
    route("audit", "routes/admin/audit.tsx"),
    route("outbox", "routes/admin/outbox.tsx"),
    route("plans", "routes/admin/plans.tsx"),
    route("rules", "routes/admin/rules.tsx"),
    route("rules/:code/new", "routes/admin/rule-version-new.tsx"),
    route("holidays", "routes/admin/holidays.tsx"),
    route("settings", "routes/admin/settings.tsx"),
  ]),

  route("api/v1/rules/deadlines", "routes/api.v1/rules.deadlines.ts"),
  route("api/v1/openapi.json", "routes/api.v1/openapi.ts"),
  route("api/v1/cases", "routes/api.v1/cases.ts"),
  route("api/v1/cases/:reference", "routes/api.v1/case.ts"),
  route("api/v1/*", "routes/api.v1/not-found.ts"),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
