/**
 * The demo's people as the server's operations take them: a signed-in user
 * and the actor its audit rows and timeline events name ("demo data" as the
 * browser, no address).
 */
import type { Role } from "~/domain/roles";
import type { Db } from "~/server/db.server";
import type { Actor } from "~/server/request-context.server";
import type { SessionUser } from "~/server/session.server";

export interface DemoPerson {
  user: SessionUser;
  actor: Actor;
}

export type People = (email: string) => Promise<DemoPerson>;

/** Looks people up by email once each. */
export function demoPeople(db: Db): People {
  const known = new Map<string, Promise<DemoPerson>>();
  const load = async (email: string): Promise<DemoPerson> => {
    const row = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, roles: true, planId: true, language: true } });
    return {
      user: { id: row.id, sessionId: "demo-data", email: row.email, name: row.name, roles: row.roles as Role[], planId: row.planId, language: row.language },
      actor: { userId: row.id, email: row.email, ip: null, userAgent: "demo data" },
    };
  };
  return (email) => {
    let person = known.get(email);
    if (!person) {
      person = load(email);
      known.set(email, person);
    }
    return person;
  };
}
