import { healthReport } from "~/server/health.server";

/** For load balancers and people: the state of the database, the job queue and the mail transport. */
export async function loader() {
  const report = await healthReport();
  return Response.json(report, {
    status: report.database.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
