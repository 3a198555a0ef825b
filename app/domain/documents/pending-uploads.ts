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

function names(files: readonly PendingUpload[]): string {
  const quoted = files.map((file) => `"${file.name}"`);
  if (quoted.length === 1) return quoted[0]!;
  return `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)!}`;
}

/** Why leaving was stopped, naming each file and what to do with it; null when nothing is pending. */
export function leaveStoppedMessage(files: readonly PendingUpload[], place: LeavingPlace): string | null {
  const waiting = files.filter((file) => !file.uploading);
  const sending = files.filter((file) => file.uploading);
  const sentences: string[] = [];
  if (waiting.length === 1) sentences.push(`Your file ${names(waiting)} is not uploaded yet: upload it or remove it before leaving this ${place}.`);
  if (waiting.length > 1) sentences.push(`Your files ${names(waiting)} are not uploaded yet: upload them or remove them before leaving this ${place}.`);
  if (sending.length === 1)
    sentences.push(`Your file ${names(sending)} is still uploading: wait until it is added, or cancel it, before leaving this ${place}.`);
  if (sending.length > 1)
    sentences.push(`Your files ${names(sending)} are still uploading: wait until they are added, or cancel them, before leaving this ${place}.`);
  return sentences.length ? sentences.join(" ") : null;
}
