/**
 * The second factor: an authenticator app (TOTP, RFC 6238), passkeys
 * (WebAuthn) and single-use recovery codes. Signing in owes one of them after
 * the password (session.server.ts keeps the halfway session); these are the
 * operations of that step, of setting a factor up and of removing one.
 */
import crypto from "node:crypto";
import { generateSecret, generateURI, verify as verifyTotp } from "otplib";
import QRCode from "qrcode";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isAuthenticatorCode, mayRemoveFactor, RECOVERY_CODE_COUNT, recoveryCodeFrom } from "~/domain/second-factor";
import type { Role } from "~/domain/roles";
import { audit } from "../audit.server";
import { config } from "../config.server";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors.server";
import type { Actor } from "../request-context.server";
import { secretBox } from "../secret-box.server";
import { rememberChallenge, takeChallenge } from "../session.server";
import { clearFailedSignIns, countFailedSignIn, lockRefusal, networkRefusal, type SignInRefusal } from "./log-in.server";
import { msg } from "~/i18n/msg";

const authenticatorSecrets = secretBox("imr authenticator app secrets");
const TOTP_PERIOD_SECONDS = 30;
// One step either side: a phone's clock a little off, or a code typed as it turned over.
const TOTP_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

function relyingParty() {
  const url = new URL(config().appUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: config().organizationName };
}

export interface SecondFactors {
  authenticatorApp: boolean;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
}

export async function secondFactorsOf(userId: string): Promise<SecondFactors> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      totpEnabledAt: true,
      passkeys: { select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  return { authenticatorApp: user.totpEnabledAt !== null, passkeys: user.passkeys, recoveryCodesLeft: user._count.recoveryCodes };
}

function factorCount(factors: SecondFactors): number {
  return (factors.authenticatorApp ? 1 : 0) + factors.passkeys.length;
}

function hashRecoveryCode(userId: string, code: string): string {
  return crypto
    .createHash("sha256")
    .update(`${userId}:${code.replace("-", "")}`)
    .digest("hex");
}

/** A new set of recovery codes replaces any earlier one; the codes are shown once and only their hashes kept. */
async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFrom(crypto.randomBytes(10)));
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })) });
  return codes;
}

/** The first factor set up comes with recovery codes; later ones keep the codes the person already has. */
async function recoveryCodesForFirstFactor(tx: Tx, userId: string): Promise<string[] | null> {
  const existing = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
  return existing > 0 ? null : issueRecoveryCodes(tx, userId);
}

// ---------------------------------------------------------------- signing in

export type SecondFactorResult = { ok: true; method: "authenticator" | "recovery-code" | "passkey" } | SignInRefusal;

/** Whose proof is checked: a sign-in halfway, or someone signed in confirming it is them (`failedAction` names their failures in the audit log). */
export interface Proving {
  sessionId: string;
  user: { id: string; email: string };
  failedAction?: string;
}

async function signInAccount(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, failedLoginCount: true, lockedUntil: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
}

/** Checks a code typed at the second step of signing in: the authenticator app's, or a recovery code (used up). */
export async function checkSignInCode(pending: Proving, code: string, actor: Actor, at: Date): Promise<SecondFactorResult> {
  const refused = await networkRefusal(actor, pending.user.email);
  if (refused) return refused;
  const account = await signInAccount(pending.user.id);
  const locked = lockRefusal(account.lockedUntil);
  if (locked) return locked;
  const method = isAuthenticatorCode(code) ? "authenticator" : "recovery-code";
  const accepted =
    method === "authenticator"
      ? account.totpSecret !== null &&
        account.totpEnabledAt !== null &&
        (await acceptAuthenticatorCode(account.id, account.totpSecret, account.totpLastStep, code, at))
      : (await db.recoveryCode.updateMany({ where: { userId: account.id, codeHash: hashRecoveryCode(account.id, code), usedAt: null }, data: { usedAt: at } }))
          .count === 1;
  if (!accepted)
    return countFailedSignIn(account, actor, method === "authenticator" ? "wrong-authenticator-code" : "wrong-recovery-code", pending.failedAction);
  await clearFailedSignIns(account.id);
  return { ok: true, method };
}

/** The step the code belongs to, if it is right and newer than the last one accepted. */
async function matchingStep(sealedSecret: string, lastStep: number | null, code: string, at: Date): Promise<number | null> {
  const result = await verifyTotp({
    secret: authenticatorSecrets.open(sealedSecret),
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: TOTP_TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** Right, and not used before: the step is taken only if no other sign-in took it (or a later one) meanwhile. */
async function acceptAuthenticatorCode(userId: string, sealedSecret: string, lastStep: number | null, code: string, at: Date): Promise<boolean> {
  const step = await matchingStep(sealedSecret, lastStep, code, at);
  if (step === null) return false;
  const taken = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return taken.count === 1;
}

/** What the browser needs to ask for one of this person's passkeys. */
export async function passkeySignInOptions(pending: Proving): Promise<PasskeyOptions<PublicKeyCredentialRequestOptionsJSON> | null> {
  const passkeys = await db.passkey.findMany({ where: { userId: pending.user.id }, select: { id: true, transports: true } });
  if (passkeys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.id, transports: passkey.transports as AuthenticatorTransportFuture[] })),
    userVerification: "preferred",
  });
  await rememberChallenge(pending.sessionId, options.challenge);
  return withoutExtensions(options);
}

/** Options for the browser's passkey prompt. The portal asks for no WebAuthn extensions, so none travel (their binary fields do not survive a loader's JSON). */
export type PasskeyOptions<Options> = Omit<Options, "extensions">;

function withoutExtensions<Options extends { extensions?: unknown }>({ extensions: _none, ...options }: Options): PasskeyOptions<Options> {
  return options;
}

type AuthenticatorTransportFuture = NonNullable<RegistrationResponseJSON["response"]["transports"]>[number];

function parsedJson<T>(text: string): T | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" ? (value as T) : null;
  } catch {
    return null;
  }
}

/** Checks the passkey's answer to the challenge this browser was given. */
export async function checkPasskeySignIn(pending: Proving, responseJson: string, actor: Actor, at: Date): Promise<SecondFactorResult> {
  const refused = await networkRefusal(actor, pending.user.email);
  if (refused) return refused;
  const account = await signInAccount(pending.user.id);
  const locked = lockRefusal(account.lockedUntil);
  if (locked) return locked;
  const response = parsedJson<AuthenticationResponseJSON>(responseJson);
  const challenge = await takeChallenge(pending.sessionId);
  const passkey = response && typeof response.id === "string" ? await db.passkey.findFirst({ where: { id: response.id, userId: account.id } }) : null;
  if (!response || !challenge || !passkey) return countFailedSignIn(account, actor, "wrong-passkey", pending.failedAction);
  const { rpID, origin } = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: passkey.id,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: passkey.transports as AuthenticatorTransportFuture[],
    },
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!verification.verified) return countFailedSignIn(account, actor, "wrong-passkey", pending.failedAction);
  await db.passkey.update({ where: { id: passkey.id }, data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: at } });
  await clearFailedSignIns(account.id);
  return { ok: true, method: "passkey" };
}

// ---------------------------------------------------------------- setting up

export interface AuthenticatorSetUp {
  /** The secret to type into the app when the QR code cannot be scanned, in groups of four. */
  secret: string;
  qrCode: string;
}

/**
 * The secret a new authenticator app is to hold: the same one each time the
 * page is opened, until a code from the app confirms it.
 */
export async function authenticatorToSetUp(user: { id: string; email: string }): Promise<AuthenticatorSetUp | null> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (row.totpEnabledAt) return null;
  let secret: string;
  if (row.totpSecret) {
    secret = authenticatorSecrets.open(row.totpSecret);
  } else {
    secret = generateSecret();
    await db.user.update({ where: { id: user.id }, data: { totpSecret: authenticatorSecrets.seal(secret) } });
  }
  const uri = generateURI({ issuer: config().organizationName, label: user.email, secret });
  return { secret: secret.replace(/(.{4})/g, "$1 ").trim(), qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** A code from the new app proves it holds the secret; the app is then a factor. Returns the recovery codes if these are the first. */
export async function confirmAuthenticator(user: { id: string }, code: string, actor: Actor, at: Date): Promise<string[] | null> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (row.totpEnabledAt) throw new AppError("CONFLICT", msg("Your authenticator app is already set up."));
  const step = row.totpSecret ? await matchingStep(row.totpSecret, null, code, at) : null;
  if (step === null) {
    await audit(actor, { action: "auth.second_factor.setup_failed", objectType: "User", objectId: user.id, detail: { method: "authenticator" } });
    throw new AppError("BAD_REQUEST", msg("That code is not the one your app shows now. Check the app's entry for this portal and try the new code."), {
      field: "code",
    });
  }
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: at, totpLastStep: step } });
    await audit(actor, { action: "auth.second_factor.added", objectType: "User", objectId: user.id, detail: { method: "authenticator" } }, tx);
    return recoveryCodesForFirstFactor(tx, user.id);
  });
}

/** What the browser needs to make a passkey for this person (none twice on one authenticator). */
export async function passkeyRegistrationOptions(
  user: { id: string; email: string; name: string },
  sessionId: string,
): Promise<PasskeyOptions<PublicKeyCredentialCreationOptionsJSON>> {
  const existing = await db.passkey.findMany({ where: { userId: user.id }, select: { id: true, transports: true } });
  const { rpID, rpName } = relyingParty();
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: passkey.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await rememberChallenge(sessionId, options.challenge);
  return withoutExtensions(options);
}

/** Keeps the passkey the browser just made, once its answer checks out. Returns the recovery codes if it is the first factor. */
export async function addPasskey(
  user: { id: string },
  sessionId: string,
  input: { response: string; name: string },
  actor: Actor,
  at: Date,
): Promise<string[] | null> {
  const response = parsedJson<RegistrationResponseJSON>(input.response);
  const challenge = await takeChallenge(sessionId);
  const { rpID, origin } = relyingParty();
  const verification =
    response && challenge
      ? await verifyRegistrationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: false,
        }).catch(() => null)
      : null;
  if (!verification?.verified) {
    await audit(actor, { action: "auth.second_factor.setup_failed", objectType: "User", objectId: user.id, detail: { method: "passkey" } });
    throw new AppError("BAD_REQUEST", msg("The passkey could not be checked. Try again, or use an authenticator app."));
  }
  const { credential } = verification.registrationInfo;
  return db.$transaction(async (tx) => {
    if (await tx.passkey.findUnique({ where: { id: credential.id }, select: { id: true } }))
      throw new AppError("CONFLICT", msg("That passkey is already registered."));
    await tx.passkey.create({
      data: {
        id: credential.id,
        userId: user.id,
        name: input.name,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        createdAt: at,
      },
    });
    await audit(actor, { action: "auth.second_factor.added", objectType: "User", objectId: user.id, detail: { method: "passkey", name: input.name } }, tx);
    return recoveryCodesForFirstFactor(tx, user.id);
  });
}

/** Gives these accounts an authenticator app holding `secret`, unless they have a second factor already: the demo's published one. */
export async function setUpAuthenticatorWithSecret(userIds: readonly string[], secret: string, at: Date): Promise<number> {
  const updated = await db.user.updateMany({
    where: { id: { in: [...userIds] }, totpEnabledAt: null, passkeys: { none: {} } },
    data: { totpSecret: authenticatorSecrets.seal(secret), totpEnabledAt: at, totpLastStep: null },
  });
  return updated.count;
}

// ---------------------------------------------------------------- managing

/** New recovery codes, the old ones void. Only for someone with a factor to recover. */
export async function replaceRecoveryCodes(user: { id: string }, actor: Actor): Promise<string[]> {
  if (factorCount(await secondFactorsOf(user.id)) === 0) throw new AppError("CONFLICT", msg("Set up an authenticator app or a passkey first."));
  return db.$transaction(async (tx) => {
    const codes = await issueRecoveryCodes(tx, user.id);
    await audit(actor, { action: "auth.second_factor.recovery_codes_replaced", objectType: "User", objectId: user.id }, tx);
    return codes;
  });
}

/** Removing a factor: staff keep at least one. The last one takes the recovery codes with it. */
async function removeFactor(
  user: { id: string; roles: Role[] },
  actor: Actor,
  remove: (tx: Tx) => Promise<void>,
  detail: Record<string, string>,
): Promise<void> {
  const factors = await secondFactorsOf(user.id);
  if (!mayRemoveFactor(user.roles, factorCount(factors) - 1)) {
    throw new AppError("CONFLICT", "Staff keep a second factor: add another passkey or an authenticator app before removing this one.");
  }
  await db.$transaction(async (tx) => {
    await remove(tx);
    if (factorCount(factors) === 1) await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await audit(actor, { action: "auth.second_factor.removed", objectType: "User", objectId: user.id, detail }, tx);
  });
}

export async function removeAuthenticator(user: { id: string; roles: Role[] }, actor: Actor): Promise<void> {
  if (!(await secondFactorsOf(user.id)).authenticatorApp) throw new AppError("NOT_FOUND", "No authenticator app is set up.");
  await removeFactor(
    user,
    actor,
    async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    },
    { method: "authenticator" },
  );
}

export async function removePasskey(user: { id: string; roles: Role[] }, passkeyId: string, actor: Actor): Promise<void> {
  const passkey = await db.passkey.findFirst({ where: { id: passkeyId, userId: user.id }, select: { id: true, name: true } });
  if (!passkey) throw new AppError("NOT_FOUND", "That passkey is not one of yours.");
  await removeFactor(
    user,
    actor,
    async (tx) => {
      await tx.passkey.delete({ where: { id: passkey.id } });
    },
    { method: "passkey", name: passkey.name },
  );
}
