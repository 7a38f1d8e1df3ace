/**
 * «Программы»: the confirmed pairs/groups with their programs' progress, and the editor of one
 * program (ProgramEditor), saved with ONE saveProgram call. Every server value is rendered as text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ProgramDraft, ProgramPairView } from '../src/contract/serverApi';
import { call } from './api';
import { ProgramEditor } from './ProgramEditor';
import { ProgramPairCard } from './ProgramPairCard';
import { ErrorBanner, Loading } from './ui';
import { useServer } from './useServer';

export function ProgramsPanel() {
  const list = useServer({ initial: 'load' });
  /** One program opens at a time (a double click opens it once). */
  const opener = useServer({ exclusive: true });
  const [pairs, setPairs] = useState<ProgramPairView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState<ProgramDraft | null>(null);

  const load = () => {
    opener.clearError();
    void list.run({
      what: 'Не удалось получить пары',
      send: () => call('listProgramPairs'),
      valid: Array.isArray,
      done: setPairs,
    });
  };

  const open = (pairId: string) => {
    if (opener.busy !== null) return;
    list.clearError();
    setNotice(null);
    void opener.run({
      key: 'open',
      what: 'Не удалось открыть программу',
      send: () => call('getProgramDraft', pairId),
      valid: (d) => !!d && Array.isArray(d.activities),
      done: setDraft,
    });
  };

  const close = (message?: string) => {
    setDraft(null);
    if (message !== undefined) {
      setNotice(message);
      load();
    }
  };

  useEffect(load, []);

  if (draft) return <ProgramEditor key={draft.pairId} draft={draft} onClose={close} />;

  const busy = list.busy !== null;
  const opening = opener.busy !== null;
  const error = opener.error ?? list.error;
  return (
    <main class="panel programs">
      <header class="panel-head">
        <h1>Программы наставничества</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={load} disabled={busy}>
          Обновить
        </button>
      </header>
      {notice && (
        <div class="banner banner-ok" role="status">
          {notice}
        </div>
      )}
      {error && <ErrorBanner onRetry={error.retry}>{error.message}</ErrorBanner>}
      {((busy && !pairs) || opening) && <Loading text={opening ? 'Открываем программу…' : undefined} />}
      {pairs && pairs.length === 0 && (
        <div class="banner banner-info" role="status">
          Утверждённых пар и групп пока нет: сначала подтвердите их на листе «Пары и группы» (статус «утверждено»).
        </div>
      )}
      {pairs && pairs.length > 0 && (
        <ul class="units">
          {pairs.map((p) => (
            <ProgramPairCard key={p.pairId} pair={p} disabled={opening} onOpen={() => open(p.pairId)} />
          ))}
        </ul>
      )}
    </main>
  );
}
