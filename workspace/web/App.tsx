/**
 * The workspace page: a Google-Sheets-like spreadsheet with the add-on installed. Talks to the
 * server only through workspace/server/protocol.ts (see api.ts); sidebars and dialogs are iframes of
 * /ui/:id whose google.script shim (shim.ts) reports back with window.postMessage.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type {
  ActionResult,
  DialogView,
  JobState,
  MessageView,
  SheetView,
  ToastView,
  WorkspaceState,
} from '../server/protocol';
import { a1, cellAt } from './a1';
import { api, normalizeAction, onBusy, type ListedItem } from './api';
import { Grid, type Move, type Selection } from './Grid';
import { DriveView } from './DriveView';
import { MailView } from './MailView';
import { MenuBar } from './Menu';
import { DialogBox, JobBox, MessageBox, SidebarPanel, Toast } from './Overlays';
import type { ShimMessage } from './shim';
import type { MailView as Mail } from '../server/mail';

type View = 'sheet' | 'forms' | 'files' | 'mail';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function App(): JSX.Element {
  const [state, setState] = useState<WorkspaceState | null>(null);
  const [sheet, setSheet] = useState<SheetView | null>(null);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [view, setView] = useState<View>('sheet');
  const [selected, setSelected] = useState<Selection>({ r: 0, c: 0 });
  const [pending, setPending] = useState<Map<string, string>>(new Map());
  const [sidebar, setSidebar] = useState<DialogView | null>(null);
  const [dialogs, setDialogs] = useState<DialogView[]>([]);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [toasts, setToasts] = useState<ToastView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [dismissedProblems, setDismissedProblems] = useState<string | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const [busy, setBusy] = useState(0);
  const [mail, setMail] = useState<Mail[] | null>(null);
  const [mailError, setMailError] = useState<string | null>(null);

  const sheetNameRef = useRef<string | null>(null);
  const sheetSeq = useRef(0);
  const closed = useRef(new Set<string>());
  const refreshing = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });

  useEffect(() => onBusy(setBusy), []);

  // ---- loading --------------------------------------------------------------------------------

  const openDialog = useCallback((d: DialogView) => {
    if (closed.current.has(d.id)) return;
    if (d.kind === 'sidebar') setSidebar((cur) => (cur && cur.id === d.id ? cur : d));
    else setDialogs((ds) => (ds.some((x) => x.id === d.id) ? ds : [...ds, d]));
  }, []);

  const loadSheet = useCallback(async (name: string) => {
    const seq = ++sheetSeq.current;
    const v = await api.sheet(name);
    if (seq === sheetSeq.current && sheetNameRef.current === name) setSheet(v);
  }, []);

  /** The outbox for the «Почта» tab and its count; never blocks or fails a refresh. */
  const loadMail = useCallback(() => {
    api.mail().then(
      (list) => {
        setMail(Array.isArray(list) ? list : []);
        setMailError(null);
      },
      (e) => setMailError(messageOf(e)),
    );
  }, []);

  const refreshAll = useCallback(async () => {
    loadMail();
    const s = await api.state();
    setState(s);
    setFatal(null);
    if (s.sidebar) openDialog(s.sidebar);
    document.title = `${s.spreadsheetName} — Таблицы (локально)`;
    const visible = s.sheets.filter((t) => !t.hidden);
    let name = sheetNameRef.current;
    if (!name || !s.sheets.some((t) => t.name === name)) name = visible[0]?.name ?? s.sheets[0]?.name ?? null;
    if (name !== sheetNameRef.current) {
      sheetNameRef.current = name;
      setSheetName(name);
    }
    if (name) await loadSheet(name);
    else setSheet(null);
  }, [loadSheet, loadMail, openDialog]);

  /** Refreshes state and the sheet; calls during a refresh coalesce into one more refresh. */
  const scheduleRefresh = useCallback(async () => {
    const r = refreshing.current;
    if (r.running) {
      r.again = true;
      return;
    }
    r.running = true;
    try {
      do {
        r.again = false;
        await refreshAll();
      } while (r.again);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      r.running = false;
    }
  }, [refreshAll]);

  useEffect(() => {
    api
      .open()
      .then(refreshAll)
      .catch((e) => setFatal(messageOf(e)));
  }, [refreshAll]);

  // ---- actions --------------------------------------------------------------------------------

  const followJob = useCallback(
    async (id: string) => {
      try {
        for (;;) {
          const j = await api.job(id);
          setJob(j);
          if (j.done) {
            if (j.error) setError(j.error);
            break;
          }
          await sleep(300);
        }
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setTimeout(() => setJob(null), 400);
        await scheduleRefresh();
      }
    },
    [scheduleRefresh],
  );

  const applyAction = useCallback(
    (r: ActionResult) => {
      if (!r.ok) setError(r.error || 'Действие не выполнено');
      for (const d of r.dialogs) openDialog(d);
      if (r.messages.length) setMessages((ms) => [...ms, ...r.messages.filter((m) => !ms.some((x) => x.id === m.id))]);
      if (r.toasts.length) setToasts((ts) => [...ts, ...r.toasts.filter((t) => !ts.some((x) => x.id === t.id))]);
      if (r.jobId) void followJob(r.jobId);
    },
    [openDialog, followJob],
  );

  const guard = useCallback((fn: () => Promise<void>) => {
    fn().catch((e) => setError(messageOf(e)));
  }, []);

  const runMenu = (fn: string) =>
    guard(async () => {
      const r = normalizeAction(await api.menu({ fn }));
      applyAction(r);
      await scheduleRefresh();
    });

  const switchUser = (email: string) =>
    guard(async () => {
      const r = normalizeAction(await api.user({ email }));
      applyAction(r);
      await scheduleRefresh();
    });

  const reset = () => {
    const ok = window.confirm('Сбросить демо? Таблица вернётся к исходной демо-школе, все изменения будут потеряны.');
    if (!ok) return;
    guard(async () => {
      const r = normalizeAction(await api.reset());
      if (r.ok) {
        setSidebar(null);
        setDialogs([]);
        setMessages([]);
        closed.current.clear();
      }
      if (r.jobId) setJob({ id: r.jobId, label: 'Сброс демо', step: 0, steps: 0, stepLabel: 'Запуск…', done: false });
      applyAction(r);
      if (!r.jobId) await scheduleRefresh();
    });
  };

  const closeDialog = useCallback((id: string) => {
    closed.current.add(id);
    setSidebar((s) => (s && s.id === id ? null : s));
    setDialogs((ds) => ds.filter((d) => d.id !== id));
    api.close({ id }).catch(() => undefined);
  }, []);

  const commit = (sel: Selection, text: string, _move: Move) => {
    if (!sheet) return;
    const addr = a1(sel.r, sel.c);
    const current = pending.get(addr) ?? cellAt(sheet, sel.r, sel.c).v;
    if (text === current) return;
    const name = sheet.name;
    const unpend = () =>
      setPending((p) => {
        const n = new Map(p);
        n.delete(addr);
        return n;
      });
    setPending((p) => new Map(p).set(addr, text));
    guard(async () => {
      try {
        const r = normalizeAction(await api.edit({ sheet: name, a1: addr, values: [[text]] }));
        if (r.ok) setError(null);
        applyAction(r);
        if (r.ok) await scheduleRefresh();
      } finally {
        unpend();
      }
    });
  };

  // ---- messages from the sidebar/dialog iframes (shim.ts) ------------------------------------

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== location.origin) return;
      const m = e.data as ShimMessage;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string' || !m.type.startsWith('workspace:')) return;
      const id = String(m.dialogId ?? '');
      switch (m.type) {
        case 'workspace:close':
          closeDialog(id);
          break;
        case 'workspace:setHeight':
        case 'workspace:setWidth': {
          const key = m.type === 'workspace:setHeight' ? 'height' : 'width';
          const value = m.type === 'workspace:setHeight' ? m.height : m.width;
          if (Number.isFinite(value) && value > 0)
            setDialogs((ds) => ds.map((d) => (d.id === id ? { ...d, [key]: value } : d)));
          break;
        }
        case 'workspace:changed':
          applyAction({ ok: true, ...m.result });
          void scheduleRefresh();
          break;
        default:
          break;
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [applyAction, closeDialog, scheduleRefresh]);

  // ---- rendering ------------------------------------------------------------------------------

  const switchSheet = (name: string) => {
    if (name === sheetNameRef.current) return;
    sheetNameRef.current = name;
    setSheetName(name);
    setSelected({ r: 0, c: 0 });
    setPending(new Map());
    guard(() => loadSheet(name));
  };

  const problems = state?.loadProblems ?? [];
  const problemsKey = problems.join('\n');
  const showProblems = problems.length > 0 && dismissedProblems !== problemsKey;
  const visibleTabs = useMemo(() => (state ? state.sheets.filter((t) => !t.hidden) : []), [state]);
  const shownSheet = sheet && sheet.name === sheetName ? sheet : null;

  return (
    <div class="app">
      {busy > 0 ? <div class="progress" data-testid="progress" role="progressbar" aria-label="Загрузка" /> : null}
      <header class="topbar">
        <div class="logo" aria-hidden="true">
          <span />
        </div>
        <div class="titles">
          <div class="docname" data-testid="spreadsheet-name">
            {state?.spreadsheetName ?? 'Загрузка…'}
          </div>
          <MenuBar menus={state?.menus ?? []} onRun={runMenu} />
        </div>
        <nav class="views" aria-label="Разделы">
          {(
            [
              ['sheet', 'Таблица'],
              ['forms', 'Формы'],
              ['files', 'Диск'],
              ['mail', mail ? `Почта (${mail.length})` : 'Почта'],
            ] as const
          ).map(([v, label]) => (
            <button
              key={v}
              type="button"
              class={`view-tab${view === v ? ' active' : ''}`}
              data-testid={`view-${v}`}
              onClick={() => setView(v)}
            >
              {label}
            </button>
          ))}
        </nav>
        <div class="actions">
          <label class="user">
            <span class="muted">Пользователь</span>
            <select
              data-testid="user"
              value={state?.user ?? ''}
              onChange={(e) => switchUser((e.currentTarget as HTMLSelectElement).value)}
            >
              {(state?.users ?? []).map((u) => (
                <option key={u.email} value={u.email}>
                  {u.label} — {u.email}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="btn" data-testid="reset" onClick={reset}>
            Сбросить демо
          </button>
          <a class="btn primary" data-testid="download" href="/api/download.xlsx" download>
            Скачать .xlsx
          </a>
        </div>
      </header>

      {fatal ? (
        <div class="banner error" data-testid="error" role="alert">
          Не удалось открыть рабочее пространство: {fatal}
          <button type="button" class="btn" onClick={() => guard(refreshAll)}>
            Повторить
          </button>
        </div>
      ) : null}
      {error ? (
        <div class="banner error" data-testid="error" role="alert">
          <span>{error}</span>
          <button type="button" class="icon-btn" aria-label="Закрыть" onClick={() => setError(null)}>
            ✕
          </button>
        </div>
      ) : null}
      {showProblems ? (
        <div class="banner warn" data-testid="load-problems" role="status">
          <div>
            <strong>Файл таблицы загружен с замечаниями:</strong>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
          <button type="button" class="icon-btn" aria-label="Закрыть" onClick={() => setDismissedProblems(problemsKey)}>
            ✕
          </button>
        </div>
      ) : null}

      <div class="main">
        <div class="content">
          {view === 'sheet' ? (
            shownSheet ? (
              <>
                <FormulaBar sheet={shownSheet} selected={selected} pending={pending} onCommit={commit} />
                <Grid
                  sheet={shownSheet}
                  selected={selected}
                  onSelect={setSelected}
                  onCommit={commit}
                  pending={pending}
                />
              </>
            ) : (
              <div class="empty">{fatal ? '' : 'Загрузка таблицы…'}</div>
            )
          ) : view === 'files' ? (
            <DriveView />
          ) : view === 'mail' ? (
            <MailView mail={mail} error={mailError} onReload={loadMail} />
          ) : (
            <ListView kind={view} />
          )}
        </div>
        {sidebar ? <SidebarPanel dialog={sidebar} onClose={() => closeDialog(sidebar.id)} /> : null}
      </div>

      {view === 'sheet' ? (
        <footer class="sheet-tabs" data-testid="sheet-tabs">
          {visibleTabs.map((t) => (
            <button
              key={t.name}
              type="button"
              class={`sheet-tab${t.name === sheetName ? ' active' : ''}`}
              data-testid={`tab-${t.name}`}
              style={t.tabColor ? { borderBottomColor: t.tabColor } : undefined}
              onClick={() => switchSheet(t.name)}
            >
              {t.name}
            </button>
          ))}
        </footer>
      ) : null}

      {dialogs.map((d) => (
        <DialogBox key={d.id} dialog={d} onClose={() => closeDialog(d.id)} />
      ))}
      {messages.length > 0 ? (
        <MessageBox message={messages[0]} onClose={() => setMessages((ms) => ms.slice(1))} />
      ) : null}
      {job ? <JobBox job={job} /> : null}
      <div class="toasts">
        {toasts.map((t) => (
          <Toast key={t.id} toast={t} onClose={() => setToasts((ts) => ts.filter((x) => x.id !== t.id))} />
        ))}
      </div>
    </div>
  );
}

interface FormulaBarProps {
  sheet: SheetView;
  selected: Selection;
  pending: Map<string, string>;
  onCommit(sel: Selection, text: string, move: Move): void;
}

function FormulaBar({ sheet, selected, pending, onCommit }: FormulaBarProps): JSX.Element {
  const addr = a1(selected.r, selected.c);
  const value = pending.get(addr) ?? cellAt(sheet, selected.r, selected.c).v;
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value, addr, sheet]);
  return (
    <div class="formula-bar">
      <div class="namebox" data-testid="namebox">
        {addr}
      </div>
      <span class="fx" aria-hidden="true">
        fx
      </span>
      <input
        class="formula-input"
        data-testid="formula"
        value={text}
        spellcheck={false}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onCommit(selected, text, 'none');
          } else if (e.key === 'Escape') {
            setText(value);
          }
        }}
      />
    </div>
  );
}

function ListView({ kind }: { kind: 'forms' | 'files' }): JSX.Element {
  const [items, setItems] = useState<ListedItem[] | null>(null);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setItems(null);
    setErr(null);
    (kind === 'forms' ? api.forms() : api.files()).then(
      (list) => live && setItems(Array.isArray(list) ? list : []),
      (e) => live && setErr(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [kind]);
  const title = kind === 'forms' ? 'Формы' : 'Диск';
  const empty =
    kind === 'forms'
      ? 'Формы появятся здесь, когда дополнение их создаст.'
      : 'Файлы появятся здесь, когда дополнение их создаст.';
  return (
    <section class="list-view" data-testid={`${kind}-view`}>
      <h1>{title}</h1>
      {err ? <p class="red">Не удалось загрузить список: {err}</p> : null}
      {!err && items === null ? <p class="muted">Загрузка…</p> : null}
      {items && items.length === 0 ? (
        <p class="empty-state" data-testid="empty">
          {empty}
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <ul class="items">
          {items.map((it) => (
            <li key={it.id} data-testid={kind === 'forms' ? 'form-item' : 'file-item'}>
              <a href={`/${kind}/${encodeURIComponent(it.id)}`} target="_blank" rel="noopener">
                {it.title || it.name || it.id}
              </a>
              {it.mimeType ? <span class="muted small"> {it.mimeType}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
