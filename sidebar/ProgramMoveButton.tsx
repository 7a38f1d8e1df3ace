/** A small button of an activity card (↑, ↓, «Удалить»); its label and title say what it does or why it is off. */
export function ProgramMoveButton(p: {
  children: string;
  on: () => void;
  off?: boolean;
  label?: string;
  title?: string;
}) {
  return (
    <button
      type="button"
      class="btn btn-toggle btn-small"
      aria-label={p.label}
      title={p.title || p.label}
      disabled={p.off}
      onClick={p.on}
    >
      {p.children}
    </button>
  );
}
