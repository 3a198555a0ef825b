import { db } from "./db.server";
import { jobQueueHealth, mailTransport } from "./jobs.server";

interface Check {
  ok: boolean;
  detail: string;
}

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function healthReport(): Promise<{ status: "ok" | "degraded" | "down"; database: Check; jobs: Check; mail: Check }> {
  const [database, jobs, mail] = await Promise.all([
    within(3_000, db.$queryRaw`SELECT 1`).then(
      () => ({ ok: true, detail: "PostgreSQL answered" }),
      (error: Error) => ({ ok: false, detail: `PostgreSQL unreachable: ${error.message}` }),
    ),
    within(3_000, jobQueueHealth()).catch((error: Error) => ({ ok: false, detail: error.message })),
    within(3_000, mailTransport().check()).catch((error: Error) => ({ ok: false, detail: error.message })),
  ]);
  const status = !database.ok ? "down" : jobs.ok && mail.ok ? "ok" : "degraded";
  return { status, database, jobs, mail };
}
