/**
 * Roles on the built bundle: the managing account and the staff named on «Настройки» manage pairs,
 * documents and mailings; a teacher's account is refused in Russian on every such call, sees only its
 * own pair in «Моя пара», and cannot edit the banks.
 */
import { DEMO_USERS, type Workspace } from '../../workspace/workspace';
import { records, useDemoSchool } from './workspace';
import { api } from './api';

const TEACHER = DEMO_USERS.teacher;
const demo = useDemoSchool('roles');

const snapshot = (ws: Workspace) => ({
  pairs: ws.values('Пары и группы'),
  files: ws.files().length,
  mail: ws.mail().length,
});

describe('a teacher’s account', () => {
  test('is refused in Russian on pairing, documents and mailings; nothing changes', async () => {
    const ws = await demo();
    const before = snapshot(ws);
    ws.setUser(TEACHER);
    expect(() => ws.run('proposePairs', {})).toThrow('«Подобрать пары» вам недоступно.');
    expect(() => ws.run('proposePairs', {})).toThrow(`Вашей учётной записи (${TEACHER}) среди них нет`);
    expect(() => ws.run('savePairs', {})).toThrow('«Сохранить пары» вам недоступно.');
    expect(() => ws.run('sendFormLinks')).toThrow('«Разослать ссылки» вам недоступно.');
    expect(() => ws.run('listProgramPairs')).toThrow('вам недоступно');
    expect(() => ws.run('getYearView')).toThrow('вам недоступно');
    expect(() => ws.run('generateDocuments', { kind: 'pairsOrder' })).toThrow(
      `ведёт учётная запись ${DEMO_USERS.methodologist}`,
    );
    expect(snapshot(ws)).toEqual(before);
  });

  test('the curator named on «Настройки» may pair; the menu opens «Моя пара» for the teacher', async () => {
    const ws = await demo();
    ws.setUser(DEMO_USERS.staff);
    expect(api(ws, 'proposePairs', {}).units.length).toBeGreaterThan(0);
    ws.setUser(TEACHER);
    ws.run('menuShowPairing');
    const sidebar = ws.ui.dialogs[ws.ui.dialogs.length - 1];
    expect(sidebar.kind).toBe('sidebar');
    expect(String((sidebar as { html?: string }).html ?? JSON.stringify(sidebar))).toContain('"mine"');
  });

  test('«Моя пара» shows a mentor only the pairs they are in', async () => {
    const ws = await demo();
    const pairs = records(ws, 'Пары и группы').filter((p) => p['Статус'] === 'утверждено');
    const pair = pairs[0];
    const email = records(ws, 'Наставники').find((m) => m.ID === pair['ID наставника'])!.Email;
    ws.setUser(email);
    const view = api(ws, 'getMyPair');
    expect(view.manages).toBe(false);
    expect(view.notice).toContain('Подбор пар, программы, документы и рассылки ведут');
    const own = pairs.filter((p) => p['ID наставника'] === pair['ID наставника']).map((p) => p.ID);
    expect(view.pairs.map((p) => p.pairId)).toEqual(own);
    expect(view.pairs[0]).toMatchObject({ role: 'наставник', mentorName: pair['Наставник'] });
    expect(view.pairs[0].activities.length).toBeGreaterThan(0);
    // The teacher of the workspace is in no bank: told so, shown nothing.
    ws.setUser(TEACHER);
    const none = api(ws, 'getMyPair');
    expect(none.pairs).toEqual([]);
    expect(none.empty).toContain(`Адреса ${TEACHER} нет в столбце «Email»`);
  });

  test('without an e-mail from Google the account is not a manager, and is told why', async () => {
    const ws = await demo();
    ws.setUser('');
    expect(() => ws.run('savePairs', {})).toThrow('Google не сообщил адрес вашей учётной записи');
  });

  test('a teacher cannot edit a bank cell; the curator can', async () => {
    const ws = await demo();
    const cell = 'C2';
    const name = ws.values('Наставляемые')![1][2];
    ws.setUser(TEACHER);
    expect(() => ws.edit('Наставляемые', cell, 'Петров Пётр Петрович')).toThrow();
    expect(ws.values('Наставляемые')![1][2]).toBe(name);
    ws.setUser(DEMO_USERS.staff);
    ws.edit('Наставляемые', cell, 'Иванова Ирина Петровна');
    expect(ws.values('Наставляемые')![1][2]).toBe('Иванова Ирина Петровна');
  });
});
