import { libraryExportCells, libraryExportObject } from "~/domain/publication/library-export";
import { csvCell } from "~/domain/reports/csv";
import { REGULATOR_EXPORT_HEADER } from "~/domain/reports/regulator-export";
import { libraryQueryOf } from "~/schemas/library";
import { libraryAnswerHeaders } from "./library-http.server";
import { exportLibrary } from "./library.server";

const csvLine = (cells: readonly (string | number | null)[]) => `${cells.map(csvCell).join(",")}\r\n`;

/**
 * GET /decisions.csv and /decisions.json: every decision the same search
 * finds (up to LIBRARY_EXPORT_MAX), in the regulators' columns, streamed a
 * batch at a time.
 */
export async function libraryExport(request: Request, format: "csv" | "json"): Promise<Response> {
  const headers = await libraryAnswerHeaders(request, "export");
  const query = libraryQueryOf(new URL(request.url).searchParams);
  const batches = exportLibrary(query);
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? csvLine(REGULATOR_EXPORT_HEADER) : "["));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("]\n"));
        controller.close();
        return;
      }
      const text =
        format === "csv"
          ? next.value.map((row) => csvLine(libraryExportCells(row))).join("")
          : next.value
              .map((row) => {
                const object = `${first ? "\n" : ",\n"}${JSON.stringify(libraryExportObject(row))}`;
                first = false;
                return object;
              })
              .join("");
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  headers.set("Content-Type", format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
  headers.set("Content-Disposition", `attachment; filename="decisions.${format}"`);
  return new Response(body, { headers });
}
