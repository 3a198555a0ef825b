import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useBlocker } from "react-router";
import type { PendingUpload } from "~/domain/documents/pending-uploads";

interface PendingUploadsValue {
  /** An uploader says which of its files are not on the case yet (an empty list when none). */
  report: (uploader: string, files: readonly PendingUpload[]) => void;
  /** Counts the times leaving was stopped, so each uploader holding files says why, each time. */
  stops: number;
}

const PendingUploadsContext = createContext<PendingUploadsValue | null>(null);

/**
 * Keeps the person on the page while a file they picked is not uploaded:
 * in-app navigation (links, the form's buttons) is stopped, and each
 * uploader holding a file says why next to itself; closing or reloading the
 * tab asks the browser's "Leave site?". One guard for the whole app, since a
 * router holds one blocker at a time and a page may hold several uploaders.
 */
export function PendingUploadsGuard({ children }: { children: ReactNode }) {
  const [byUploader, setByUploader] = useState<Readonly<Record<string, readonly PendingUpload[]>>>({});
  const [stops, setStops] = useState(0);
  const pending = Object.values(byUploader).some((files) => files.length > 0);
  const blocker = useBlocker(pending);

  useEffect(() => {
    if (blocker.state !== "blocked") return;
    blocker.reset();
    setStops((count) => count + 1);
  }, [blocker]);

  useEffect(() => {
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pending]);

  const report = useCallback((uploader: string, files: readonly PendingUpload[]) => {
    setByUploader((current) => {
      if (!files.length && !current[uploader]) return current;
      const next = { ...current };
      if (files.length) next[uploader] = files;
      else delete next[uploader];
      return next;
    });
  }, []);
  const value = useMemo(() => ({ report, stops }), [report, stops]);
  return <PendingUploadsContext.Provider value={value}>{children}</PendingUploadsContext.Provider>;
}

/**
 * Tells the guard about this uploader's pending files, and answers which
 * stop of leaving was the last since they were picked (so the uploader says
 * why, and draws the eye each time), or null.
 */
export function usePendingUploads(uploader: string, files: readonly PendingUpload[]): number | null {
  const guard = useContext(PendingUploadsContext);
  const report = guard?.report;
  const stops = guard?.stops ?? 0;
  const key = files.map((file) => `${file.name}:${String(file.uploading)}`).join("/");
  const [stoppedAt, setStoppedAt] = useState<number | null>(null);
  const latest = useRef(files);

  useEffect(() => {
    latest.current = files;
  });
  // Reported when the files change, not on every progress tick: `key` names them and their stage.
  useEffect(() => report?.(uploader, latest.current), [report, uploader, key]);
  useEffect(() => () => report?.(uploader, []), [report, uploader]);

  const holding = files.length > 0;
  useEffect(() => {
    if (!holding) setStoppedAt(null);
  }, [holding]);
  // A stop after this uploader's files were picked is about them.
  const [seenStops, setSeenStops] = useState(stops);
  if (stops !== seenStops) {
    setSeenStops(stops);
    if (holding) setStoppedAt(stops);
  }
  return holding ? stoppedAt : null;
}
