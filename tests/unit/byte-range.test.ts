import { describe, expect, it } from "vitest";
import { contentRange, rangeIn, rangeRequested } from "~/domain/documents/byte-range";

describe("the Range a request asks for", () => {
  it("reads one span: first-last, first- and the last N bytes", () => {
    expect(rangeRequested("bytes=0-99")).toEqual({ first: 0, last: 99 });
    expect(rangeRequested("bytes=500-")).toEqual({ first: 500, last: null });
    expect(rangeRequested("bytes=-200")).toEqual({ suffix: 200 });
    expect(rangeRequested("bytes= 10 - 20")).toEqual({ first: 10, last: 20 });
  });

  it("asks for the whole document when there is no Range, several spans, another unit, or first after last", () => {
    for (const header of [null, "", "bytes=0-1,5-9", "items=0-1", "bytes=9-1", "bytes=-", "bytes=a-b"]) expect(rangeRequested(header)).toBeNull();
  });

  it("names the bytes in a document of a given size, stopping at its end, and none past it", () => {
    expect(rangeIn({ first: 0, last: 99 }, 1000)).toEqual({ first: 0, last: 99, size: 1000 });
    expect(rangeIn({ first: 900, last: 5000 }, 1000)).toEqual({ first: 900, last: 999, size: 1000 });
    expect(rangeIn({ first: 900, last: null }, 1000)).toEqual({ first: 900, last: 999, size: 1000 });
    expect(rangeIn({ suffix: 200 }, 1000)).toEqual({ first: 800, last: 999, size: 1000 });
    expect(rangeIn({ suffix: 5000 }, 1000)).toEqual({ first: 0, last: 999, size: 1000 });
    expect(rangeIn({ first: 1000, last: null }, 1000)).toBeNull();
    expect(rangeIn({ suffix: 0 }, 1000)).toBeNull();
  });

  it("says which bytes an answer holds, or only the size when it holds none", () => {
    expect(contentRange({ first: 900, last: 999, size: 1000 })).toBe("bytes 900-999/1000");
    expect(contentRange({ size: 1000 })).toBe("bytes */1000");
  });
});
