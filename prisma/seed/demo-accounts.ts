/** The password of every demo login (README, "Demo logins"). */
export const DEMO_PASSWORD = "Demo-password-2026";

/** When the demo's plans and accounts were opened: 90 days before seeding, before the first demo request. */
export const openedAt = (now: Date) => new Date(now.getTime() - 90 * 86_400_000);

/**
 * The authenticator app secret of every demo staff account, published in the
 * README so anyone can sign in: `npm run demo:code` prints the current code.
 * Never use it outside a demo.
 */
export const DEMO_AUTHENTICATOR_SECRET = "IMRDEMOAUTHENTICATORSECRETFORALL";
