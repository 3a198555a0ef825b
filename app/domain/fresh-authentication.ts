/**
 * Sensitive actions (issuing a decision, creating an API key, changing an
 * account's roles) want the person to have given their password recently,
 * so a browser left signed in cannot be used for them by someone else.
 */
export const FRESH_AUTHENTICATION_MS = 10 * 60_000;

/** Whether a session whose person last gave their password at `authenticatedAt` may take a sensitive action at `at`. */
export function isFreshlyAuthenticated(authenticatedAt: Date, at: Date): boolean {
  return at.getTime() - authenticatedAt.getTime() <= FRESH_AUTHENTICATION_MS;
}
