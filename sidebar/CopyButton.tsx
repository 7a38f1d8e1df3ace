/** «Копировать»: puts a link on the clipboard and says «Скопировано». */
import { useState } from 'preact/hooks';

export function CopyButton(props: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(props.text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <button type="button" class="btn btn-secondary btn-small" onClick={copy}>
      {copied ? 'Скопировано' : 'Копировать'}
    </button>
  );
}
