/** «Что войдёт в документ»: template problems, warnings, fields, the table and the documents to create. */
import { useState } from 'preact/hooks';
import type { DocumentPreview } from '../src/contract/serverApi';
import { plural } from '../src/domain/russianPlural';
import { existingLabel } from './documentsModel';
import { MoreButton } from './ui';

/** Lists longer than this are cut, with «Показать ещё». */
const PAGE = 50;

export function DocumentsPreview(props: { preview: DocumentPreview }) {
  const p = props.preview;
  const fields = p.fields ?? [];
  const header = p.table?.header ?? [];
  const rows = p.table?.rows ?? [];
  const documents = p.documents ?? [];
  const warnings = p.warnings ?? [];
  const problems = p.problems ?? [];
  const [limit, setLimit] = useState(PAGE);
  return (
    <section class="doc-preview" aria-labelledby="h-doc-preview">
      <h2 id="h-doc-preview">Что войдёт в документ</h2>
      {p.title && <p class="doc-title">{p.title}</p>}

      {problems.length > 0 && (
        <div class="banner banner-error" role="alert">
          <p>
            <strong>Ошибки в шаблоне — документы не будут созданы, пока их не исправить:</strong>
          </p>
          <ul class="plain doc-msgs">
            {problems.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}

      {warnings.length > 0 && (
        <div class="banner banner-warn" role="status">
          <ul class="plain doc-msgs">
            {warnings.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}

      {fields.length > 0 && (
        <dl class="doc-fields">
          {fields.map((f, i) => (
            <div class="doc-field" key={i}>
              <dt>{f.label}</dt>
              <dd>{f.value === '' ? '—' : f.value}</dd>
            </div>
          ))}
        </dl>
      )}

      {p.nameNote && <p class="muted doc-name-note">{p.nameNote}</p>}

      {(header.length > 0 || rows.length > 0) && (
        <div class="table-wrap doc-table-wrap" tabIndex={0} aria-label="Таблица документа">
          <table class="doc-table">
            {header.length > 0 && (
              <thead>
                <tr>
                  {header.map((h, i) => (
                    <th scope="col" key={i}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {rows.map((r, ri) => (
                <tr key={ri}>
                  {(r ?? []).map((c, ci) => (
                    <td key={ci}>{c}</td>
                  ))}
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td class="muted" colSpan={Math.max(1, header.length)}>
                    Строк нет.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}

      <h3>
        Будет {documents.length === 1 ? 'создан' : 'создано'} <span class="count">{documents.length}</span>{' '}
        {plural(documents.length, 'документ', 'документа', 'документов')}
      </h3>
      {documents.length > 0 && (
        <ul class="plain doc-list">
          {documents.slice(0, limit).map((d) => (
            <li key={d.key}>
              <span class="doc-list-title">{d.title}</span>
              <span
                class={
                  d.existing === 'подписан' ? 'chip chip-ok' : d.existing === 'черновик' ? 'chip' : 'chip chip-new'
                }
              >
                {existingLabel(d.existing)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {documents.length > limit && (
        <MoreButton shown={limit} total={documents.length} onClick={() => setLimit(limit + PAGE)} />
      )}
    </section>
  );
}
