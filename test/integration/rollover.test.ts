import type { Workspace } from '../../workspace/workspace';
import { api } from './api';
import { MAY, NOW, records, useDemoSchool } from './workspace';

/** The demo school on 14 May 2027: the year 2026–2027 is done, monitoring answered. */
const demo = useDemoSchool('rollover', MAY);
/** The demo school on 25 November 2026, the year running. */
const autumn = useDemoSchool('rollover-autumn', NOW);

const YEAR_SHEETS = ['Пары и группы', 'Программы', 'Мониторинг', 'Встречи', 'Мероприятия', 'Выбор наставника'];
const OLD = '2026–2027';
const BANKS = ['Наставляемые', 'Наставники'];

/** Every sheet's values by name (but «Журнал», which logs each run), to compare whole spreadsheets. */
function snapshot(ws: Workspace): Record<string, string[][] | null> {
  const ss = ws.spreadsheet().getActiveSpreadsheet();
  const names = ss.getSheets().map((s) => s.getName());
  return Object.fromEntries(names.filter((n) => n !== 'Журнал').map((n) => [n, ws.values(n)]));
}

describe('year rollover', () => {
  test('the next year archives last year read-only, keeps the banks and carries continuing pairs', async () => {
    const ws = await demo();
    const before = snapshot(ws);
    const lastPrograms = records(ws, 'Программы');
    const lastPairs = records(ws, 'Пары и группы').filter((p) => p['Статус'] === 'утверждено');
    const people = BANKS.flatMap((b) => records(ws, b));

    const result = api(ws, 'setupSchoolYear', { startYear: 2027 });
    expect(result.period).toBe('2027–2028');
    expect(result.yearArchives).toEqual(YEAR_SHEETS.map((n) => `${n} ${OLD}`));
    expect(result.message).toContain(`«Пары и группы ${OLD}»`);

    // Archived whole, values unchanged, and read-only for everyone but the curator and the manager.
    const ss = ws.spreadsheet().getActiveSpreadsheet();
    for (const name of [...YEAR_SHEETS, 'Дорожная карта']) {
      expect(ws.values(`${name} ${OLD}`)).toEqual(before[name]);
      const protections = ss.getSheetByName(`${name} ${OLD}`)!.getProtections(ws.spreadsheet().ProtectionType.SHEET);
      expect(protections).toHaveLength(1);
      expect(protections[0].isWarningOnly()).toBe(false);
      // The managing account (the demo's methodologist, its owner) and the curator's e-mail in «Настройки».
      expect(protections[0].getEditors().map((u) => u.getEmail())).toEqual([
        'metodist@school2.example',
        'zavuch@school2.example',
      ]);
    }

    // Everyone stays in the banks, statuses reset for the new pairing, with the year's history line.
    const after = BANKS.flatMap((b) => records(ws, b));
    expect(after.map((p) => p['ID'])).toEqual(people.map((p) => p['ID']));
    const going = new Set(records(ws, 'Пары и группы').map((p) => p['ID']));
    expect(going.size).toBeGreaterThan(0);
    for (const person of after.filter((p) => p['Статус'] !== 'отозвано')) {
      expect(['в банке', 'в паре']).toContain(person['Статус']);
      expect(person['История']).toMatch(new RegExp(`(^|\\n)${OLD}: `));
      const old = people.find((p) => p['ID'] === person['ID'])!;
      expect(person['История'].startsWith(old['История'])).toBe(true);
    }
    const inPair = after.filter((p) => p['Статус'] === 'в паре').map((p) => p['ID']);
    const goingPairs = lastPairs.filter((p) => going.has(p['ID']));
    expect(inPair.sort()).toEqual(
      goingPairs.flatMap((p) => [p['ID наставника'], ...p['ID наставляемых'].split(/;\s*/)]).sort(),
    );

    // Unfinished activities of continuing pairs, and only they, are carried as «перенесено».
    const unfinished = lastPrograms.filter(
      (a) => going.has(a['Пара/группа']) && !['выполнено', 'отменено'].includes(a['Статус']) && a['Архив'] !== 'да',
    );
    expect(unfinished.length).toBeGreaterThan(0);
    const carried = records(ws, 'Программы');
    expect(carried.map((a) => [a['ID программы'], a['ID мероприятия'], a['Статус']])).toEqual(
      unfinished.map((a) => [a['ID программы'], a['ID мероприятия'], 'перенесено']),
    );
    expect(result.message).toContain(`перенесено невыполненных мероприятий программ: ${unfinished.length}`);

    // The new period's Drive folder.
    const folders = ws.files().filter((f) => f.mimeType === 'application/vnd.google-apps.folder' && !f.path);
    expect(folders.map((f) => f.name)).toEqual(expect.arrayContaining(['Наставничество 2027–2028']));

    // Last year's rankings do not steer the next pairing; the mentees back in the bank choose again.
    expect(ws.spreadsheet().getActiveSpreadsheet().getSheetByName('Выбор наставника')).toBeNull();
    const inBank = records(ws, 'Наставляемые').filter((p) => p['Статус'] === 'в банке');
    expect(api(ws, 'sendChoiceLinks').sent).toBe(inBank.length);

    // A second run finds everything done: no sheet changes.
    const once = snapshot(ws);
    const again = api(ws, 'setupSchoolYear', { startYear: 2027 });
    expect(again.yearArchives).toEqual([]);
    expect(snapshot(ws)).toEqual(once);
  });
});

describe('a pair the January check-in flagged («требует внимания»)', () => {
  const FLAGGED = 'ПГ-003';
  const history = (ws: Workspace, id: string) =>
    BANKS.flatMap((b) => records(ws, b)).find((p) => p['ID'] === id)!['История'];

  test('goes on, approved, when both sides say in the final monitoring they go on', async () => {
    const ws = await demo();
    const flagged = records(ws, 'Пары и группы').find((p) => p['ID'] === FLAGGED)!;
    expect(flagged['Статус']).toBe('требует внимания');
    // The one mentee of the group who had not answered the final monitoring answers it, rating the mentor 8.
    const answers = ws.values('Мониторинг — ответы')!;
    const row = answers[0].map(
      (h) =>
        ({ 'Учебный год': OLD, 'ID участника': 'НС-0028', Роль: 'наставляемый', 'Пара/группа': FLAGGED })[h] ??
        (h === 'Удовлетворённость работой с наставником' ? '8' : ''),
    );
    ws.edit('Мониторинг — ответы', `A${answers.length + 1}`, [row]);

    api(ws, 'setupSchoolYear', { startYear: 2027 });
    const carried = records(ws, 'Пары и группы').find((p) => p['ID'] === FLAGGED)!;
    expect(carried['Статус']).toBe('утверждено');
    expect(carried['История'].split('\n')).toEqual([
      ...flagged['История'].split('\n'),
      `${OLD}: по итоговому мониторингу обе стороны хотят продолжить — пара продолжает работу в новом учебном году`,
    ]);
    // The archive keeps the year as it was.
    const archived = records(ws, `Пары и группы ${OLD}`).find((p) => p['ID'] === FLAGGED)!;
    expect(archived).toEqual(flagged);
    for (const id of ['НТ-0003', 'НС-0003', 'НС-0021', 'НС-0028']) {
      expect(history(ws, id).split('\n').pop()).toBe(
        `${OLD}: в паре ${FLAGGED}; пара продолжает работу в новом учебном году`,
      );
    }
  });

  test('is not carried when a side did not say so; its people are back in the bank, the year in their history', async () => {
    const ws = await demo();
    api(ws, 'setupSchoolYear', { startYear: 2027 });
    expect(records(ws, 'Пары и группы').map((p) => p['ID'])).not.toContain(FLAGGED);
    for (const id of ['НТ-0003', 'НС-0003', 'НС-0021', 'НС-0028']) {
      expect(history(ws, id).split('\n').pop()).toBe(
        `${OLD}: в паре ${FLAGGED}; в новом учебном году — в банке для подбора`,
      );
    }
  });
});

describe('a rollover at the wrong time', () => {
  test('a year that is not the next one is refused with a Russian message, nothing changed', async () => {
    const ws = await demo();
    const before = snapshot(ws);
    expect(() => api(ws, 'setupSchoolYear', { startYear: 2028 })).toThrow(
      'Дополнение ведёт 2026–2027 учебный год, а выбран 2028–2029. Годы закрываются по одному: выберите в поле «Учебный год» 2027–2028.',
    );
    expect(snapshot(ws)).toEqual(before);
  });

  test('the next year while this one still runs is refused with a Russian message, nothing changed', async () => {
    const ws = await autumn();
    const before = snapshot(ws);
    expect(() => api(ws, 'setupSchoolYear', { startYear: 2027 })).toThrow(
      'Учебный год 2026–2027 ещё идёт. Переход на 2027–2028 закрывает его',
    );
    expect(snapshot(ws)).toEqual(before);
    expect(records(ws, 'Настройки').find((r) => Object.values(r).includes('2027–2028'))).toBeUndefined();
  });

  test('going back to the year a rollover closed is refused with a Russian message, nothing changed', async () => {
    const ws = await demo();
    api(ws, 'setupSchoolYear', { startYear: 2027 });
    // The dialog does not offer it…
    expect(api(ws, 'getSetupDefaults').startYears).not.toContain(2026);
    // …and a request for it changes nothing.
    const before = snapshot(ws);
    expect(() => api(ws, 'setupSchoolYear', { startYear: 2026 })).toThrow(
      'Учебный год 2026–2027 закрыт: его листы — в архиве, только для просмотра. Вернуться к нему нельзя: выберите в поле «Учебный год» 2027–2028.',
    );
    expect(snapshot(ws)).toEqual(before);
  });
});

test('a copy staff saved under the archive’s name is left alone; the year is archived beside it', async () => {
  const ws = await demo();
  const ss = ws.spreadsheet().getActiveSpreadsheet();
  const pairs = ws.values('Пары и группы')!;
  // A curator's own backup made before the rollover, named as the archive will be.
  ss.insertSheet(`Пары и группы ${OLD}`);
  ws.edit(`Пары и группы ${OLD}`, 'A1', pairs);

  const result = api(ws, 'setupSchoolYear', { startYear: 2027 });
  expect(result.yearArchives).toContain(`Пары и группы ${OLD} (2)`);
  expect(ws.values(`Пары и группы ${OLD} (2)`)).toEqual(pairs);
  const [protection] = ss
    .getSheetByName(`Пары и группы ${OLD} (2)`)!
    .getProtections(ws.spreadsheet().ProtectionType.SHEET);
  expect(protection.isWarningOnly()).toBe(false);
  expect(ws.values(`Пары и группы ${OLD}`)).toEqual(pairs);
  // The new year's sheet holds only the pairs that go on, as when there is no copy.
  expect(records(ws, 'Пары и группы').map((p) => p['ID'])).toEqual(['ПГ-001', 'ПГ-002']);
});

test('a run cut short after archiving is finished by the next one, which archives nothing twice', async () => {
  const ws = await demo();
  const ss = ws.spreadsheet().getActiveSpreadsheet();
  ss.insertSheet(`Пары и группы ${OLD}`);
  ws.edit(`Пары и группы ${OLD}`, 'A1', ws.values('Пары и группы')!);
  // The six year sheets are renamed; the seventh rename (the roadmap's) hits the execution time limit.
  ws.failAt('Sheet.setName', YEAR_SHEETS.length + 1);
  expect(() => api(ws, 'setupSchoolYear', { startYear: 2027 })).toThrow();
  const cut = snapshot(ws);

  const result = api(ws, 'setupSchoolYear', { startYear: 2027 });
  expect(result.yearArchives).toEqual([]);
  expect(result.message).toContain(`архивные листы ${OLD} уже были созданы и не менялись`);
  for (const name of [...YEAR_SHEETS.map((n) => `${n} ${OLD}`), `Пары и группы ${OLD} (2)`]) {
    expect(ws.values(name)).toEqual(cut[name]);
  }
  expect(ss.getSheetByName(`Пары и группы ${OLD} (3)`)).toBeNull();
  expect(records(ws, 'Пары и группы').map((p) => p['ID'])).toEqual(['ПГ-001', 'ПГ-002']);
});
