/** «Реестр документов»: the recent documents of the year. */
import type { DocumentEntry } from '../src/contract/serverApi';
import { DocumentsEntryList } from './DocumentsEntryList';

export function DocumentsRegister(props: { entries: DocumentEntry[] }) {
  return (
    <section class="doc-register-section" aria-labelledby="h-doc-register">
      <h2 id="h-doc-register">
        Реестр документов <span class="count">{props.entries.length}</span>
      </h2>
      {props.entries.length === 0 ? (
        <p class="muted">Документов пока нет.</p>
      ) : (
        <DocumentsEntryList entries={props.entries} register />
      )}
    </section>
  );
}
