import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DocumentList } from "~/components/document-uploader";
import type { DocumentSummary } from "~/domain/documents/document-summary";

/** A request for information as a case page shows it (worked out on the server). */
export interface InformationRequestItem {
  id: string;
  question: string;
  answered: boolean;
  overdue: boolean;
  dueText: string;
  answer: string | null;
  documents?: readonly DocumentSummary[];
}

/**
 * The requests for information on a case, one card each: the question,
 * whether it is answered or overdue, the answer and what came with it.
 * `waiting` names who is to answer; `answerLabel` heads the answer where the
 * page needs one; `actions` adds what the viewer can do about a request.
 */
export function InformationRequests<Item extends InformationRequestItem>(props: {
  items: readonly Item[];
  heading: (item: Item, index: number) => ReactNode;
  waiting: string;
  answerLabel?: string;
  actions?: (item: Item, index: number) => ReactNode;
}) {
  const { items, heading, waiting, answerLabel, actions } = props;
  const { t } = useTranslation();
  return (
    <ol className="card-list">
      {items.map((item, index) => (
        <li key={item.id} className="card">
          <h3>{heading(item, index)}</h3>
          <p className="multiline">{item.question}</p>
          <p>
            {item.answered ? (
              <span className="badge badge--ok">{t("Answered")}</span>
            ) : item.overdue ? (
              <span className="badge badge--danger">{t("Overdue")}</span>
            ) : (
              <span className="badge badge--warn">{waiting}</span>
            )}{" "}
            {item.dueText}
          </p>
          {item.answer ? (
            <>
              {answerLabel ? <p className="answer-label">{answerLabel}</p> : null}
              <p className="multiline">{item.answer}</p>
            </>
          ) : null}
          {item.documents?.length ? (
            <DocumentList documents={item.documents} caption={t("Documents sent with request {number}", { number: index + 1 })} />
          ) : null}
          {actions?.(item, index)}
        </li>
      ))}
    </ol>
  );
}
