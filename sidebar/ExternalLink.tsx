import { safeUrl } from './documentsModel';

/** A link opened in a new tab; nothing but its text when the URL is not http(s). */
export function ExternalLink(props: { url: string | null | undefined; class?: string; children: string }) {
  const url = safeUrl(props.url);
  if (!url) return null;
  return (
    <a class={props.class} href={url} target="_blank" rel="noopener noreferrer">
      {props.children}
    </a>
  );
}
