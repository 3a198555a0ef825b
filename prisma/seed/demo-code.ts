/**
 * `npm run demo:code`: the code the demo staff accounts' authenticator app
 * shows now (README, "Demo logins"), for the second step of signing in.
 */
import { generate } from "otplib";
import { DEMO_AUTHENTICATOR_SECRET } from "./demo-accounts";

const PERIOD_SECONDS = 30;
const now = Math.floor(Date.now() / 1000);
const code = await generate({ secret: DEMO_AUTHENTICATOR_SECRET, epoch: now });
console.log(`${code}  (the demo accounts' code for the next ${PERIOD_SECONDS - (now % PERIOD_SECONDS)} s; each code signs an account in once)`);
