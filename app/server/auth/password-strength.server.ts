/**
 * Whether a new password is too easy to guess, checked offline on the
 * server: against the bundled list of common and breached passwords
 * (zxcvbn-ts's `passwords-common`, about 50,000 of them), zxcvbn's estimate
 * of the guesses it would take, and the person's own name and email address.
 * The dictionary stays here: a `.server` module never reaches the browser
 * bundle, and it is loaded at the first check, not at start.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { AppError } from "../errors.server";
import { msg } from "~/i18n/msg";

/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^8 guesses), the least we accept. */
export const MIN_PASSWORD_SCORE = 3;

/** Parts of a name or address shorter than this are too common to refuse a password for (a "Li", a "New"). */
const MIN_PERSONAL_PART = 4;

export const PASSWORD_MESSAGES = {
  breached: msg("This password is on a list of common or breached passwords. Choose another one."),
  personal: msg("Do not use your name or email address in your password."),
  guessable: msg("This password is too easy to guess. Use a few unrelated words, or mix in more characters."),
} as const;

export type PasswordProblem = keyof typeof PASSWORD_MESSAGES;

interface Checker {
  zxcvbn: ZxcvbnFactory;
  /** The common and breached passwords, lower case (the list is). */
  listed: ReadonlySet<string>;
}

let checker: Promise<Checker> | undefined;

function loadChecker(): Promise<Checker> {
  checker ??= import("@zxcvbn-ts/language-common").then((common) => ({
    zxcvbn: new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }),
    listed: new Set(common.dictionary["passwords-common"]),
  }));
  return checker;
}

/** Letters and digits only, lower case: "Jane.Doe" and "jane-doe" are the same here. */
function bare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** The person's name, its parts, and their email address and its local part: what they must not build the password from. */
function personalWords(person: { email: string; name: string }): string[] {
  const local = person.email.split("@")[0] ?? "";
  const words = [person.name, ...person.name.split(/\s+/), person.email, local, ...local.split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(words.map(bare).filter((word) => word.length >= MIN_PERSONAL_PART))];
}

/** What is wrong with this password for this person, or null when it will do. */
export async function passwordProblem(password: string, person: { email: string; name: string }): Promise<PasswordProblem | null> {
  const { zxcvbn, listed } = await loadChecker();
  if (listed.has(password.toLowerCase())) return "breached";
  const personal = personalWords(person);
  const typed = bare(password);
  if (personal.some((word) => typed.includes(word))) return "personal";
  return zxcvbn.check(password, personal).score < MIN_PASSWORD_SCORE ? "guessable" : null;
}

/** Refuses a new password that is too easy to guess, next to the form's `password` field. */
export async function assertStrongPassword(password: string, person: { email: string; name: string }): Promise<void> {
  const problem = await passwordProblem(password, person);
  if (problem) throw new AppError("BAD_REQUEST", PASSWORD_MESSAGES[problem], { field: "password" });
}
