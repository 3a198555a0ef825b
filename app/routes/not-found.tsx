import { notFound } from "~/server/errors.server";

export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
