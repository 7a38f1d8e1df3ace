/**
 * @jest-environment ./test/unit/happyDomEnvironment.ts
 *
 * «Документы» rendered in a happy-dom page with @testing-library/preact and a fake
 * google.script.run (the harness of sidebarRender.test.ts): the preview, template problems blocking
 * generation, the batch loop (one continueDocuments at a time until finished), «Остановить» and
 * «Продолжить», server errors, and HTML in names shown as text, links only http(s).
 */
import { fireEvent, screen } from '@testing-library/preact';
import type { BatchProgress, DocumentEntry, DocumentPreview, DocumentsView } from '../../src/contract/serverApi';
import { boot, settle, type Server } from './sidebarHarness';

/** Lets Preact re-render (microtasks) without letting the fake server (a 0 ms timer) answer. */
const rerender = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

const EVIL = '<img src=x onerror=alert(1)>';

function entry(n: number, over: Partial<DocumentEntry> = {}): DocumentEntry {
  return {
    number: `С-2026-00${n}`,
    kind: 'consentPersonalData',
    kindTitle: 'Согласие на обработку персональных данных',
    title: `Согласие — Педагог ${n}`,
    date: '2026-09-01',
    docUrl: `https://docs.google.com/document/d/doc${n}/edit`,
    pdfUrl: null,
    status: 'черновик',
    related: `НС-000${n}`,
    ...over,
  };
}

function makeView(over: Partial<DocumentsView> = {}): DocumentsView {
  return {
    period: '2026–2027',
    folderUrl: 'https://drive.google.com/drive/folders/period',
    kinds: [
      {
        id: 'pairsOrder',
        title: 'Приказ «О закреплении наставнических пар (групп)»',
        scope: 'school',
        templateUrl: 'https://docs.google.com/document/d/tpl-pairs/edit',
      },
      {
        id: 'consentPersonalData',
        title: `Согласие ${EVIL}`,
        scope: 'person',
        templateUrl: 'javascript:alert(1)',
      },
    ],
    recent: [
      entry(1, {
        number: 'Н-2026-003',
        kind: 'pairsOrder',
        kindTitle: 'Приказ о парах',
        title: 'Приказ <b>о парах</b>',
        date: '2026-03-05',
        status: 'подписан',
        pdfUrl: 'https://drive.google.com/file/d/pdf3/view',
      }),
      entry(2, { docUrl: 'javascript:alert(2)' }),
    ],
    job: null,
    ...over,
  };
}

function makePreview(over: Partial<DocumentPreview> = {}): DocumentPreview {
  return {
    kind: 'pairsOrder',
    title: 'Приказ «О закреплении наставнических пар (групп)»',
    fields: [
      { label: 'Школа', value: 'МОУ «СОШ № 2» <script>x</script>' },
      { label: 'Номер приказа', value: 'Н-2026-004' },
    ],
    table: {
      header: ['№', 'Наставник', 'Наставляемый'],
      rows: [
        ['1', 'Семёнова Алёна', `Иванов ${EVIL}`],
        ['2', 'Орлов Пётр', 'Ёлкина Мария'],
      ],
    },
    documents: [
      { key: 'a', title: 'Приказ о парах', existing: 'черновик' },
      { key: 'b', title: 'Старый приказ', existing: 'подписан' },
      { key: 'c', title: 'Новый приказ', existing: null },
    ],
    warnings: ['Пара НС-0004 — НТ-0002 не войдёт: нет согласия'],
    problems: [],
    ...over,
  };
}

/** The button the user sees with this text, or undefined. */
const button = (name: string) => screen.queryAllByRole('button', { name })[0];
const link = (name: string) => screen.queryAllByRole('link', { name });
/** The document kind's radio button, in the order shown. */
const radio = (i: number) => screen.getAllByRole('radio')[i];
const disabled = (n: HTMLElement | undefined) => (n as HTMLButtonElement).disabled;

function set(el: HTMLElement, prop: 'value' | 'checked', value: unknown, event: 'input' | 'change') {
  fireEvent[event](el, { target: { [prop]: value } });
}

/** A server whose batch makes one document per call, recording that no call overlaps another. */
function batchServer(total: number, over: Server = {}) {
  let done = 0;
  let executed = 0;
  const overlaps: string[] = [];
  let calls: unknown[][] = [];
  const step = (): BatchProgress => {
    done = Math.min(total, done + 1);
    return {
      jobId: 'job-7',
      kind: 'pairsOrder',
      total,
      done,
      finished: done === total,
      results: Array.from({ length: done }, (_, i) =>
        entry(i + 1, {
          title: i === 0 ? `Приказ ${EVIL}` : `Приказ ${i + 1}`,
          pdfUrl: i === 0 ? 'https://drive.google.com/file/d/pdf1/view' : 'javascript:alert(3)',
        }),
      ),
      skipped: done === total ? ['Старый приказ: подписан — оставлен как есть'] : [],
      message: done === total ? 'Готово' : `Создаём документы: ${done} из ${total}`,
    };
  };
  const server: Server = {
    getDocumentsView: () => makeView(),
    previewDocuments: () => makePreview(),
    generateDocuments: () => {
      executed++;
      return step();
    },
    continueDocuments: () => {
      executed++;
      // every batch call the panel sent has been answered before it sent the next one
      const sent = calls.filter((c) => c[0] === 'generateDocuments' || c[0] === 'continueDocuments').length;
      if (sent !== executed) overlaps.push(`${sent} sent, ${executed} executed`);
      return step();
    },
    ...over,
  };
  return { server, overlaps, attach: (c: unknown[][]) => (calls = c) };
}

test('no school year yet: a short hint pointing at the menu, nothing else', async () => {
  const { body, calls } = boot('documents', {
    getDocumentsView: () => makeView({ period: null, folderUrl: null, recent: [] }),
  });
  await settle();
  expect(document.title).toBe('Документы');
  expect(calls).toEqual([['getDocumentsView']]);
  expect(body.textContent).toContain('Наставничество → Настроить учебный год…');
  expect(body.querySelector('input')).toBeNull();
  expect(button('Создать документы')).toBeUndefined();
});

test('kinds, the folder, the register; HTML stays text and only http(s) links are rendered', async () => {
  const { body } = boot('documents', { getDocumentsView: () => makeView() });
  await settle();
  const text = body.textContent;
  expect(text).toContain('Учебный год 2026–2027');
  expect(text).toContain(`Согласие ${EVIL}`);
  expect(text).toContain('Приказ <b>о парах</b>');
  expect(text).toContain('05.03.2026');
  expect(text).toContain('Н-2026-003');
  expect(text).toContain('подписан');
  expect(text).toContain('Реестр документов 2');
  for (const tag of ['img', 'b', 'script']) expect(body.querySelector(tag)).toBeNull();

  const folder = link('Папка документов')[0];
  expect(folder.getAttribute('href')).toBe('https://drive.google.com/drive/folders/period');
  expect(folder.getAttribute('target')).toBe('_blank');
  expect(folder.getAttribute('rel')).toContain('noopener');
  // the javascript: template of the second kind gets no link
  const templates = link('Открыть шаблон');
  expect(templates.map((a) => a.getAttribute('href'))).toEqual(['https://docs.google.com/document/d/tpl-pairs/edit']);
  expect(link('PDF').map((a) => a.getAttribute('href'))).toEqual(['https://drive.google.com/file/d/pdf3/view']);
  expect(link('Документ').map((a) => a.getAttribute('href'))).toEqual(['https://docs.google.com/document/d/doc1/edit']);
  for (const a of Array.from(body.querySelectorAll('a'))) {
    expect(a.getAttribute('href')).toMatch(/^https:\/\//);
  }
});

test('picking a kind shows what goes in; the batch runs one call at a time until finished', async () => {
  const { server, overlaps, attach } = batchServer(4);
  const { body, calls } = boot('documents', server);
  attach(calls);
  await settle();
  expect(button('Создать документы')).toBeUndefined();

  set(radio(0), 'checked', true, 'change');
  expect(calls).toEqual([['getDocumentsView'], ['previewDocuments', 'pairsOrder']]);
  await settle();
  const text = body.textContent;
  expect(text).toContain('Что войдёт в документ');
  expect(text).toContain('Школа');
  expect(text).toContain('МОУ «СОШ № 2» <script>x</script>');
  expect(text).toContain('Н-2026-004');
  expect(text).toContain('Наставник');
  expect(text).toContain(`Иванов ${EVIL}`);
  expect(text).toContain('Приказ о парахбудет обновлён черновик');
  expect(text).toContain('Старый приказподписан — не изменится');
  expect(text).toContain('Новый приказновый');
  expect(text).toContain('Будет создано 3 документа');
  expect(text).toContain('Пара НС-0004 — НТ-0002 не войдёт: нет согласия');
  expect(body.querySelector('table')).not.toBeNull();
  expect(screen.getAllByRole('row')).toHaveLength(3);
  expect(body.querySelector('script')).toBeNull();
  const warn = body.querySelector('.banner-warn')!;
  expect(warn.textContent).toContain('нет согласия');

  set(screen.getByLabelText('Сохранить также PDF'), 'checked', true, 'change');
  set(screen.getByLabelText('Дата документов'), 'value', '2026-09-01', 'input');
  await settle();

  const create = button('Создать документы')!;
  expect(disabled(create)).toBe(false);
  fireEvent.click(create);
  fireEvent.click(create); // a double click starts one batch
  await rerender();
  fireEvent.click(create);
  expect(calls.filter((c) => c[0] === 'generateDocuments')).toEqual([
    ['generateDocuments', { kind: 'pairsOrder', pdf: true, date: '2026-09-01' }],
  ]);
  expect(body.textContent).toContain('Создание документов');
  expect(button('Остановить')).toBeDefined();

  for (let i = 0; i < 10; i++) await settle();
  expect(overlaps).toEqual([]);
  expect(calls.filter((c) => c[0] === 'continueDocuments')).toEqual([
    ['continueDocuments', 'job-7'],
    ['continueDocuments', 'job-7'],
    ['continueDocuments', 'job-7'],
  ]);
  expect(calls.filter((c) => c[0] === 'generateDocuments')).toHaveLength(1);
  const after = body.textContent;
  expect(after).toContain('Документы созданы');
  expect(after).toContain('4 из 4');
  expect(after).toContain('Готово 4');
  expect(after).toContain(`Приказ ${EVIL}`);
  expect(after).toContain('Пропущено 1');
  expect(after).toContain('Старый приказ: подписан — оставлен как есть');
  expect(button('Остановить')).toBeUndefined();
  expect(body.querySelector('img')).toBeNull();
  const bar = screen.getByRole('progressbar', { name: 'Создание документов' });
  expect(bar.getAttribute('aria-valuenow')).toBe('100');
  // results: the one safe PDF link (and the register's), no javascript: link
  expect(link('PDF').map((a) => a.getAttribute('href'))).toEqual([
    'https://drive.google.com/file/d/pdf1/view',
    'https://drive.google.com/file/d/pdf3/view',
  ]);
  // the register and the preview are fetched again after the batch
  expect(calls.slice(-2)).toEqual([['getDocumentsView'], ['previewDocuments', 'pairsOrder']]);
  expect(disabled(button('Создать документы'))).toBe(false);
});

test('template problems disable «Создать документы» and say to fix the template first', async () => {
  const { body, calls } = boot('documents', {
    getDocumentsView: () => makeView(),
    previewDocuments: () => makePreview({ problems: ['Неизвестная метка {{школаа}} в шаблоне'] }),
    generateDocuments: () => {
      throw new Error('must not be called');
    },
  });
  await settle();
  set(radio(0), 'checked', true, 'change');
  await settle();
  const text = body.textContent;
  expect(text).toContain('Неизвестная метка {{школаа}} в шаблоне');
  expect(text).toContain('Сначала исправьте шаблон');
  const alert = body.querySelector('.banner-error')!;
  expect(alert.textContent).toContain('{{школаа}}');
  const create = button('Создать документы')!;
  expect(disabled(create)).toBe(true);
  fireEvent.click(create);
  await settle();
  expect(calls.filter((c) => c[0] === 'generateDocuments')).toEqual([]);
});

test('a server error is a readable Russian message; the panel stays usable', async () => {
  let n = 0;
  const ok = batchServer(1).server;
  const { body, calls } = boot('documents', {
    getDocumentsView: () => makeView(),
    previewDocuments: () => makePreview(),
    generateDocuments: () => {
      if (n++ === 0) throw new Error('Папка «Приказы» недоступна');
      return ok.generateDocuments();
    },
  });
  await settle();
  set(radio(0), 'checked', true, 'change');
  await settle();
  fireEvent.click(button('Создать документы')!);
  await settle();
  expect(body.textContent).toContain('Не удалось создать документы: Папка «Приказы» недоступна');
  expect(body.textContent).not.toContain('Exception');
  const create = button('Создать документы')!;
  expect(disabled(create)).toBe(false);
  fireEvent.click(create);
  await settle();
  await settle();
  expect(calls.filter((c) => c[0] === 'generateDocuments')).toHaveLength(2);
  expect(body.textContent).not.toContain('Не удалось создать документы');
  expect(body.textContent).toContain('Документы созданы');
});

test('a failed first load shows a banner with retry', async () => {
  let n = 0;
  const { body, calls } = boot('documents', {
    getDocumentsView: () => {
      if (n++ === 0) throw new Error('Лист «Документы» защищён');
      return makeView();
    },
  });
  await settle();
  expect(body.textContent).toContain('Не удалось открыть «Документы»: Лист «Документы» защищён');
  fireEvent.click(button('Повторить')!);
  await settle();
  expect(calls).toEqual([['getDocumentsView'], ['getDocumentsView']]);
  expect(body.textContent).toContain('Учебный год 2026–2027');
  expect(body.textContent).not.toContain('Не удалось');
});

test('«Остановить» stops calling (the server carries on); «Продолжить» resumes; a failed continue can be resumed', async () => {
  let fails = 1;
  const { server, attach } = batchServer(3);
  const cont = server.continueDocuments;
  server.continueDocuments = (...args: unknown[]) => {
    if (fails-- > 0) throw new Error('Превышено время выполнения');
    return cont(...args);
  };
  const { body, calls } = boot('documents', server);
  attach(calls);
  await settle();
  set(radio(0), 'checked', true, 'change');
  await settle();
  fireEvent.click(button('Создать документы')!);
  await rerender();
  fireEvent.click(button('Остановить')!);
  for (let i = 0; i < 4; i++) await settle();
  expect(calls.filter((c) => c[0] === 'continueDocuments')).toEqual([]);
  expect(body.textContent).toContain('1 из 3');
  expect(body.textContent).toContain('сервер продолжит его сам');
  expect(disabled(button('Создать документы'))).toBe(true);

  fireEvent.click(button('Продолжить')!);
  for (let i = 0; i < 4; i++) await settle();
  expect(body.textContent).toContain('Не удалось продолжить создание документов: Превышено время выполнения');
  expect(body.textContent).toContain('1 из 3');
  fireEvent.click(button('Продолжить')!);
  for (let i = 0; i < 6; i++) await settle();
  expect(calls.filter((c) => c[0] === 'continueDocuments')).toHaveLength(3);
  expect(body.textContent).toContain('Документы созданы');
  expect(body.textContent).toContain('3 из 3');
  expect(body.textContent).not.toContain('Не удалось');
});

test('on open, an unfinished batch of the server is shown with «Продолжить»', async () => {
  const { server, attach } = batchServer(2);
  const job: BatchProgress = {
    jobId: 'job-7',
    kind: 'pairsOrder',
    total: 2,
    done: 1,
    finished: false,
    results: [entry(1)],
    skipped: [],
    message: 'Создаём документы: 1 из 2',
  };
  let first = true;
  server.getDocumentsView = () => {
    const v = makeView({ job: first ? job : null });
    first = false;
    return v;
  };
  const { body, calls } = boot('documents', server);
  attach(calls);
  await settle();
  expect(calls).toEqual([['getDocumentsView']]);
  expect(body.textContent).toContain('Создание документов');
  expect(body.textContent).toContain('1 из 2 · Создаём документы: 1 из 2');
  expect(body.textContent).toContain('Приказ «О закреплении наставнических пар (групп)»');
  server.continueDocuments = () => ({ ...job, done: 2, finished: true, message: 'Готово' });
  fireEvent.click(button('Продолжить')!);
  expect(calls[1]).toEqual(['continueDocuments', 'job-7']);
  for (let i = 0; i < 3; i++) await settle();
  expect(body.textContent).toContain('Документы созданы');
  expect(body.textContent).toContain('2 из 2');
});

test('the date of the documents starts at the workspace clock’s day when the workspace runs shifted', async () => {
  // The local workspace lives on 14 May 2027 (10:00 Moscow) whatever the machine's date is.
  const offset = Date.UTC(2027, 4, 14, 7) - Date.now();
  boot(
    'documents',
    { getDocumentsView: () => makeView(), previewDocuments: () => makePreview() },
    {
      __WORKSPACE_CLOCK_OFFSET_MS__: offset,
    },
  );
  await settle();
  set(radio(0), 'checked', true, 'change');
  await settle();
  const input = screen.getByLabelText('Дата документов');
  const shown = (input as HTMLInputElement).value;
  expect(shown).toBe('2027-05-14');
});
