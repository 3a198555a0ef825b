import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "~/server/database-errors.server";

describe("isDatabaseUnreachable", () => {
  it.each([
    ["PostgreSQL shutting down", Object.assign(new Error("the database system is shutting down"), { code: "57P03" })],
    ["an administrator's termination", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a connection exception", Object.assign(new Error("connection failure"), { code: "08006" })],
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a cut connection", new Error("Connection terminated unexpectedly")],
    ["a pool that could not connect in time", new Error("timeout exceeded when trying to connect")],
    ["Prisma's words", new Error("Invalid `prisma.user.findMany()` invocation:\n\nCan't reach database server at 127.0.0.1:5432")],
    ["a serialized error", { message: "the database system is starting up", code: "57P03" }],
  ])("is true for %s", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" })],
    ["a syntax error", Object.assign(new Error('syntax error at or near "SELEC"'), { code: "42601" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["a string", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("is false for %s", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
