import { describe, expect, it } from "vitest";
import { auditRowHash, auditRowPayload, chainVerdict, describeVerdict, GENESIS_HASH, startWalk, walkChain, type ChainedAuditRow } from "~/domain/audit-chain";

const AT = new Date("2026-03-14T15:09:26.535Z");

function chain(count: number): ChainedAuditRow[] {
  const rows: ChainedAuditRow[] = [];
  let previous = GENESIS_HASH;
  for (let index = 1; index <= count; index += 1) {
    const fields = {
      id: BigInt(index * 2),
      at: new Date(AT.getTime() + index * 1000),
      actorId: "0b7c1b4e-3f5a-4c55-9d0e-2f3f6d1f9a01",
      actorEmail: "coordinator@imr.example",
      action: "case.viewed",
      objectType: "Case",
      objectId: `case-${index}`,
      ip: "127.0.0.1",
      userAgent: null,
      detailText: `{"index": ${index}}`,
    };
    const hash = auditRowHash(previous, fields);
    rows.push({ ...fields, prevHash: previous, hash });
    previous = hash;
  }
  return rows;
}

const headOf = (rows: ChainedAuditRow[]) => ({ lastId: rows.at(-1)?.id ?? 0n, hash: rows.at(-1)?.hash ?? GENESIS_HASH });

describe("the audit chain", () => {
  it("serializes each field with its byte length, so no two rows read alike", () => {
    const row = chain(1)[0]!;
    expect(auditRowPayload(GENESIS_HASH, { ...row, actorEmail: "a;", action: "b" })).not.toBe(
      auditRowPayload(GENESIS_HASH, { ...row, actorEmail: "a", action: ";b" }),
    );
    expect(auditRowPayload(GENESIS_HASH, { ...row, objectType: null })).not.toBe(auditRowPayload(GENESIS_HASH, { ...row, objectType: "" }));
    expect(auditRowPayload(GENESIS_HASH, { ...row, userAgent: "é" })).toContain(";2:é;");
  });

  it("is intact over rows that each name the one before, and the head names the last", () => {
    const rows = chain(5);
    const verdict = chainVerdict(walkChain(startWalk(), rows), headOf(rows));
    expect(verdict).toEqual({ intact: true, rows: 5, headHash: rows[4]!.hash });
    expect(describeVerdict(verdict)).toBe(`chain intact: 5 rows (head ${rows[4]!.hash})`);
  });

  it("is intact when empty: the head is the genesis", () => {
    expect(chainVerdict(walkChain(startWalk(), []), headOf([]))).toEqual({ intact: true, rows: 0, headHash: GENESIS_HASH });
  });

  it("walks batch after batch as it would in one go", () => {
    const rows = chain(7);
    const inBatches = walkChain(walkChain(walkChain(startWalk(), rows.slice(0, 3)), rows.slice(3, 6)), rows.slice(6));
    expect(inBatches).toEqual(walkChain(startWalk(), rows));
  });

  it("reports a changed row by its id and time", () => {
    const rows = chain(4);
    rows[2] = { ...rows[2]!, detailText: `{"index": 99}` };
    const verdict = chainVerdict(walkChain(startWalk(), rows), headOf(rows));
    expect(verdict).toEqual({ intact: false, rows: 2, broken: { reason: "row-hash-mismatch", id: 6n, at: rows[2]!.at } });
    expect(describeVerdict(verdict)).toBe(
      `chain broken at row 6 (2026-03-14T15:09:29.535Z): the row was changed after it was written (2 rows before it intact)`,
    );
  });

  it("reports a changed row even when its hash was recomputed, at the row after it", () => {
    const rows = chain(4);
    const changed = { ...rows[1]!, action: "case.closed" };
    rows[1] = { ...changed, hash: auditRowHash(changed.prevHash, changed) };
    expect(walkChain(startWalk(), rows).broken).toEqual({ reason: "previous-hash-mismatch", id: 6n, at: rows[2]!.at });
  });

  it("reports a removed row at the row after it", () => {
    const rows = chain(4);
    const verdict = chainVerdict(walkChain(startWalk(), [rows[0]!, rows[2]!, rows[3]!]), headOf(rows));
    expect(verdict).toMatchObject({ intact: false, rows: 1, broken: { reason: "previous-hash-mismatch", id: 6n } });
  });

  it("reports rows removed from the end by the head, which names a later row", () => {
    const rows = chain(4);
    const verdict = chainVerdict(walkChain(startWalk(), rows.slice(0, 3)), headOf(rows));
    expect(verdict).toEqual({ intact: false, rows: 3, broken: { reason: "head-mismatch", headLastId: 8n, lastId: 6n } });
    expect(describeVerdict(verdict)).toContain("chain broken after row 6: the chain's head names row 8 as the last");
  });
});
