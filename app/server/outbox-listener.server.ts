import pg from "pg";
import { log } from "./log.server";

/** The outbox table's insert trigger notifies this channel when a transaction commits. */
const OUTBOX_CHANNEL = "outbox_message_queued";
/** First wait before the listener reconnects; it doubles with each failure up to the cap. */
const FIRST_RETRY_MS = 500;
/** The longest wait between two attempts: how late the listener can be after the database is back. */
export const OUTBOX_LISTENER_MAX_RETRY_MS = 5_000;
/** An attempt to connect gives up after this. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface OutboxListener {
  stop: () => Promise<void>;
}

/**
 * Holds one connection that LISTENs on the outbox channel and calls `onQueued`
 * for each notification, and once after every (re)connection for what was
 * queued while it was away. When the connection is lost it comes back through
 * a single retry loop: at most one connection and one timer at any time, so a
 * long outage costs one socket, not one per attempt. Answers after the first
 * attempt, connected or not.
 */
export async function listenForQueuedOutbox(connectionString: string, onQueued: () => void): Promise<OutboxListener> {
  let client: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let retryMs = FIRST_RETRY_MS;
  let connected = true;
  let stopped = false;

  const connectLater = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, OUTBOX_LISTENER_MAX_RETRY_MS);
  };

  const connect = async () => {
    const attempt = new pg.Client({
      connectionString,
      application_name: "imr-outbox-listener",
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    client = attempt;
    // A failed attempt can both reject connect() and emit "error" or "end": the
    // first of them schedules the one retry, the others find it done.
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (client === attempt) client = undefined;
      if (stopped) return;
      attempt.end().catch(() => undefined);
      if (connected) log.warn("outbox listener lost the database; reconnecting", { error: error?.message });
      connected = false;
      connectLater();
    };
    attempt.on("error", onLost);
    attempt.on("end", () => onLost());
    attempt.on("notification", onQueued);
    try {
      await attempt.connect();
      await attempt.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost) return;
    if (!connected) log.info("outbox listener reconnected");
    connected = true;
    retryMs = FIRST_RETRY_MS;
    onQueued();
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
