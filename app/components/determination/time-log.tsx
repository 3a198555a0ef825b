import { useEffect, useState } from "react";
import { Link } from "react-router";
import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { failureFor, FormError, IntentForm, Notice, RemoveButton, TextField, useZodForm } from "~/components/forms";
import { formatMinutes, TIME_LIMITS, timerMinutes } from "~/domain/time-entries";
import { changeTimeSchema, logTimeSchema } from "~/schemas/time-entry";

export interface TimeLogEntry {
  id: string;
  minutes: number;
  activity: string | null;
  logged: string;
  duration: string;
}

/**
 * The time the reviewer spent on the case, for the organization's billing:
 * their entries and total, a form to log more (which a timer of the time
 * this page was open and in view can fill in, for them to confirm), and
 * changing or removing an entry until the case is decided.
 */
export function TimeLog(props: {
  log: { entries: readonly TimeLogEntry[]; total: string; totalMinutes: number };
  open: boolean;
  /** The entry being changed (?changeTime=<id>), if any. */
  changing: TimeLogEntry | null;
  here: string;
  /** What the last change did, said here where the page opens after it. */
  notice: string | null;
  actionData: unknown;
}) {
  const { log, open, changing, here } = props;
  return (
    <section aria-labelledby="time-heading" className="space-below-xl">
      <h2 id="time-heading">Your time on this case</h2>
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      <FormError message={failureFor(props.actionData, "removeTime")?.formError} />
      <p>
        {log.entries.length ? (
          <>
            You have logged <strong>{log.total}</strong> on this case.
          </>
        ) : (
          "You have not logged any time on this case yet."
        )}{" "}
        {open
          ? "The organization bills from it: log the time you spend reading and writing. You can change an entry until the decision is issued."
          : "The decision is issued, so the time is locked for billing."}
      </p>
      {log.entries.length ? (
        <DataTable
          caption="Time logged"
          captionHidden
          rows={log.entries}
          rowKey={(entry) => entry.id}
          columns={[
            { header: "Logged", cell: (entry) => entry.logged },
            { header: "Time", cell: (entry) => entry.duration },
            { header: "Activity", cell: (entry) => entry.activity ?? <span className="muted">Not said</span> },
            open && {
              header: ACTIONS_HEADER,
              cell: (entry) => (
                <div className="actions flush-top">
                  <Link to={`${here}?changeTime=${entry.id}#change-time-heading`}>
                    Change<span className="visually-hidden"> the entry of {entry.duration}</span>
                  </Link>
                  <RemoveButton intent="removeTime" fields={{ entryId: entry.id }} what={`the entry of ${entry.duration}, logged ${entry.logged}`} />
                </div>
              ),
            },
          ]}
        />
      ) : null}
      {open && changing ? <ChangeTimeForm key={changing.id} entry={changing} here={here} actionData={failureFor(props.actionData, "changeTime")} /> : null}
      {open ? <LogTimeForm key={log.entries.length} actionData={failureFor(props.actionData, "logTime")} /> : null}
    </section>
  );
}

function LogTimeForm({ actionData }: { actionData: unknown }) {
  const zod = useZodForm(logTimeSchema, { defaultValues: { intent: "logTime", minutes: "", activity: "" }, actionData });
  const activeMs = useActiveTime();
  return (
    <>
      <h3>Log time</h3>
      <IntentForm zod={zod} intent="logTime" label="Log time" submit="Log the time">
        <TextField
          zod={zod}
          name="minutes"
          label="Minutes spent"
          hint={`Whole minutes, from ${TIME_LIMITS.entryMinutes.min} to ${TIME_LIMITS.entryMinutes.max} for one entry.`}
          inputMode="numeric"
        />
        {activeMs !== null && activeMs >= 60_000 ? (
          <p>
            <button
              type="button"
              className="link-button"
              onClick={() => zod.form.setValue("minutes", String(timerMinutes(activeMs)), { shouldValidate: true, shouldDirty: true })}
            >
              Fill in the time this page has been open: {formatMinutes(timerMinutes(activeMs))}
            </button>
          </p>
        ) : null}
        <TextField zod={zod} name="activity" label="Activity (optional)" hint="What you did, like records review or writing." />
      </IntentForm>
    </>
  );
}

function ChangeTimeForm({ entry, here, actionData }: { entry: TimeLogEntry; here: string; actionData: unknown }) {
  const zod = useZodForm(changeTimeSchema, {
    defaultValues: { intent: "changeTime", entryId: entry.id, minutes: String(entry.minutes), activity: entry.activity ?? "" },
    actionData,
  });
  return (
    <div className="card space-below-xl">
      <h3 id="change-time-heading">Change the entry logged {entry.logged}</h3>
      <IntentForm zod={zod} intent="changeTime" label="Change the entry" submit="Save the change">
        <input type="hidden" name="entryId" value={entry.id} />
        <TextField zod={zod} name="minutes" label="Minutes spent" idPrefix="change" inputMode="numeric" />
        <TextField zod={zod} name="activity" label="Activity (optional)" idPrefix="change" />
      </IntentForm>
      <p className="flush-bottom">
        <Link to={`${here}#time-heading`}>Keep the entry as it is</Link>
      </p>
    </div>
  );
}

/**
 * The time this page has been open and in view, in milliseconds, counted in
 * the browser (null before it runs): the reviewer may use it to fill in the
 * minutes, and still confirms the entry.
 */
function useActiveTime(): number | null {
  const [activeMs, setActiveMs] = useState<number | null>(null);
  useEffect(() => {
    let counted = 0;
    let since: number | null = document.visibilityState === "visible" ? Date.now() : null;
    const current = () => counted + (since === null ? 0 : Date.now() - since);
    const onVisibility = () => {
      if (document.visibilityState === "visible") since ??= Date.now();
      else if (since !== null) {
        counted += Date.now() - since;
        since = null;
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    setActiveMs(current());
    // The button shows whole minutes: a tick every 15 seconds keeps it close.
    const tick = setInterval(() => setActiveMs(current()), 15_000);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      clearInterval(tick);
    };
  }, []);
  return activeMs;
}
