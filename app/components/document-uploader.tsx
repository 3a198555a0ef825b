import type { TFunction } from "i18next";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useRevalidator } from "react-router";
import { DocumentTable } from "~/components/document-table";
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import type { DocumentSummary, UploadAllowance } from "~/domain/documents/document-summary";
import { ACCEPTED_TYPES_TEXT, FILE_INPUT_ACCEPT, SNIFF_LIMIT_BYTES, sniffFileType } from "~/domain/documents/file-types";
import { allowanceText, formatFileSize, sizeRefusal, UNSUPPORTED_TYPE } from "~/domain/documents/limits";
import { leaveStoppedMessage, type LeavingPlace, type PendingUpload } from "~/domain/documents/pending-uploads";
import { usePendingUploads } from "./pending-uploads";
import { DOCUMENT_DESCRIPTION_MAX, FORM_FILE_FIELDS, uploadUrl } from "~/schemas/upload-query";
import { translateMessage } from "~/i18n/i18n";

export type { DocumentKind } from "~/domain/documents/document-kinds";

type Stage = "ready" | "uploading" | "failed";

interface PickedFile {
  key: string;
  file: File;
  kind: DocumentKind | "";
  stage: Stage;
  /** 0 to 100 while uploading. */
  progress: number;
  /** The browser's pre-check refused it, saying why in the page's language: sending it would be refused too. */
  blocked?: string;
  /** Upload was pressed before the kind was chosen. */
  kindMissing: boolean;
  /** The uploader's note on what the file holds (when the uploader asks for one). */
  description: string;
  /** Why the server refused it, or the connection failed. */
  refusal?: string;
  /** Said after a cancel, so the person knows nothing was kept. */
  note?: string;
}

interface Problem {
  title?: string;
  detail?: string;
}

let nextKey = 0;

/** A document kind's label in the page's language. */
const kindLabel = (t: TFunction, kind: DocumentKind) => translateMessage(t, DOCUMENT_KIND_TEXT[kind].label);

/**
 * Adds files to a case: pick them or drop them, say what each one is, then
 * send. Each file goes as the raw body of its own request (POST /documents),
 * so it shows its own progress and can be cancelled. The browser checks size
 * and type first with the server's own rules, but the server decides and its
 * reason is shown next to the file.
 */
export function DocumentUploader(props: {
  caseId: string;
  kinds: readonly DocumentKind[];
  defaultKind?: DocumentKind;
  informationRequestId?: string;
  /** The plan case file checklist item the files answer. */
  caseFileItem?: string;
  /** Ask for a note on each file, e.g. the plan's annotated list of what it sent. */
  describe?: { label: string; hint: string };
  label?: string;
  /** What the person would leave with a file not uploaded, in the message that stops them. */
  leaving?: LeavingPlace;
  /**
   * Without JavaScript, a file input and a kind in this form (by id), sent
   * with its buttons and added by its action; `error` is why it was not.
   */
  formFallback?: { form: string; error?: string };
}) {
  const { t } = useTranslation();
  const { caseId, kinds, defaultKind, informationRequestId, caseFileItem, describe, label = t("Add documents"), leaving = "page", formFallback } = props;
  const revalidator = useRevalidator();
  const inputRef = useRef<HTMLInputElement>(null);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [allowance, setAllowance] = useState<UploadAllowance | null>(null);
  const [closedReason, setClosedReason] = useState<string | null>(null);
  const [scripted, setScripted] = useState(false);
  const hintId = useId();
  const uploaderId = useId();
  const stoppedRef = useRef<HTMLParagraphElement>(null);
  const initialKind: DocumentKind | "" = defaultKind ?? (kinds.length === 1 ? kinds[0]! : "");

  const loadAllowance = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const query = new URLSearchParams(informationRequestId ? { caseId, informationRequestId } : { caseId });
        const response = await fetch(`/documents?${query.toString()}`, { signal, headers: { Accept: "application/json" } });
        if (response.ok) {
          setAllowance((await response.json()) as UploadAllowance);
          setClosedReason(null);
        } else if (response.status === 409) {
          const detail = ((await response.json()) as Problem).detail;
          setClosedReason(detail ? translateMessage(t, detail) : t("Documents can no longer be added to this case."));
        }
      } catch {
        // Only the pre-checks need it; the server checks every upload anyway.
      }
    },
    [caseId, informationRequestId, t],
  );

  useEffect(() => {
    const controller = new AbortController();
    void loadAllowance(controller.signal);
    return () => controller.abort();
  }, [loadAllowance]);

  useEffect(() => setScripted(true), []);

  useEffect(() => {
    const open = requests.current;
    return () => {
      for (const request of open.values()) request.abort();
    };
  }, []);

  const update = (key: string, change: Partial<PickedFile>) => setFiles((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const forget = (key: string) => setFiles((current) => current.filter((item) => item.key !== key));

  const add = async (picked: FileList | null) => {
    if (!picked?.length) return;
    const added = await Promise.all(
      Array.from(picked).map(async (file): Promise<PickedFile> => {
        nextKey += 1;
        return {
          key: `file-${nextKey}`,
          file,
          kind: initialKind,
          stage: "ready",
          progress: 0,
          kindMissing: false,
          description: "",
          blocked: await preCheck(t, file, allowance),
        };
      }),
    );
    setFiles((current) => [...current, ...added]);
    if (inputRef.current) inputRef.current.value = "";
  };

  const send = (item: PickedFile) => {
    if (!item.kind) {
      update(item.key, { kindMissing: true });
      return;
    }
    const request = new XMLHttpRequest();
    requests.current.set(item.key, request);
    request.open("POST", uploadUrl({ caseId, kind: item.kind, name: item.file.name, informationRequestId, caseFileItem, description: item.description }));
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) update(item.key, { progress: Math.round((event.loaded / event.total) * 100) });
    };
    request.onload = () => {
      requests.current.delete(item.key);
      if (request.status === 201) {
        forget(item.key);
        setAnnouncement(t('"{name}" was added.', { name: item.file.name }));
        void revalidator.revalidate();
        void loadAllowance();
        return;
      }
      const problem = request.response as Problem | null;
      update(item.key, {
        stage: "failed",
        refusal: translateProblem(t, problem) ?? t("The file could not be added (error {status}). Try again.", { status: request.status }),
      });
    };
    request.onerror = () => {
      requests.current.delete(item.key);
      update(item.key, { stage: "failed", refusal: t("The connection was lost before the whole file arrived. Check your connection and try again.") });
    };
    request.onabort = () => {
      requests.current.delete(item.key);
      update(item.key, { stage: "ready", progress: 0, note: t("Upload cancelled: nothing was kept.") });
    };
    update(item.key, { stage: "uploading", progress: 0, refusal: undefined, note: undefined });
    request.send(item.file);
  };

  const sendable = files.filter((item) => item.stage !== "uploading" && !item.blocked);
  // A file the server would take but does not have yet; one refused by the pre-check is already explained by it.
  const pending = useMemo<PendingUpload[]>(
    () => files.filter((item) => !item.blocked).map((item) => ({ name: item.file.name, uploading: item.stage === "uploading" })),
    [files],
  );
  const leaveStopped = usePendingUploads(uploaderId, pending);
  const stoppedMessage = leaveStopped === null ? null : leaveStoppedMessage(t, pending, leaving);
  useEffect(() => {
    if (leaveStopped === null) return;
    stoppedRef.current?.scrollIntoView({ block: "center" });
    stoppedRef.current?.focus();
  }, [leaveStopped]);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void add(event.dataTransfer.files);
  };

  if (closedReason) {
    return (
      <div className="alert" role="status">
        {closedReason}
      </div>
    );
  }

  return (
    <fieldset className="field uploader">
      <legend>{label}</legend>
      <p className="hint" id={hintId}>
        {translateMessage(t, ACCEPTED_TYPES_TEXT)}. {allowance ? allowanceText(t, allowance.limits, allowance.usedBytes) : null}
      </p>
      {formFallback && !scripted ? (
        <FormFileFields form={formFallback.form} kinds={kinds} initialKind={initialKind} hintId={hintId} error={formFallback.error} />
      ) : (
        <div
          className={dragging ? "empty-state drop-zone drop-zone--active" : "empty-state drop-zone"}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p className="flush-top">{t("Drag files here, or")}</p>
          <button type="button" className="button button--secondary" aria-describedby={hintId} onClick={() => inputRef.current?.click()}>
            {t("Choose files")}
          </button>
          <input ref={inputRef} type="file" multiple hidden accept={FILE_INPUT_ACCEPT} onChange={(event) => void add(event.currentTarget.files)} />
        </div>
      )}

      {files.length ? (
        <ul className="picked-files">
          {files.map((item) => (
            <PickedFileRow
              key={item.key}
              item={item}
              kinds={kinds}
              describe={describe}
              onKind={(kind) => update(item.key, { kind, kindMissing: false })}
              onDescription={(description) => update(item.key, { description })}
              onSend={() => send(item)}
              onCancel={() => requests.current.get(item.key)?.abort()}
              onForget={() => forget(item.key)}
            />
          ))}
        </ul>
      ) : null}

      {stoppedMessage ? (
        <p ref={stoppedRef} className="field-error" role="alert" tabIndex={-1}>
          {stoppedMessage}
        </p>
      ) : null}

      {sendable.length > 1 ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => sendable.forEach(send)}>
            {t("Upload all {count} files", { count: sendable.length })}
          </button>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
    </fieldset>
  );
}

function PickedFileRow(props: {
  item: PickedFile;
  kinds: readonly DocumentKind[];
  describe?: { label: string; hint: string };
  onKind: (kind: DocumentKind | "") => void;
  onDescription: (description: string) => void;
  onSend: () => void;
  onCancel: () => void;
  onForget: () => void;
}) {
  const { t } = useTranslation();
  const { item, kinds, describe } = props;
  const selectId = useId();
  const descriptionId = useId();
  const reasonId = useId();
  const uploading = item.stage === "uploading";
  const reason = item.blocked ?? (item.kindMissing ? t("Choose what this document is first.") : item.refusal);
  return (
    <li className="card">
      <p className="picked-file__name">
        {item.file.name} <span className="muted">({formatFileSize(item.file.size)})</span>
      </p>
      {item.blocked ? null : (
        <div className="field space-below-sm">
          <label htmlFor={selectId}>{t("What is this document?")}</label>
          <select
            id={selectId}
            value={item.kind}
            disabled={uploading}
            aria-describedby={reason ? reasonId : undefined}
            onChange={(event) => props.onKind(event.currentTarget.value as DocumentKind | "")}
          >
            {item.kind === "" ? <option value="">{t("Choose…")}</option> : null}
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(t, kind)}
              </option>
            ))}
          </select>
          {item.kind ? <p className="hint hint--below">{translateMessage(t, DOCUMENT_KIND_TEXT[item.kind].help)}</p> : null}
        </div>
      )}
      {describe && !item.blocked ? (
        <div className="field space-below-sm">
          <label htmlFor={descriptionId}>{describe.label}</label>
          <p className="hint" id={`${descriptionId}-hint`}>
            {describe.hint}
          </p>
          <textarea
            id={descriptionId}
            rows={2}
            maxLength={DOCUMENT_DESCRIPTION_MAX}
            value={item.description}
            disabled={uploading}
            aria-describedby={`${descriptionId}-hint`}
            onChange={(event) => props.onDescription(event.currentTarget.value)}
          />
        </div>
      ) : null}
      {uploading ? (
        <p className="upload-progress">
          <progress max={100} value={item.progress} aria-label={t("Upload progress of {name}", { name: item.file.name })} />
          <span aria-hidden="true">{item.progress}%</span>
        </p>
      ) : null}
      {reason ? (
        <p className="field-error" id={reasonId} role="alert">
          {reason}
        </p>
      ) : null}
      {item.note ? <p className="muted">{item.note}</p> : null}
      <div className="actions space-above-sm">
        {uploading ? (
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            {t("Cancel")}
            <span className="visually-hidden"> {t("uploading {name}", { name: item.file.name })}</span>
          </button>
        ) : (
          <>
            {item.blocked ? null : (
              <button type="button" className="button" onClick={props.onSend}>
                {item.stage === "failed" ? t("Try again") : t("Upload")}
                <span className="visually-hidden"> {item.file.name}</span>
              </button>
            )}
            <button type="button" className="button button--secondary" onClick={props.onForget}>
              {t("Remove from list")}
              <span className="visually-hidden"> {item.file.name}</span>
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** The uploader without JavaScript: a file input and its kind, sent with the page's form and added by its action. */
function FormFileFields(props: { form: string; kinds: readonly DocumentKind[]; initialKind: DocumentKind | ""; hintId: string; error?: string }) {
  const { t } = useTranslation();
  const { form, kinds, initialKind, hintId, error } = props;
  const fileId = useId();
  const kindId = useId();
  const errorId = useId();
  return (
    <div className="card">
      <div className="field space-below-sm">
        <label htmlFor={fileId}>{t("Choose a file")}</label>
        <input
          id={fileId}
          type="file"
          name={FORM_FILE_FIELDS.file}
          form={form}
          accept={FILE_INPUT_ACCEPT}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <p className="field-error" id={errorId} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="field flush-bottom">
        <label htmlFor={kindId}>{t("What is this document?")}</label>
        <select id={kindId} name={FORM_FILE_FIELDS.kind} form={form} defaultValue={initialKind}>
          {initialKind === "" ? <option value="">{t("Choose…")}</option> : null}
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(t, kind)}
            </option>
          ))}
        </select>
      </div>
      <p className="hint hint--below flush-bottom">{t("The file is added when you press a button below.")}</p>
    </div>
  );
}

/** The server's words for a refusal, in the page's language when the catalog has them. */
function translateProblem(t: TFunction, problem: Problem | null): string | undefined {
  const text = problem?.detail ?? problem?.title;
  return text === undefined ? undefined : translateMessage(t, text);
}

/** The server's own size and content rules, run on the picked file before sending it: why it would be refused, in the page's language. */
async function preCheck(t: TFunction, file: File, allowance: UploadAllowance | null): Promise<string | undefined> {
  if (allowance) {
    const refusal = sizeRefusal(file.size, allowance.limits, allowance.allowance);
    if (refusal) return translateMessage(t, refusal.detail, refusal.values);
  }
  const head = new Uint8Array(await file.slice(0, SNIFF_LIMIT_BYTES).arrayBuffer());
  const sniff = sniffFileType(head, file.size <= SNIFF_LIMIT_BYTES);
  return sniff.verdict === "type" ? undefined : translateMessage(t, UNSUPPORTED_TYPE.detail);
}

/** The documents on a case as a table, with a download link for each and Remove for the person's own on a draft. */
export function DocumentList(props: {
  documents: readonly DocumentSummary[];
  caption?: string;
  /** Where a document is read in the record viewer, on pages that have one (the coordinator's case page). */
  readLink?: (documentId: string) => string;
}) {
  const { t } = useTranslation();
  const { documents, caption = t("Documents"), readLink } = props;
  const revalidator = useRevalidator();
  const [removing, setRemoving] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; reason: string } | null>(null);

  const remove = async (document: DocumentSummary) => {
    setRemoving(document.id);
    setFailure(null);
    try {
      const response = await fetch(`/documents/${document.id}`, { method: "DELETE" });
      if (response.ok) {
        await revalidator.revalidate();
      } else {
        const problem = (await response.json().catch(() => null)) as Problem | null;
        setFailure({
          id: document.id,
          reason: translateProblem(t, problem) ?? t("The document could not be removed (error {status}).", { status: response.status }),
        });
      }
    } catch {
      setFailure({ id: document.id, reason: t("The connection was lost. Check your connection and try again.") });
    } finally {
      setRemoving(null);
    }
  };

  if (!documents.length) return <p className="muted">{t("No documents yet.")}</p>;
  return (
    <DocumentTable
      caption={caption}
      documents={documents}
      added={(document) => document.createdAt}
      actions={(document) => (
        <>
          <div className="actions flush-top">
            {readLink ? (
              <Link to={readLink(document.id)}>
                {t("Read here")}
                <span className="visually-hidden"> {document.fileName}</span>
              </Link>
            ) : null}
            <a href={`/documents/${document.id}`}>
              {t("Download")}
              <span className="visually-hidden"> {document.fileName}</span>
            </a>
            {document.removable ? (
              <button type="button" className="link-button" disabled={removing === document.id} onClick={() => void remove(document)}>
                {t("Remove")}
                <span className="visually-hidden"> {document.fileName}</span>
              </button>
            ) : null}
          </div>
          {failure?.id === document.id ? (
            <p className="field-error" role="alert">
              {failure.reason}
            </p>
          ) : null}
        </>
      )}
    />
  );
}
