import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDistDir, type Workspace } from '../../workspace/workspace';
import { WITHDRAWAL_CHOICE, withdrawalForm } from '../../src/domain/questionnaires';
import { columnOf, generateDocuments, records, setUpWorkspace, useDemoSchool } from './workspace';
import { api } from './api';

const REGISTER = 'Документы';
const PAIRS = 'Пары и группы';
const PERIOD = 'Наставничество 2026–2027';

/** The demo school: seeded once, a fresh copy for each test. */
const demo = useDemoSchool('documents');

const filesIn = (ws: Workspace, folder: string) => ws.files().filter((f) => f.path === `${PERIOD}/${folder}`);
const docIdOf = (url: string) => /\/d\/([^/]+)/.exec(url)![1];
const registerRows = (ws: Workspace) => records(ws, REGISTER);

function template(ws: Workspace, name: RegExp) {
  const file = filesIn(ws, 'Шаблоны').find((f) => name.test(f.name));
  if (!file) throw new Error(`no template ${name}`);
  return ws.documentApp().openById(file.id);
}

describe('folders and templates', () => {
  test('setup creates the period folder tree and a template Doc for every kind', async () => {
    const ws = await setUpWorkspace();
    const folders = ws
      .files()
      .filter((f) => f.mimeType === 'application/vnd.google-apps.folder')
      .map((f) => (f.path ? `${f.path}/${f.name}` : f.name));
    expect(folders).toEqual(
      expect.arrayContaining([
        PERIOD,
        `${PERIOD}/Шаблоны`,
        `${PERIOD}/Приказы`,
        `${PERIOD}/Программы`,
        `${PERIOD}/Согласия`,
        `${PERIOD}/Мониторинг`,
      ]),
    );
    const templates = filesIn(ws, 'Шаблоны');
    expect(templates).toHaveLength(7);
    expect(templates.every((t) => t.mimeType === 'application/vnd.google-apps.document')).toBe(true);
    const text = (name: RegExp) => ws.docText(templates.find((t) => name.test(t.name))!.id);
    for (const part of ['ПРИКАЗ', '273-ФЗ', 'МР-42/02', 'АЗ-1128/08', '{{директор_подпись}}', '{{номер_приказа}}']) {
      expect(text(/Положени/)).toContain(part);
    }
    for (const part of ['ПРИКАЗ', '{{наставник}}', '{{наставляемые}}', '{{срок}}']) {
      expect(text(/наставнических пар/)).toContain(part);
    }
    // A second setup keeps the same folders and templates.
    const before = ws.files().map((f) => f.id);
    ws.run('setupSchoolYear', {});
    expect(ws.files().map((f) => f.id)).toEqual(before);
  });
});

describe('Drive through the Advanced Drive service', () => {
  test('a folder staff put in the trash is made again, and the next document lands in it', async () => {
    const ws = await setUpWorkspace();
    ws.run('setupSchoolYear', { director: 'Петров Пётр Петрович', curator: 'Орлова Ирина' });
    const old = ws.files().find((f) => f.path === PERIOD && f.name === 'Приказы')!;
    ws.driveApp().getFolderById(old.id).setTrashed(true);
    ws.resetCalls();
    const entry = generateDocuments(ws, { kind: 'regulationOrder' }).results[0];
    const fresh = ws.files().find((f) => f.path === PERIOD && f.name === 'Приказы')!;
    expect(fresh.id).not.toBe(old.id);
    expect(filesIn(ws, 'Приказы').map((f) => f.id)).toEqual([docIdOf(entry.docUrl)]);
    // The add-on's Drive requests are the Drive API's; none is DriveApp's.
    const methods = Object.keys(ws.calls().byMethod);
    expect(methods.some((m) => m.startsWith('Drive.Files.'))).toBe(true);
    expect(methods.filter((m) => /^(DriveApp|File|Folder|FileIterator)\./.test(m))).toEqual([]);
  });

  test('without the advanced service in the manifest the documents stop with a clear Russian message', async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'no-drive-dist-'));
    cpSync(defaultDistDir(), dist, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    delete manifest.dependencies;
    writeFileSync(path.join(dist, 'appsscript.json'), JSON.stringify(manifest));
    const ws = await setUpWorkspace({ distDir: dist, setup: false });
    expect(() => ws.run('setupSchoolYear', { school: 'МБОУ «СОШ № 2»', startYear: 2026 })).toThrow(
      /Не подключена служба Google Диска/,
    );
  });
});

describe('orders', () => {
  test('the regulation order: school, director, number and date filled, no placeholder left', async () => {
    const ws = await setUpWorkspace();
    ws.run('setupSchoolYear', { director: 'Петров Пётр Петрович', curator: 'Орлова Ирина Сергеевна' });
    const progress = generateDocuments(ws, { kind: 'regulationOrder', date: '2026-11-25' });
    const entry = progress.results[0];
    expect(entry.number).toBe('Н-2026-001');
    const text = ws.docText(docIdOf(entry.docUrl));
    // The director signs with initials («П. П. Петров»), the curator is named in full where appointed.
    for (const part of ['МБОУ «СОШ № 2»', 'П. П. Петров', 'Орлова Ирина Сергеевна', '25 ноября 2026 г.']) {
      expect(text).toContain(part);
    }
    expect(text).toContain(`№ ${entry.number}`);
    expect(text).toContain('2026–2027 учебный год');
    expect(text).not.toMatch(/\{\{|\}\}/);
    const rows = registerRows(ws);
    expect(rows).toEqual([
      expect.objectContaining({ '№': 'Н-2026-001', Дата: '25.11.2026', Статус: 'черновик', 'Связано с': '2026–2027' }),
    ]);
  });

  test('a run that stops between copying the template and linking the copy does not make a second Doc', async () => {
    const ws = await setUpWorkspace();
    ws.run('setupSchoolYear', { director: 'Петров Пётр Петрович', curator: 'Орлова Ирина Сергеевна' });
    // The first openById reads the template, the second opens the fresh copy: stop there.
    ws.failAt('DocumentApp.openById', 2);
    expect(() => ws.run('generateDocuments', { kind: 'regulationOrder' })).toThrow();
    expect(filesIn(ws, 'Приказы')).toHaveLength(1);
    expect(registerRows(ws)[0]['Документ (ссылка)']).toBe('');
    const view = api(ws, 'getDocumentsView');
    const done = api(ws, 'continueDocuments', view.job!.jobId);
    expect(done.finished).toBe(true);
    expect(filesIn(ws, 'Приказы')).toHaveLength(1);
    expect(docIdOf(done.results[0].docUrl)).toBe(filesIn(ws, 'Приказы')[0].id);
    expect(ws.docText(filesIn(ws, 'Приказы')[0].id)).toContain('П. П. Петров');
    expect(registerRows(ws).map((r) => r['№'])).toEqual(['Н-2026-001']);
  });

  test('the pairs order lists every confirmed pair with consent, warns about the others, links the pairs', async () => {
    const ws = await demo();
    // One confirmed pair loses its mentor's consent to the additional duties.
    const pairs = records(ws, PAIRS).filter((p) => p['Статус'] === 'утверждено');
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    const excluded = pairs[0];
    const mentors = records(ws, 'Наставники');
    const mentorRow = mentors.findIndex((m) => m.ID === excluded['ID наставника']) + 2;
    ws.edit('Наставники', `${columnOf(ws, 'Наставники', 'Согласие на доп. обязанности')}${mentorRow}`, 'Нет');

    const preview = api(ws, 'previewDocuments', 'pairsOrder');
    expect(preview.problems).toEqual([]);
    expect(preview.warnings.join('\n')).toContain(excluded['ID']);
    expect(preview.table.rows).toHaveLength(pairs.length - 1);

    const progress = generateDocuments(ws, { kind: 'pairsOrder', date: '2026-11-26' });
    const url = progress.results[0].docUrl;
    const text = ws.docText(docIdOf(url));
    for (const pair of pairs.slice(1)) {
      expect(text).toContain(pair['Наставник']);
      for (const mentee of pair['Наставляемые'].split('; ')) expect(text).toContain(mentee);
    }
    expect(text).not.toContain(excluded['Наставник']);
    expect(text).not.toMatch(/\{\{/);
    const after = records(ws, PAIRS);
    for (const pair of pairs.slice(1)) expect(after.find((p) => p.ID === pair.ID)!['Приказ (ссылка)']).toBe(url);
  });

  test('regenerating a draft updates the same Doc; a signed document is never overwritten', async () => {
    const ws = await setUpWorkspace({ demo: false });
    ws.run('setupSchoolYear', { director: 'Петров Пётр Петрович', curator: 'Орлова Ирина' });
    const first = generateDocuments(ws, { kind: 'regulationOrder' }).results[0];
    ws.run('setupSchoolYear', { director: 'Сидорова Нина Ивановна' });
    const second = generateDocuments(ws, { kind: 'regulationOrder' }).results[0];
    expect(second.number).toBe(first.number);
    expect(second.docUrl).toBe(first.docUrl);
    expect(filesIn(ws, 'Приказы')).toHaveLength(1);
    // Rebuilt from the template in place: the same layout, no blank line gained.
    const layout = filesIn(ws, 'Шаблоны').find((f) => /Положени/.test(f.name))!;
    expect(ws.docModel(docIdOf(second.docUrl))!.body).toHaveLength(ws.docModel(layout.id)!.body.length);
    const text = ws.docText(docIdOf(second.docUrl));
    expect(text).toContain('Н. И. Сидорова');
    expect(text).not.toContain('П. П. Петров');

    // Staff mark it signed: a new run changes nothing and says so.
    const row = registerRows(ws).findIndex((r) => r['№'] === first.number) + 2;
    ws.edit(REGISTER, `${columnOf(ws, REGISTER, 'Статус')}${row}`, 'подписан');
    const revision = ws.docModel(docIdOf(first.docUrl))!.revision;
    ws.run('setupSchoolYear', { director: 'Кто-то Другой' });
    const third = generateDocuments(ws, { kind: 'regulationOrder' });
    expect(third.skipped.join(' ')).toContain(`${first.number} подписан`);
    expect(ws.docModel(docIdOf(first.docUrl))!.revision).toBe(revision);
    expect(filesIn(ws, 'Приказы')).toHaveLength(1);
  });

  test('values are inserted literally: braces, $1, backslashes and regex characters from people', async () => {
    const ws = await setUpWorkspace({ setup: false });
    const hostile = '{{школа}} $1 $& \\1 \\ .* (?<x>a) [x] =HYPERLINK("http://evil")';
    ws.run('setupSchoolYear', {
      school: 'Школа $2 {{директор}}',
      startYear: 2026,
      director: hostile,
      curator: 'Куратор {{куратор}}',
    });
    const entry = generateDocuments(ws, { kind: 'regulationOrder' }).results[0];
    const text = ws.docText(docIdOf(entry.docUrl));
    expect(text).toContain(hostile);
    expect(text).toContain('Школа $2 {{директор}}');
    expect(text).toContain('Куратор {{куратор}}');
    expect(text).not.toContain('\uE000');
  });
});

describe('templates staff edit', () => {
  test('an edit in the template is kept in every generated document', async () => {
    const ws = await setUpWorkspace();
    ws.run('setupSchoolYear', { director: 'Петров Пётр Петрович', curator: 'Орлова Ирина' });
    const doc = template(ws, /Положени/);
    doc.getBody().appendParagraph('Приложение 3. Список наставников — у куратора {{куратор}}.');
    doc.saveAndClose();
    const entry = generateDocuments(ws, { kind: 'regulationOrder' }).results[0];
    expect(ws.docText(docIdOf(entry.docUrl))).toContain('Приложение 3. Список наставников — у куратора Орлова Ирина.');
  });

  test('unknown and broken placeholders are listed before anything is generated', async () => {
    const ws = await setUpWorkspace();
    ws.run('setupSchoolYear', { director: 'Петров Пётр Петрович', curator: 'Орлова Ирина' });
    const doc = template(ws, /Положени/);
    doc.getBody().appendParagraph('Подпись: {{директорр}} и {{школа');
    doc.saveAndClose();
    const preview = api(ws, 'previewDocuments', 'regulationOrder');
    const problems = preview.problems.join('\n');
    expect(problems).toContain('{{директорр}}');
    expect(problems).toContain('{{школа');
    const files = ws.files().length;
    expect(() => ws.run('generateDocuments', { kind: 'regulationOrder' })).toThrow(/директорр/);
    expect(ws.files()).toHaveLength(files);
    expect(ws.values(REGISTER) ?? [[]]).toHaveLength(1);
  });
});

describe('consent statements in batches', () => {
  test('one statement per participant, numbers never reused, after a run that died halfway', async () => {
    const ws = await demo();
    const people = [...records(ws, 'Наставляемые'), ...records(ws, 'Наставники')].filter(
      (p) => p['Статус'] !== 'отозвано',
    );
    const existing = filesIn(ws, 'Согласия').length;
    // The demo made the statements already: this batch updates the mentors' drafts, and dies halfway.
    const mentors = records(ws, 'Наставники').filter((p) => p['Статус'] !== 'отозвано');
    // A new director: every draft is made again (unchanged drafts would be left as they are).
    ws.run('setupSchoolYear', { director: 'Сидорова Нина Ивановна' });
    ws.failAt('Document.saveAndClose', 3);
    expect(() => generateDocuments(ws, { kind: 'consentDuties' })).toThrow();
    const view = api(ws, 'getDocumentsView');
    expect(view.job?.finished).toBe(false);
    let progress = api(ws, 'continueDocuments', view.job!.jobId);
    while (!progress.finished) progress = api(ws, 'continueDocuments', progress.jobId);
    expect(progress.done).toBe(mentors.length);

    const duties = registerRows(ws).filter((r) => r['Вид'] === 'Согласие на наставничество');
    expect(new Set(duties.map((r) => r['Связано с'])).size).toBe(mentors.length);
    expect(duties).toHaveLength(mentors.length);
    const numbers = registerRows(ws).map((r) => r['№']);
    expect(new Set(numbers).size).toBe(numbers.length);
    // Every Doc in «Согласия» is in the register, none twice.
    const linked = new Set(registerRows(ws).map((r) => docIdOf(r['Документ (ссылка)'] || '/d/none/')));
    const docs = filesIn(ws, 'Согласия').filter((f) => f.mimeType === 'application/vnd.google-apps.document');
    expect(docs.every((d) => linked.has(d.id))).toBe(true);
    expect(docs).toHaveLength(existing);
    expect(people.length).toBeGreaterThan(mentors.length);
  });

  test('a batch the sidebar left is finished by the hourly trigger, which then goes back to daily (reminders)', async () => {
    const ws = await demo();
    // A new director: every statement is made again, more than one sidebar call holds.
    ws.run('setupSchoolYear', { director: 'Сидорова Нина Ивановна' });
    const first = api(ws, 'generateDocuments', { kind: 'consentPersonalData' });
    expect(first.finished).toBe(false);
    expect(ws.triggers().filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);
    ws.advanceTo('2026-11-25T16:00:00+03:00');
    const view = api(ws, 'getDocumentsView');
    expect(view.job).toBeNull();
    // Still one trigger, but no more hourly runs: the next is tomorrow's reminders at 7:00.
    expect(ws.triggers().filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);
    expect(ws.advanceTo('2026-11-26T06:00:00+03:00')).toHaveLength(0);
    expect(ws.advanceTo('2026-11-26T08:00:00+03:00')).toHaveLength(1);
    const statements = registerRows(ws).filter((r) => r['Вид'] === 'Согласие на обработку ПДн');
    expect(statements).toHaveLength(first.total);
  });
  test('the hourly run leaves alone a batch the sidebar is making, and carries it on once the sidebar stops', async () => {
    const ws = await demo();
    // A new director: every statement is made again, more than one sidebar call holds.
    ws.run('setupSchoolYear', { director: 'Сидорова Нина Ивановна' });
    const first = api(ws, 'generateDocuments', { kind: 'consentPersonalData' });
    expect(first.finished).toBe(false);
    const hourly = ws.triggerRegistry.list({ eventType: 'CLOCK' })[0].nextRunMs!;
    // The sidebar asks for the next chunk half a minute before the hourly run.
    ws.advance(hourly - 30_000 - ws.env.now());
    const chunk = api(ws, 'continueDocuments', first.jobId);
    expect(chunk.done).toBeGreaterThan(first.done);
    const runs = ws.advanceTo(new Date(hourly + 1000).toISOString());
    expect(runs.map((r) => r.ok)).toEqual([true]);
    expect(api(ws, 'getDocumentsView').job?.done).toBe(chunk.done);
    // The sidebar was closed: the next hourly run finishes the batch, each statement once.
    ws.advanceTo(new Date(hourly + 3_600_000 + 1000).toISOString());
    expect(api(ws, 'getDocumentsView').job).toBeNull();
    const statements = registerRows(ws).filter((r) => r['Вид'] === 'Согласие на обработку ПДн');
    expect(statements).toHaveLength(first.total);
  });
});

describe('a batch the trigger cannot finish', () => {
  test('is stopped with the reason instead of being retried every hour', async () => {
    const ws = await demo();
    // A new director: every statement is made again, more than one sidebar call holds.
    ws.run('setupSchoolYear', { director: 'Сидорова Нина Ивановна' });
    const first = api(ws, 'generateDocuments', { kind: 'consentPersonalData' });
    expect(first.finished).toBe(false);
    const doc = template(ws, /персональных данных/);
    doc.getBody().appendParagraph('{{подпись_родителя}}');
    doc.saveAndClose();
    ws.advanceTo('2026-11-25T13:00:00+03:00');
    expect(ws.triggers().filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);
    expect(ws.advanceTo('2026-11-26T06:00:00+03:00')).toHaveLength(0);
    const view = api(ws, 'getDocumentsView');
    expect(view.job).toBeNull();
    const done = api(ws, 'continueDocuments', first.jobId);
    expect(done.finished).toBe(true);
    expect(done.skipped.join(' ')).toMatch(/Остановлено: [\s\S]*\{\{подпись_родителя\}\}/);
  });
});

describe('withdrawal of consent', () => {
  test("the person's draft statements go to the trash and their register rows lose the name", async () => {
    const ws = await demo();
    const pairs = records(ws, PAIRS);
    const inPair = new Set(pairs.flatMap((p) => [p['ID наставника'], ...p['ID наставляемых'].split('; ')]));
    const person = records(ws, 'Наставляемые').find((p) => !inPair.has(p.ID))!;
    const before = registerRows(ws).filter((r) => r['Связано с'] === person.ID);
    expect(before).toHaveLength(1);
    const docId = docIdOf(before[0]['Документ (ссылка)']);
    expect(ws.docText(docId)).toContain(person['ФИО']);

    const form = withdrawalForm({ operator: 'x' });
    const confirm = form.questions.find((q) => q.key === 'confirm')!.title;
    ws.submitForm('Отзыв согласия', { [confirm]: [WITHDRAWAL_CHOICE] }, { email: person.Email });

    expect(ws.files().some((f) => f.id === docId)).toBe(false);
    const after = registerRows(ws).filter((r) => r['Связано с'] === person.ID);
    expect(after).toEqual([
      expect.objectContaining({ '№': before[0]['№'], Статус: 'удалён (отзыв согласия)', 'Документ (ссылка)': '' }),
    ]);
    expect(JSON.stringify(ws.values(REGISTER))).not.toContain(person['ФИО']);
  });
});

describe('PDF', () => {
  test('a PDF is saved next to the Doc and replaced when the draft is regenerated', async () => {
    const ws = await demo();
    // The demo's pairs order has a PDF already: a new run replaces it, a run without PDF removes it.
    const pdfs = () => filesIn(ws, 'Приказы').filter((f) => f.mimeType === 'application/pdf');
    expect(pdfs()).toHaveLength(1);
    const first = generateDocuments(ws, { kind: 'pairsOrder', pdf: true }).results[0];
    expect(first.pdfUrl).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
    expect(pdfs()).toHaveLength(1);
    expect(ws.fileNode(pdfs()[0].id)!.pdfOf).toBeTruthy();
    const second = generateDocuments(ws, { kind: 'pairsOrder', pdf: true }).results[0];
    expect(pdfs()).toHaveLength(1);
    expect(pdfs()[0].id).toBe(docIdOf(second.pdfUrl!));
    const third = generateDocuments(ws, { kind: 'pairsOrder' }).results[0];
    expect(third.pdfUrl).toBeNull();
    expect(pdfs()).toHaveLength(0);
  });
});

describe('the sidebar view', () => {
  test('lists kinds with template links and the register, as plain JSON', async () => {
    const ws = await demo();
    const view = api(ws, 'getDocumentsView');
    expect(view.period).toBe('2026–2027');
    expect(view.kinds.map((k) => k.id)).toEqual([
      'regulationOrder',
      'pairsOrder',
      'program',
      'consentPersonalData',
      'consentDuties',
      'analyticalReport',
      'newsDraft',
    ]);
    expect(view.kinds.every((k) => k.templateUrl?.startsWith('https://docs.google.com/document/d/'))).toBe(true);
    expect(view.recent.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  test('before setup the view says so and generation is refused in Russian', async () => {
    const ws = await setUpWorkspace({ setup: false });
    const view = api(ws, 'getDocumentsView');
    expect(view.period).toBeNull();
    expect(() => ws.run('generateDocuments', { kind: 'regulationOrder' })).toThrow(/Настроить учебный год/);
    expect(() => ws.run('generateDocuments', { kind: 'nonsense' })).toThrow(/Неизвестный вид документа/);
  });
});
