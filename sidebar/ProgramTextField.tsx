type Input = { currentTarget: { value: string } };

/** A labelled text input (or textarea with `area` rows). */
export function ProgramTextField(p: {
  label: string;
  value: string;
  set: (v: string) => void;
  area?: number;
  ro?: boolean;
  bad?: boolean;
  list?: string;
}) {
  const on = (e: Input) => p.set(e.currentTarget.value);
  return (
    <label class="small field">
      {p.label}
      {p.area ? (
        <textarea rows={p.area} value={p.value} onInput={on} />
      ) : (
        <input type="text" list={p.list} value={p.value} readOnly={p.ro} aria-invalid={p.bad} onInput={on} />
      )}
    </label>
  );
}
