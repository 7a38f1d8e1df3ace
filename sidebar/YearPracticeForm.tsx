import { useState } from 'preact/hooks';
import type { PracticeInput } from '../src/contract/serverApi';
import { buildPractice, EMPTY_PRACTICE, practiceProblems } from './yearModel';

type Field = keyof PracticeInput;

/** «Добавить практику»: validated here; what was typed stays until the server has added it. */
export function YearPracticeForm(props: {
  competences: string[];
  busy: boolean;
  off: boolean;
  onAdd: (input: PracticeInput) => Promise<boolean>;
}) {
  const [d, setD] = useState<PracticeInput>(EMPTY_PRACTICE);
  const [tried, setTried] = useState(false);
  const problems = tried ? practiceProblems(d) : {};
  const set = (k: Field) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setD((x) => ({ ...x, [k]: value }));
  };

  const submit = (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (props.off || Object.keys(practiceProblems(d)).length) return;
    props.onAdd(buildPractice(d)).then((ok) => {
      if (!ok) return;
      setD(EMPTY_PRACTICE);
      setTried(false);
    });
  };

  const text = (k: Field, label: string, area?: boolean) => (
    <label class="small field">
      {label}
      {area ? (
        <textarea rows={3} value={d[k]} onInput={set(k)} />
      ) : (
        <input type="text" value={d[k]} aria-invalid={!!problems[k]} onInput={set(k)} />
      )}
      {problems[k] && <span class="hint red">{problems[k]}</span>}
    </label>
  );

  return (
    <form class="yform" onSubmit={submit} noValidate>
      <h3>Добавить практику</h3>
      <fieldset disabled={props.busy}>
        {text('title', 'Название практики')}
        {text('author', 'Автор')}
        <label class="small field">
          Компетенция
          <select value={d.competence} onChange={set('competence')}>
            <option value="">— не указана —</option>
            {props.competences.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {text('description', 'Описание', true)}
        {text('materials', 'Ссылка на материалы (необязательно)')}
      </fieldset>
      <button type="submit" class="btn btn-primary" disabled={props.off}>
        {props.busy ? 'Добавляем…' : 'Добавить практику'}
      </button>
    </form>
  );
}
