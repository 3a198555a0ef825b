import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#prisma/seed/demo-accounts";
import { PASSWORD } from "#tests/support/factories";
import { passwordProblem } from "~/server/auth/password-strength.server";

const person = { email: "jane.doe@example.com", name: "Jane Doe" };

describe("a new password", () => {
  it("is refused when the whole of it is on the bundled list of common and breached passwords", async () => {
    for (const listed of ["password1234", "mailcreated5240", "sojdlg123aljg", "1qaz2wsx3edc", "LeaveMeAlone"]) {
      expect(await passwordProblem(listed, person), listed).toBe("breached");
    }
  });

  it("is refused when it is too easy to guess: a repeat, a common word and digits, a keyboard row, the alphabet", async () => {
    for (const guessable of ["aaaaaaaaaaaa", "Password12345", "qwertyuiop1357", "abcdefghijkl", "iloveyou2020"]) {
      expect(await passwordProblem(guessable, person), guessable).toBe("guessable");
    }
  });

  it("is refused when it is built from the person's name or email address", async () => {
    for (const personal of ["Jane Doe rocks the house", "my-jane.doe-passphrase", "JaneDoe family 1990!"]) {
      expect(await passwordProblem(personal, person), personal).toBe("personal");
    }
  });

  it("is accepted when it is long and unlikely, including the demo and test passwords", async () => {
    for (const fine of [DEMO_PASSWORD, PASSWORD, "a brand new passphrase 42", "violet kettle under nine bridges"]) {
      expect(await passwordProblem(fine, person), fine).toBeNull();
    }
  });
});
