/**
 * Small line icons that go beside words, never instead of them (the words
 * carry the meaning; the icon lets a status be told apart without its colour).
 * Hidden from screen readers.
 */
const PATHS = {
  /** Done, met, in the patient's favour. */
  check: "M4 8.5l2.5 2.5L12 5.5",
  /** Refused, missed, against. */
  cross: "M5 5l6 6M11 5l-6 6",
  /** Partly. */
  half: "M8 2.5a5.5 5.5 0 0 1 0 11z",
  /** Waiting on time. */
  clock: "M8 4.5V8l2.5 1.5",
  /** Needs attention. */
  alert: "M8 4.5v4.5M8 11.2v.3",
  /** Moving along. */
  progress: "M5 8h6M8.5 5.5L11 8l-2.5 2.5",
  /** Ended, neither way. */
  dash: "M5 8h6",
  /** Not started. */
  dot: "M8 8h.01",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d={PATHS[name]}
        fill={name === "half" ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
