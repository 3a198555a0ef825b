import { createRequire } from "node:module";
import path from "node:path";
import type { Worker } from "tesseract.js";

const require = createRequire(import.meta.url);

/**
 * Tesseract's English trained data, from node_modules: OCR never fetches
 * anything. (npm has no Spanish trained data package, so OCR reads English
 * only; a Spanish page's text still comes through where letters are Latin.)
 */
const LANG_PATH = path.join(path.dirname(require.resolve("@tesseract.js-data/eng/package.json")), "4.0.0_best_int");
const WORKER_PATH = path.join(path.dirname(require.resolve("tesseract.js/package.json")), "src/worker-script/node/index.js");

export interface OcrReading {
  text: string;
  /** Tesseract's mean confidence, 0–100. */
  confidence: number;
}

let worker: Promise<Worker> | undefined;

function ocrWorker(): Promise<Worker> {
  // Loaded on first use: the web process, which reads no page, does not load it.
  worker ??= import("tesseract.js")
    .then(({ createWorker, OEM }) =>
      createWorker("eng", OEM.LSTM_ONLY, {
        langPath: LANG_PATH,
        workerPath: WORKER_PATH,
        gzip: true,
        // The trained data is read from node_modules each start, never cached elsewhere on disk.
        cacheMethod: "none",
      }),
    )
    .catch((error: unknown) => {
      worker = undefined;
      throw error;
    });
  return worker;
}

/**
 * Reads the text of one page image (PNG or JPEG bytes). Null when it takes
 * longer than the limit: the OCR worker is stopped then (a page that hangs
 * it must not hold up the next), and the next page starts a fresh one.
 */
export async function recognizePage(image: Buffer, timeoutMs: number): Promise<OcrReading | null> {
  const reading = ocrWorker().then((ready) => ready.recognize(image));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const result = await Promise.race([reading, timeout]);
    if (result === null) {
      reading.catch(() => undefined);
      await stopOcr();
      return null;
    }
    return { text: result.data.text, confidence: result.data.confidence };
  } finally {
    clearTimeout(timer);
  }
}

/** Stops the OCR worker thread, if one runs (the job worker's stop). */
export async function stopOcr(): Promise<void> {
  const running = worker;
  worker = undefined;
  if (running) await (await running.catch(() => undefined))?.terminate();
}
