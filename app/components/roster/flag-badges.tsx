import type { RosterFlag } from "~/domain/roster";

/** A reviewer's flags as words, each in a badge (the colour only repeats what the words say). */
export function FlagBadges({ flags }: { flags: readonly RosterFlag[] }) {
  if (flags.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="badge-list">
      {flags.map((flag) => (
        <li key={flag.text}>
          <span className={flag.urgent ? "badge badge--danger" : "badge badge--warn"}>{flag.text}</span>
        </li>
      ))}
    </ul>
  );
}
