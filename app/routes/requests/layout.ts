import { areaGuard } from "~/server/role-areas.server";

export const middleware = [areaGuard("requests")];
