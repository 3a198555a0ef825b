import { expect } from "vitest";
import { AppError } from "~/server/errors.server";

/** The AppError an operation refuses with; fails the test if it succeeds or throws anything else. */
export async function refusal(operation: Promise<unknown>): Promise<AppError> {
  const error = await operation.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
