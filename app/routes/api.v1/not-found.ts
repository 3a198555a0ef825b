import { problem } from "~/server/api/problem.server";

function notFound(request: Request) {
  return problem(404, "Not found", `There is no API resource at ${new URL(request.url).pathname}.`);
}

export const loader = ({ request }: { request: Request }) => notFound(request);
export const action = ({ request }: { request: Request }) => notFound(request);
