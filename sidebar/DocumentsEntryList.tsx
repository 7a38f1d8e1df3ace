/** Created documents with their links; in the register also the date, status and kind. */
import { useState } from 'preact/hooks';
import type { DocumentEntry } from '../src/contract/serverApi';
import { statusLabel } from './documentsModel';
import { ExternalLink } from './ExternalLink';
import { formatDate } from './format';
import { MoreButton } from './ui';

/** Lists longer than this are cut, with «Показать ещё». */
const PAGE = 50;

export function DocumentsEntryList(props: { entries: DocumentEntry[]; register?: boolean }) {
  const [limit, setLimit] = useState(PAGE);
  const entries = props.entries;
  return (
    <>
      <ul class={props.register ? 'plain doc-entries doc-register' : 'plain doc-entries'}>
        {entries.slice(0, limit).map((d, i) => (
          <li class="doc-entry" key={`${d.number}-${i}`}>
            <div class="doc-entry-head">
              <span class="doc-number">{d.number}</span>
              {props.register && <span class="item-date">{formatDate(d.date)}</span>}
              {props.register && (
                <span class={d.status === 'подписан' ? 'chip chip-ok' : 'chip'}>{statusLabel(d.status)}</span>
              )}
            </div>
            <div class="doc-entry-title">{d.title}</div>
            {props.register && d.kindTitle && <div class="muted small">{d.kindTitle}</div>}
            <div class="doc-links">
              <ExternalLink url={d.docUrl}>Документ</ExternalLink>
              <ExternalLink url={d.pdfUrl}>PDF</ExternalLink>
            </div>
          </li>
        ))}
      </ul>
      {entries.length > limit && (
        <MoreButton shown={limit} total={entries.length} onClick={() => setLimit(limit + PAGE)} />
      )}
    </>
  );
}
