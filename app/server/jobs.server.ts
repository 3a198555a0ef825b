import PgBoss from "pg-boss";
import { config } from "./config.server";
import { isDatabaseUnreachable } from "./database-errors.server";
import { databaseUrl } from "./db.server";
import { log } from "./log.server";
import { fileTransport, smtpTransport, type MailTransport } from "./mail.server";
import { EMAIL_JOB_EXPIRY_SECONDS, deliverOutboxMessage, dueOutboxMessages } from "./outbox-delivery.server";
import { alertAdministratorsIfFailing, closeEmailIncidentIfClear } from "./outbox-alert.server";
import { listenForQueuedOutbox } from "./outbox-listener.server";
import path from "node:path";
import { expireLapsedOffers } from "./assignment/expire-offers.server";
import { sweepDeadlines } from "./deadlines/deadline-sweep.server";
import { sweepStorage } from "./documents/storage-sweep.server";
import { pruneRateLimits } from "./rate-limit.server";
import { purgeConfirmedCases } from "./retention/purge-cases.server";
import { archiveCasesPastRetention } from "./retention/records-retention.server";
import { dispatchDueWebhooks } from "./webhooks/deliver-webhooks.server";
import { stopOcr } from "./casefile/ocr.server";
import { queuePendingTextLayers, readDocumentPages, textLayerJobId, type TextLayerJob } from "./casefile/text-layer.server";

export const SEND_EMAIL_QUEUE = "send-email";
/** Looks at every open clock for reminders and escalations (deadline-sweep.server.ts). */
export const DEADLINE_SWEEP_QUEUE = "deadline-sweep";
/** Clears the rate-limit buckets that are full again (rate-limit.server.ts). */
export const PRUNE_RATE_LIMITS_QUEUE = "prune-rate-limits";
/** Removes what crashed processes left in document storage (storage-sweep.server.ts). */
export const SWEEP_STORAGE_QUEUE = "sweep-storage";
/** Archives the cases past their profile's record retention and purges the confirmed ones, once a day (records-retention.server.ts, purge-cases.server.ts). */
export const RECORDS_RETENTION_QUEUE = "records-retention";
/** Reads the text of a document's pages, a batch at a time (casefile/text-layer.server.ts). */
export const TEXT_LAYER_QUEUE = "text-layer";
const RELAY_INTERVAL_MS = 5_000;
/** Newly added documents wait at most this long for their text layer to start. */
const TEXT_LAYER_SWEEP_MS = 5_000;
/** The job queue's own connections to PostgreSQL, beside the portal's pool (db.server.ts). */
export const JOB_QUEUE_POOL_SIZE = 4;
/** A job queue query waiting this long for a connection fails instead of queueing behind an outage. */
const JOB_QUEUE_CONNECT_TIMEOUT_MS = 5_000;
/** Webhook deliveries are rows with a due time; the worker looks for due ones this often. */
const WEBHOOK_INTERVAL_MS = 1_000;

const JOB_QUEUES: PgBoss.Queue[] = [
  // A failed send is not a failed job: the outbox row keeps the retry schedule
  // and the relay queues its next try. pg-boss retries only a job that broke
  // (the database was unreachable), and the relay covers even that.
  { name: SEND_EMAIL_QUEUE, retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: EMAIL_JOB_EXPIRY_SECONDS },
  // One sweep at a time across all workers ("singleton"); a sweep is idempotent
  // anyway, so a retry or an overlap sends nothing twice.
  { name: DEADLINE_SWEEP_QUEUE, policy: "singleton", retryLimit: 2, expireInSeconds: 300 },
  { name: PRUNE_RATE_LIMITS_QUEUE, policy: "singleton", retryLimit: 2 },
  { name: SWEEP_STORAGE_QUEUE, policy: "singleton", retryLimit: 2, expireInSeconds: 900 },
  { name: RECORDS_RETENTION_QUEUE, policy: "singleton", retryLimit: 2, expireInSeconds: 1800 },
  // A job that died with its worker is retried after it expires: it starts at
  // the first page without text, so nothing is read twice or lost. A batch
  // runs 20 s plus at most one page's OCR limit.
  { name: TEXT_LAYER_QUEUE, retryLimit: 5, retryDelay: 30, expireInSeconds: 300 },
];

async function applyQueueSettings(boss: PgBoss): Promise<void> {
  for (const queue of JOB_QUEUES) {
    await boss.createQueue(queue.name, queue);
    // createQueue leaves an existing queue as it was: apply this code's settings to it.
    await boss.updateQueue(queue.name, queue);
  }
}

/**
 * Installs (or upgrades) pg-boss's schema and creates its queues, as the
 * tables' owner: pg-boss 10 makes a table for each queue, and the portal's
 * own role may not create tables (database-roles.server.ts). The worker,
 * connected as the portal's role, then finds them in place. The scheduler
 * is started too, for the queue it makes for itself at its start (and would
 * fail to make, silently, as the portal's role).
 */
export async function installJobQueue(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: "pgboss", max: 2, supervise: false, application_name: "imr-migrate" });
  boss.on("error", (error) => log.warn("job queue error", { error: error.message }));
  await boss.start();
  try {
    await applyQueueSettings(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export interface Worker {
  boss: PgBoss;
  transport: MailTransport;
  /** Hands every pending outbox message to the queue now (tests call it). */
  relay: () => Promise<void>;
  stop: () => Promise<void>;
}

let running: Worker | undefined;
let transport: MailTransport | undefined;

export function mailTransport(): MailTransport {
  const settings = config();
  transport ??= settings.smtpUrl ? smtpTransport(settings.smtpUrl) : fileTransport(path.join(settings.dataDir, "mail"));
  return transport;
}

/**
 * Forgets the cached transport, so the next mailTransport() follows the
 * current config. The process sets its config once; tests change SMTP_URL
 * between tests (an SMTP sink, then the .eml files) and call this.
 */
export function resetMailTransport(): void {
  transport?.close();
  transport = undefined;
}

export interface WorkerOptions {
  /**
   * First wait before a failed email is tried again, in milliseconds
   * (domain/email-retry.ts). Tests shorten it to see retries within seconds.
   */
  emailFirstRetryMs?: number;
  /** The email relay and sender's clock; tests move it to live through an outage of hours in seconds. */
  clock?: () => Date;
  /** First wait before a failed webhook is tried again, in milliseconds (doubles each time). */
  webhookFirstRetryMs?: number;
}

/**
 * Starts the job worker: pg-boss on the same PostgreSQL, plus the relay that
 * moves committed outbox rows into the queue (woken by NOTIFY, and every few
 * seconds in case a notification was missed while the worker was down).
 */
export async function startWorker(options: WorkerOptions = {}): Promise<Worker> {
  if (running) return running;
  const settings = config();
  // pg-boss hands its options to pg.Pool, which also reads connectionTimeoutMillis (left out of pg-boss's types).
  const bossOptions: PgBoss.ConstructorOptions & { connectionTimeoutMillis: number } = {
    connectionString: databaseUrl(),
    schema: "pgboss",
    max: JOB_QUEUE_POOL_SIZE,
    connectionTimeoutMillis: JOB_QUEUE_CONNECT_TIMEOUT_MS,
    application_name: "imr-worker",
  };
  const boss = new PgBoss(bossOptions);
  boss.on("error", (error) => log.warn("job queue error", { error: error.message }));
  await boss.start();
  await applyQueueSettings(boss);
  const mail = mailTransport();
  const alertMail = settings.emailAlert ? smtpTransport(settings.emailAlert.smtpUrl) : undefined;
  const clock = options.clock ?? (() => new Date());
  const delivery = { transport: mail, from: settings.mailFrom, clock, firstRetryMs: options.emailFirstRetryMs };
  // A batch is sent side by side: each message is claimed on its own row, and a
  // backlog (the demo data's first start, a burst of reminders) clears in seconds.
  // Batches still sending when pg-boss stops waiting for them (stop, below): awaited before the worker says it stopped.
  const sendingBatches = new Set<Promise<unknown>>();
  const stopping = new AbortController();
  const sendBatch = async (outboxIds: string[]) => {
    // A batch handed over while the worker stops is left to the next worker: its messages stay PENDING in the outbox.
    if (stopping.signal.aborted) return;
    const outcomes = await Promise.all(outboxIds.map((outboxId) => deliverOutboxMessage(outboxId, delivery)));
    if (outcomes.includes("failed")) await alertAdministratorsIfFailing(clock(), alertMail);
    if (outcomes.includes("sent")) await closeEmailIncidentIfClear();
  };
  await boss.work<{ outboxId: string }>(SEND_EMAIL_QUEUE, { batchSize: 10, pollingIntervalSeconds: 1 }, async (jobs) => {
    const batch = sendBatch(jobs.map((job) => job.data.outboxId));
    sendingBatches.add(batch);
    try {
      await batch;
    } finally {
      sendingBatches.delete(batch);
    }
  });

  await boss.work(DEADLINE_SWEEP_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    await expireLapsedOffers(new Date()); // first: a lapsed offer goes back to the coordinator, not escalated as a missed deadline
    const result = await sweepDeadlines(new Date());
    if (result.reminded || result.escalated) log.info("deadline sweep", { ...result });
  });
  await boss.schedule(DEADLINE_SWEEP_QUEUE, "* * * * *", {}, { tz: "UTC" });
  // Reminders that fell due while no worker ran go out now, not at the next minute.
  await boss.send(DEADLINE_SWEEP_QUEUE, {});

  await boss.work(PRUNE_RATE_LIMITS_QUEUE, async () => {
    await pruneRateLimits(new Date());
  });
  await boss.schedule(PRUNE_RATE_LIMITS_QUEUE, "17 * * * *", {}, { tz: "UTC" });

  await boss.work(SWEEP_STORAGE_QUEUE, async () => {
    await sweepStorage(new Date());
  });
  await boss.schedule(SWEEP_STORAGE_QUEUE, "43 * * * *", {}, { tz: "UTC" });

  await boss.work(RECORDS_RETENTION_QUEUE, async () => {
    const now = new Date();
    const result = await archiveCasesPastRetention(now);
    const { purged } = await purgeConfirmedCases(now);
    if (result.archived.length || result.held.length || purged.length)
      log.info("records retention", { archived: result.archived.length, held: result.held.length, purged: purged.length });
  });
  // The schedule lives in the database (pg-boss's cron), so it outlives a restart;
  // a run missed while no worker ran happens at the next start, and twice archives or purges nothing twice.
  await boss.schedule(RECORDS_RETENTION_QUEUE, "20 4 * * *", {}, { tz: "UTC" });
  await boss.send(RECORDS_RETENTION_QUEUE, {});

  const queueTextLayer = async (job: TextLayerJob) => {
    await boss.send(TEXT_LAYER_QUEUE, job, { id: textLayerJobId(job) });
  };
  // One job at a time per worker: OCR takes a whole core.
  await boss.work<TextLayerJob>(TEXT_LAYER_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await readDocumentPages(job!.data, { queue: queueTextLayer, signal: stopping.signal });
  });
  let sweepingTextLayers: Promise<unknown> | undefined;
  const textLayerLog = failureLog("text layer sweep");
  const sweepTextLayers = () => {
    sweepingTextLayers ??= queuePendingTextLayers(queueTextLayer)
      .then(textLayerLog.succeeded, textLayerLog.failed)
      .finally(() => {
        sweepingTextLayers = undefined;
      });
  };
  const textLayerTimer = setInterval(sweepTextLayers, TEXT_LAYER_SWEEP_MS);
  sweepTextLayers();

  const relay = async () => {
    for (const due of await dueOutboxMessages(clock())) {
      await boss.send(SEND_EMAIL_QUEUE, { outboxId: due.id }, { id: due.jobId });
    }
  };
  let relaying: Promise<void> | undefined;
  const relayLog = failureLog("outbox relay");
  const relaySoon = () => {
    relaying ??= relay()
      .then(relayLog.succeeded, relayLog.failed)
      .finally(() => {
        relaying = undefined;
      });
    return relaying;
  };

  const listener = await listenForQueuedOutbox(databaseUrl(), () => void relaySoon());
  const timer = setInterval(() => void relaySoon(), RELAY_INTERVAL_MS);
  await relaySoon();

  let dispatching: Promise<unknown> | undefined;
  const dispatchLog = failureLog("webhook dispatch");
  const dispatchWebhooks = () => {
    dispatching ??= dispatchDueWebhooks({ firstRetryMs: options.webhookFirstRetryMs })
      .then(dispatchLog.succeeded, dispatchLog.failed)
      .finally(() => {
        dispatching = undefined;
      });
  };
  const webhookTimer = setInterval(dispatchWebhooks, WEBHOOK_INTERVAL_MS);

  running = {
    boss,
    transport: mail,
    relay: () => relaySoon(),
    async stop() {
      clearInterval(timer);
      clearInterval(webhookTimer);
      clearInterval(textLayerTimer);
      stopping.abort();
      await relaying;
      await dispatching;
      await sweepingTextLayers;
      await listener.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      // pg-boss gives up waiting after its timeout; a send still running would reach the database after the caller closed it. Each send has its own time limit.
      await Promise.allSettled(sendingBatches);
      await stopOcr();
      alertMail?.close();
      running = undefined;
    },
  };
  log.info("job worker started", { mail: mail.kind });
  return running;
}

/**
 * The log of a task the worker runs every second or so: while the database
 * is unreachable it says so once, not at every turn, and says when the task
 * works again. Any other failure is logged each time.
 */
function failureLog(task: string) {
  let unreachable = false;
  return {
    succeeded() {
      if (unreachable) log.info(`${task} works again`);
      unreachable = false;
    },
    failed(error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      if (!isDatabaseUnreachable(error)) return log.warn(`${task} failed`, { error: message });
      if (!unreachable) log.warn(`${task} failed: the database is unreachable`, { error: message.split("\n")[0] });
      unreachable = true;
    },
  };
}

export async function jobQueueHealth(): Promise<{ ok: boolean; detail: string }> {
  if (!running) return { ok: true, detail: "no worker in this process (run `npm run worker`)" };
  try {
    await running.boss.getQueueSize(SEND_EMAIL_QUEUE);
    return { ok: true, detail: "pg-boss running" };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}
