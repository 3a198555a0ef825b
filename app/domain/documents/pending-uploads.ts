import type { TFunction } from "i18next";

/**
 * A file the person picked that is not on the case yet: waiting for its
 * Upload button (or refused by the server, ready to try again), or still
 * on its way. Leaving the page would lose it without a word, so leaving is
 * stopped and this says why.
 */
export interface PendingUpload {
  name: string;
  uploading: boolean;
}

/** Where the person was going to leave: a step of the request form, or a page. */
export type LeavingPlace = "step" | "page";

/** The files' names, quoted, as a list in the reader's language: "a.pdf", "b.pdf" and "c.pdf". */
function names(t: TFunction, files: readonly PendingUpload[]): string {
  const quoted = files.map((file) => `"${file.name}"`);
  if (quoted.length === 1) return quoted[0]!;
  return t("{names} and {last}", { names: quoted.slice(0, -1).join(", "), last: quoted.at(-1)! });
}

/**
 * Why leaving was stopped, naming each file and what to do with it, in the
 * reader's language (`t`); null when nothing is pending.
 */
export function leaveStoppedMessage(t: TFunction, files: readonly PendingUpload[], place: LeavingPlace): string | null {
  const waiting = files.filter((file) => !file.uploading);
  const sending = files.filter((file) => file.uploading);
  const sentences: string[] = [];
  if (waiting.length)
    sentences.push(
      t(
        "{count, plural, one {Your file {names} is not uploaded yet: upload it or remove it} other {Your files {names} are not uploaded yet: upload them or remove them}} before leaving this {place, select, step {step} other {page}}.",
        { count: waiting.length, names: names(t, waiting), place },
      ),
    );
  if (sending.length)
    sentences.push(
      t(
        "{count, plural, one {Your file {names} is still uploading: wait until it is added, or cancel it,} other {Your files {names} are still uploading: wait until they are added, or cancel them,}} before leaving this {place, select, step {step} other {page}}.",
        { count: sending.length, names: names(t, sending), place },
      ),
    );
  return sentences.length ? sentences.join(" ") : null;
}
