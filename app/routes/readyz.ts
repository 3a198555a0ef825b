import { readinessReport } from "~/server/health.server";

/** For load balancers: 200 while this process can serve (database, document storage and job queue answering, not shutting down), else 503. /healthz stays the liveness check. */
export async function loader() {
  const report = await readinessReport();
  return Response.json(report, { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
