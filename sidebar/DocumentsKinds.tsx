/** «Какой документ создать»: one radio per document kind, with its template's link. */
import type { DocumentKindId, DocumentsView } from '../src/contract/serverApi';
import { safeUrl } from './documentsModel';
import { ExternalLink } from './ExternalLink';

export function DocumentsKinds(props: {
  kinds: DocumentsView['kinds'];
  picked: DocumentKindId | null;
  disabled: boolean;
  onPick: (kind: DocumentKindId) => void;
}) {
  if (props.kinds.length === 0) return <p class="hint">Виды документов не найдены.</p>;
  return (
    <fieldset class="doc-kinds" disabled={props.disabled}>
      <legend>Какой документ создать</legend>
      {props.kinds.map((k, i) => (
        <div class={k.id === props.picked ? 'doc-kind is-picked' : 'doc-kind'} key={k.id}>
          <input
            type="radio"
            name="doc-kind"
            id={`dk-${i}`}
            value={k.id}
            checked={k.id === props.picked}
            onChange={() => props.onPick(k.id)}
          />
          <label for={`dk-${i}`}>{k.title}</label>
          {safeUrl(k.templateUrl) && (
            <ExternalLink url={k.templateUrl} class="doc-template small">
              Открыть шаблон
            </ExternalLink>
          )}
        </div>
      ))}
    </fieldset>
  );
}
