import type { ReactNode } from "react";

export type NoticeTone = "success" | "info" | "warning" | "error";

/** News is announced politely, an error at once; a warning is read in its place on the page unless the caller says otherwise. */
const ROLES: Record<NoticeTone, "status" | "alert" | undefined> = { success: "status", info: "status", warning: undefined, error: "alert" };

/** A one-paragraph message in a coloured box: what was saved, what stands in the way, what went wrong. */
export function Notice({ tone, role = ROLES[tone], children }: { tone: NoticeTone; role?: "status" | "alert"; children: ReactNode }) {
  return (
    <p className={tone === "info" ? "alert" : `alert alert--${tone}`} role={role}>
      {children}
    </p>
  );
}
