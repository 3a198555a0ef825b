import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";

/**
 * A letter (a component of app/letters/* whose root is react-pdf's
 * <Document>) as PDF bytes. Letters and notices are a few pages, so the
 * whole file is held in memory and stored in one piece.
 */
export async function renderPdf(letter: ReactElement): Promise<Buffer> {
  // react-pdf types its input as the <Document> element itself; a letter component renders one.
  return renderToBuffer(letter as ReactElement<DocumentProps>);
}
