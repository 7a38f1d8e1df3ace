import { records, ROADMAP, rowOf, setUpWorkspace, useDemoSchool } from './workspace';
import { api, progressReport } from './api';

describe('setupSchoolYear on the built bundle', () => {
  test('the add-on menu offers the setup, the progress panel, the summary refresh and the questionnaires', async () => {
    const ws = await setUpWorkspace({ setup: false });
    expect(ws.menu()).toEqual([
      { caption: 'Настроить учебный год…', fn: 'menuSetupSchoolYear' },
      { caption: 'Ход реализации', fn: 'menuShowProgress' },
      { caption: 'Подбор пар', fn: 'menuShowPairing' },
      { caption: 'Программы наставничества', fn: 'menuShowPrograms' },
      { caption: 'Документы', fn: 'menuShowDocuments' },
      { caption: 'Итоги года', fn: 'menuShowYear' },
      { caption: 'Моя пара', fn: 'menuShowMyPair' },
      { caption: 'Обновить сводку', fn: 'menuRefreshSummary' },
      { caption: 'Выгрузка для района', fn: 'menuDistrictExport' },
      { caption: 'Создать/обновить анкеты', fn: 'menuSetupQuestionnaires' },
      { caption: 'Ссылки на анкеты', fn: 'menuShowForms' },
      { caption: 'Обработать ответы заново', fn: 'menuReplayResponses' },
      { caption: 'Разослать ссылки', fn: 'menuSendFormLinks' },
    ]);
    expect(ws.ui.menus[0].items[10]).toMatchObject({ kind: 'submenu', caption: 'Анкеты' });
  });

  test('creates the tracker sheets, roadmap first, and removes the empty default sheet', async () => {
    const ws = await setUpWorkspace();
    expect(ws.sheetNames()).toEqual([
      ROADMAP,
      'Настройки',
      'Справочники',
      // Hidden: the add-on's own state (src/state), written first when the period is stored.
      'Служебные данные',
      'Сводка',
      'Пары и группы',
      'Мероприятия',
      'Встречи',
      'Методическая копилка',
      'Публикации',
      'Журнал',
    ]);
  });

  test('the roadmap has all 7 stages of the seed with dates for the period 2026–2027', async () => {
    const ws = await setUpWorkspace();
    const rows = records(ws, ROADMAP);
    expect(Object.keys(rows[0])).toEqual([
      '№',
      'Этап',
      'Мероприятие',
      'Срок начала',
      'Срок окончания',
      'Ответственный',
      'Статус',
      'Дата выполнения',
      'Подтверждение (ссылка)',
      'Комментарий',
    ]);
    const stages = rows.filter((r) => /^\d$/.test(r['№']));
    expect(stages.map((r) => r['№'])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(stages[0]['Этап']).toBe('1. Подготовка условий для реализации системы наставничества');
    const byNo = Object.fromEntries(rows.map((r) => [r['№'], r]));
    expect(byNo['1.3']).toMatchObject({
      'Срок начала': '01.02.2026',
      'Срок окончания': '28.02.2026',
      Статус: 'Не начато',
    });
    expect(byNo['2.1']).toMatchObject({ 'Срок начала': '01.05.2026', 'Срок окончания': '31.08.2026' });
    expect(byNo['5.3']).toMatchObject({ 'Срок начала': '01.09.2026', 'Срок окончания': '31.05.2027' });
    expect(byNo['6.1']).toMatchObject({ 'Срок начала': '01.04.2027', 'Срок окончания': '31.05.2027' });
    expect(rows.filter((r) => r['№'].includes('.')).length).toBe(22);
  });

  test('stage rows are bold on a tinted background; the header row is frozen', async () => {
    const ws = await setUpWorkspace();
    const stageRow = rowOf(ws, '3');
    expect(ws.format(ROADMAP, `C${stageRow}`)).toMatchObject({ fontWeight: 'bold', background: '#eef3fb' });
    expect(ws.model.sheets.find((s) => s.name === ROADMAP)!.frozenRows).toBe(1);
  });

  test('names the responsible people from the options, and role titles where none was given', async () => {
    const ws = await setUpWorkspace({ setup: false });
    ws.run('setupSchoolYear', { school: 'Школа', director: 'Иванова М. П.', startYear: 2026 });
    const byNo = Object.fromEntries(records(ws, ROADMAP).map((r) => [r['№'], r]));
    expect(byNo['1.4.1']['Ответственный']).toBe('Иванова М. П.');
    expect(byNo['5.3']['Ответственный']).toBe('Педагог-психолог');
  });

  test('writes «Настройки» and reads them back when run again without options', async () => {
    const ws = await setUpWorkspace();
    const settings = Object.fromEntries(
      ws
        .values('Настройки')!
        .slice(1)
        .map(([k, v]) => [k, v]),
    );
    expect(settings).toMatchObject({
      'Образовательная организация': 'МБОУ «СОШ № 2»',
      'Учебный год': '2026–2027',
      'Часовой пояс': 'Europe/Moscow',
    });
    const result = api(ws, 'setupSchoolYear');
    expect(result.period).toBe('2026–2027');
    expect(result.archivedSheet).toBeNull();
  });

  test('without options or settings the period comes from the clock', async () => {
    const ws = await setUpWorkspace({ setup: false, now: '2027-07-01T09:00:00+03:00' });
    const result = api(ws, 'setupSchoolYear');
    expect(result.period).toBe('2027–2028');
  });

  test("«Справочники» lists the statuses the dropdown offers and the questionnaires' lists", async () => {
    const ws = await setUpWorkspace();
    const lists = ws.values('Справочники')!;
    expect(lists.map((r) => r[0]).filter(Boolean)).toEqual([
      'Статусы мероприятий',
      'Не начато',
      'В работе',
      'Выполнено',
      'Отменено',
    ]);
    expect(lists[0]).toContain('Компетенции (запросы)');
  });

  test('«Журнал» records the setup without personal data', async () => {
    const ws = await setUpWorkspace({ setup: false });
    ws.run('setupSchoolYear', { school: 'Школа', director: 'Петров Пётр Петрович', startYear: 2026 });
    const log = ws.values('Журнал')!;
    expect(log[0]).toEqual(['Дата и время', 'Действие', 'Подробности']);
    expect(log[1][0]).toBe('25.11.2026 10:00');
    expect(log[1][1]).toBe('Настройка учебного года');
    expect(log.flat().join(' ')).not.toContain('Петров');
  });
});

describe('bad input gets a clear Russian error and changes nothing', () => {
  test.each([
    [{ startYear: 'двадцать' }, 'Учебный год указан неверно'],
    [{ startYear: 1999 }, 'Учебный год указан неверно'],
    [{ school: 42 }, 'Поле «Образовательная организация» должно быть текстом'],
    [{ school: '' }, 'Укажите название образовательной организации'],
    [{ timeZone: 'Москва' }, 'Часовой пояс указан неверно'],
    ['2026', 'Параметры настройки должны быть объектом'],
  ])('%j', async (options, message) => {
    const ws = await setUpWorkspace({ setup: false });
    expect(() => ws.run('setupSchoolYear', options)).toThrow(message);
    expect(ws.sheetNames()).toEqual(['Лист1']);
  });

  test('a garbled period in «Настройки» is reported, not guessed', async () => {
    const ws = await setUpWorkspace();
    const row = ws.values('Настройки')!.findIndex((r) => r[0] === 'Учебный год') + 1;
    ws.edit('Настройки', `B${row}`, 'следующий');
    expect(() => ws.run('setupSchoolYear')).toThrow('учебный год записан как «следующий»');
  });

  test('names that look like formulas are stored as text, never run', async () => {
    const ws = await setUpWorkspace({ setup: false });
    ws.run('setupSchoolYear', { school: '=IMPORTXML("http://evil.example")', director: '+7 (900)', startYear: 2026 });
    const settings = ws.values('Настройки')!;
    expect(settings.find((r) => r[0] === 'Образовательная организация')![1]).toBe('=IMPORTXML("http://evil.example")');
    const sheet = ws.model.sheets.find((s) => s.name === 'Настройки')!;
    expect(sheet.rows.flat().some((cell) => cell?.formula)).toBe(false);
    expect(records(ws, ROADMAP).find((r) => r['№'] === '1.4.1')!['Ответственный']).toBe('+7 (900)');
  });
});

describe('the demo school', () => {
  const demo = useDemoSchool('setup');

  test('has all 7 stages, some activities done and some overdue', async () => {
    const ws = await demo();
    const rows = records(ws, ROADMAP);
    expect(rows.filter((r) => /^\d$/.test(r['№'])).length).toBe(7);
    const done = rows.filter((r) => r['Статус'] === 'Выполнено');
    expect(done.length).toBeGreaterThan(5);
    expect(done.every((r) => r['Дата выполнения'] !== '' && r['Подтверждение (ссылка)'].startsWith('https://'))).toBe(
      true,
    );
    const report = progressReport(ws);
    // The demo left two activities overdue; writing the programs closed one of them (5.2).
    expect(report.overdue.length).toBe(1);
    expect(report.overall.done).toBe(done.length);
  });

  test("has the teachers' answers in the banks, filed by the real trigger", async () => {
    const ws = await demo();
    expect(records(ws, 'Наставляемые')).toHaveLength(40);
    expect(records(ws, 'Наставники')).toHaveLength(15);
    expect(new Set(records(ws, 'Наставляемые').map((r) => r.Email)).size).toBe(40);
    expect(records(ws, 'Наставники').every((r) => r['Согласие на доп. обязанности'] === 'Да')).toBe(true);
    const pairs = records(ws, 'Пары и группы');
    expect(pairs.length).toBeGreaterThan(5);
    expect(pairs.filter((p) => p['Статус'] === 'утверждено')).toHaveLength(3);
  });
});

describe('the setup dialog', () => {
  test('opens with defaults from «Настройки» and the periods around today', async () => {
    const ws = await setUpWorkspace();
    expect(ws.run('getSetupDefaults')).toMatchObject({
      school: 'МБОУ «СОШ № 2»',
      startYear: 2026,
      startYears: [2025, 2026, 2027],
      timeZone: 'Europe/Moscow',
      alreadySetUp: true,
    });
  });

  test('still opens when «Настройки» holds a garbled period, offering the current one', async () => {
    const ws = await setUpWorkspace();
    const row = ws.values('Настройки')!.findIndex((r) => r[0] === 'Учебный год') + 1;
    ws.edit('Настройки', `B${row}`, 'прошлый');
    expect(ws.run('getSetupDefaults')).toMatchObject({ startYear: 2026 });
  });

  test('the menu item opens the shared sidebar bundle as a modal dialog on the setup view', async () => {
    const ws = await setUpWorkspace({ setup: false });
    ws.run('menuSetupSchoolYear');
    const dialog = ws.ui.dialogs[ws.ui.dialogs.length - 1];
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Настройка учебного года', width: 480, height: 640 });
    expect(dialog.kind === 'modal' && dialog.html).toContain('window.__SIDEBAR_VIEW__="setup"');
  });

  test('«Ход реализации» opens the sidebar; without a roadmap the sidebar explains what to do', async () => {
    const ws = await setUpWorkspace({ setup: false });
    ws.run('menuShowProgress');
    expect(ws.ui.dialogs[ws.ui.dialogs.length - 1]).toMatchObject({ kind: 'sidebar', title: 'Наставничество' });
    expect(ws.run('getProgress')).toEqual({ state: 'noRoadmap' });
  });

  test('«Обновить сводку» before setup shows a Russian alert instead of failing', async () => {
    const ws = await setUpWorkspace({ setup: false });
    ws.run('menuRefreshSummary');
    expect(ws.ui.dialogs[ws.ui.dialogs.length - 1]).toMatchObject({
      kind: 'alert',
      message: expect.stringContaining('Дорожная карта ещё не создана'),
    });
  });
});
