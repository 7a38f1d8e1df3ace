/** «Методическая копилка»: the links for teachers, the practices with their status, and «Добавить практику». */
import type { ComponentChildren } from 'preact';
import type { PracticeInput, YearView } from '../src/contract/serverApi';
import { safeUrl } from './documentsModel';
import { YearPracticeForm } from './YearPracticeForm';
import { practiceBadge } from './yearModel';

export function YearPractices(props: {
  view: YearView;
  busy: string | null;
  onAdd: (input: PracticeInput) => Promise<boolean>;
  message: ComponentChildren;
}) {
  const { view } = props;
  return (
    <section aria-labelledby="h-prac">
      <h2 id="h-prac">
        Методическая копилка <span class="count">{view.practices.length}</span>
      </h2>
      {view.practiceFormUrl && safeUrl(view.practiceFormUrl) && (
        <p class="small">
          <a href={safeUrl(view.practiceFormUrl)!} target="_blank" rel="noopener noreferrer">
            Форма «Предложить практику» для педагогов
          </a>
        </p>
      )}
      {view.materialsFolderUrl && safeUrl(view.materialsFolderUrl) && (
        <p class="small">
          <a href={safeUrl(view.materialsFolderUrl)!} target="_blank" rel="noopener noreferrer">
            Папка материалов на Диске
          </a>
        </p>
      )}
      {view.practices.length === 0 ? (
        <p class="muted">Практик пока нет.</p>
      ) : (
        <ul class="plain ylist">
          {view.practices.map((p) => {
            const b = practiceBadge(p.status);
            const url = safeUrl(p.materials);
            return (
              <li class="item" key={p.id}>
                <div class="item-head">
                  <strong class="item-title">{p.title}</strong>
                  <span class={b.cls}>{b.label}</span>
                </div>
                <div class="muted small">
                  {p.author}
                  {p.competence && ` · ${p.competence}`}
                </div>
                {url && (
                  <a class="small" href={url} target="_blank" rel="noopener noreferrer">
                    Материалы
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <YearPracticeForm
        competences={view.competences ?? []}
        busy={props.busy === 'practice'}
        off={props.busy !== null}
        onAdd={props.onAdd}
      />
      {props.message}
    </section>
  );
}
