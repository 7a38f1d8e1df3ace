/**
 * Documents reach their people (issue 20, part 3): a pair's program is shared with its mentor and
 * mentees as commenters, each person gets one letter per batch within the mail quota, «Документы»
 * records who has access, and a withdrawal of consent takes the access away.
 */
import type { Workspace } from '../../workspace/workspace';
import { WITHDRAWAL_CHOICE, withdrawalForm } from '../../src/domain/questionnaires';
import { columnOf, generateDocuments, records, useDemoSchool } from './workspace';

const demo = useDemoSchool('documentAccess');

const PROGRAM = 'Программа наставничества';
const docIdOf = (url: string) => /\/d\/([^/]+)/.exec(url)![1];

function addresses(ws: Workspace): Map<string, string> {
  const people = [...records(ws, 'Наставляемые'), ...records(ws, 'Наставники')];
  return new Map(people.filter((p) => p['Статус'] !== 'отозвано').map((p) => [p.ID, p.Email.toLowerCase()]));
}

/** Each program row with the addresses of its pair's members. */
function programs(ws: Workspace) {
  const email = addresses(ws);
  const pairs = records(ws, 'Пары и группы');
  return records(ws, 'Документы')
    .filter((r) => r['Вид'] === PROGRAM && r['Документ (ссылка)'])
    .map((row) => {
      const pair = pairs.find((p) => p.ID === row['Связано с'])!;
      const ids = [pair['ID наставника'], ...pair['ID наставляемых'].split('; ')];
      return { row, docId: docIdOf(row['Документ (ссылка)']), people: ids.map((id) => email.get(id)!).sort() };
    });
}

const commenters = (ws: Workspace, id: string) => [...(ws.fileNode(id)!.commenters ?? [])].sort();
const recipients = (mail: ReturnType<Workspace['mail']>) => mail.flatMap((m) => m.to).sort();

function withdraw(ws: Workspace, email: string): void {
  const confirm = withdrawalForm({ operator: 'x' }).questions.find((q) => q.key === 'confirm')!.title;
  const run = ws.submitForm('Отзыв согласия', { [confirm]: [WITHDRAWAL_CHOICE] }, { email });
  expect(run.triggerRuns.every((t) => t.ok)).toBe(true);
}

/**
 * Programs made before the add-on shared them (a school that updates the add-on): nobody on them,
 * «Доступ открыт» empty.
 */
function unshare(ws: Workspace): void {
  const column = columnOf(ws, 'Документы', 'Доступ открыт');
  for (const { docId } of programs(ws)) ws.fileNode(docId)!.commenters = [];
  records(ws, 'Документы').forEach((r, i) => {
    if (r['Вид'] === PROGRAM) ws.edit('Документы', `${column}${i + 2}`, '');
  });
}

/** Letters that carry program links. */
const programLetters = (mail: ReturnType<Workspace['mail']>, ws: Workspace) =>
  mail.filter((m) => programs(ws).some((p) => m.body.includes(p.row['Документ (ссылка)'])));

describe('programs reach their mentor and mentees', () => {
  test('an address without a Google account is told to the curator, and the others are shared with', async () => {
    const ws = await demo();
    unshare(ws);
    const [first, ...rest] = programs(ws);
    const stranger = first.people[0];
    ws.withoutGoogleAccount(stranger);
    const before = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    const letters = ws.mail().slice(before);
    expect(recipients(letters)).not.toContain(stranger);
    const made = programs(ws);
    expect(commenters(ws, made[0].docId)).toEqual(first.people.filter((p) => p !== stranger));
    for (const { docId, people } of made.slice(1)) expect(commenters(ws, docId)).toEqual(people);
    expect(rest.length).toBeGreaterThan(0);
    const log = records(ws, 'Журнал').map((r) => Object.values(r).join(' '));
    const strangerId = [...addresses(ws)].find(([, address]) => address === stranger)![0];
    expect(log.some((line) => line.includes(`${strangerId}: у адреса нет аккаунта Google`))).toBe(true);
    // «Журнал» names people by their id only.
    expect(log.some((line) => line.includes(stranger))).toBe(false);
  });

  test('shared as commenters, recorded on «Документы», one letter per person, nothing twice', async () => {
    const ws = await demo();
    unshare(ws);
    const before = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    const made = programs(ws);
    expect(made.length).toBeGreaterThan(1);
    for (const { row, docId, people } of made) {
      expect(commenters(ws, docId)).toEqual(people);
      expect(row['Доступ открыт'].split(', ').sort()).toEqual(people);
    }
    const letters = ws.mail().slice(before);
    const everyone = [...new Set(made.flatMap((p) => p.people))].sort();
    // One letter per person, however many programs name them.
    expect(recipients(letters)).toEqual(everyone);
    const first = made[0];
    const letter = letters.find((m) => m.to.includes(first.people[0]))!;
    expect(letter.subject).toMatch(/^Наставничество: ваш(и)? документ/);
    expect(letter.body).toContain('Вам открыт доступ к документ');
    expect(letter.body).toContain(first.row['Документ (ссылка)']);
    expect(letter.body).not.toMatch(/undefined|\[object|\.\./);

    // A second batch opens nothing new and writes to nobody.
    const again = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    expect(ws.mail().length).toBe(again);
    for (const { docId, people } of programs(ws)) expect(commenters(ws, docId)).toEqual(people);
  });

  test('the demo school: every program is open to its people, each got one letter with the programs', async () => {
    const ws = await demo();
    const made = programs(ws);
    expect(made.length).toBeGreaterThan(1);
    for (const { docId, people } of made) expect(commenters(ws, docId)).toEqual(people);
    const everyone = [...new Set(made.flatMap((p) => p.people))].sort();
    expect(recipients(programLetters(ws.mail(), ws))).toEqual(everyone);
    // Each consent statement is open to the one who signs it.
    const email = addresses(ws);
    const consents = records(ws, 'Документы').filter((r) => /^Согласие/.test(r['Вид']) && r['Документ (ссылка)']);
    expect(consents.length).toBeGreaterThan(0);
    for (const r of consents) {
      expect(commenters(ws, docIdOf(r['Документ (ссылка)']))).toEqual([email.get(r['Связано с'])]);
    }
  });

  test('the mail quota: who cannot get a letter today is not shared with yet, and is the next time', async () => {
    const ws = await demo();
    unshare(ws);
    // Other mail of the day has used the quota but two recipients (the quota counts per sender).
    ws.outbox.usage = { day: '2026-11-25', recipients: { [ws.user]: 98 } };
    const before = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    const first = recipients(ws.mail().slice(before));
    expect(first).toHaveLength(2);
    const shared = new Set(programs(ws).flatMap(({ docId }) => commenters(ws, docId)));
    expect([...shared].sort()).toEqual(first);
    expect(records(ws, 'Журнал').some((r) => Object.values(r).join(' ').includes('квота писем исчерпана'))).toBe(true);

    ws.outbox.usage = { day: '2026-11-25', recipients: {} };
    const next = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    const rest = recipients(ws.mail().slice(next));
    const everyone = [...new Set(programs(ws).flatMap((p) => p.people))].sort();
    expect([...first, ...rest].sort()).toEqual(everyone);
    for (const { docId, people } of programs(ws)) expect(commenters(ws, docId)).toEqual(people);
  });
});

describe('the letter', () => {
  test('names the document with its link, ends with one full stop after initials, and a re-run writes nothing', async () => {
    const ws = await demo();
    unshare(ws);
    const row = ws.values('Настройки')!.findIndex((r) => r[0] === 'Куратор наставничества') + 1;
    ws.edit('Настройки', `B${row}`, 'Смирнова О. В.');
    const before = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    const letters = ws.mail().slice(before);
    // Each person's letter names their program and gives its link on its own line.
    for (const p of programs(ws)) {
      const letter = letters.find((m) => m.to.includes(p.people[0]))!;
      expect(letter.subject).toBe('Наставничество: ваш документ');
      expect(letter.body).toContain(`${p.row['Название']}:\n  ${p.row['Документ (ссылка)']}`);
    }
    for (const m of letters) {
      expect(m.body).toContain('куратор наставничества: Смирнова О. В.');
      // A signed document is not rewritten: the letter promises only that the curator sees the comment.
      expect(m.body).toContain('куратор его увидит');
      expect(m.body).not.toContain('исправит');
      expect(m.body).not.toMatch(/\.\.|undefined|\[object/);
    }
    const again = ws.mail().length;
    generateDocuments(ws, { kind: 'consentPersonalData' });
    generateDocuments(ws, { kind: 'consentPersonalData' });
    generateDocuments(ws, { kind: 'program' });
    expect(ws.mail().length).toBe(again);
  });
});

describe('which documents are shared', () => {
  /** Sets a register row's cell by its header (data row `i`, 0-based). */
  const setRegister = (ws: Workspace, i: number, header: string, value: string) =>
    ws.edit('Документы', `${columnOf(ws, 'Документы', header)}${i + 2}`, value);
  const registerIndex = (ws: Workspace, url: string) =>
    records(ws, 'Документы').findIndex((r) => r['Документ (ссылка)'] === url);

  test('a signed program is shared with its people; one staff put in the trash is not, and no letter names it', async () => {
    const ws = await demo();
    unshare(ws);
    const [signed, trashed] = programs(ws);
    setRegister(ws, registerIndex(ws, signed.row['Документ (ссылка)']), 'Статус', 'подписан');
    setRegister(ws, registerIndex(ws, trashed.row['Документ (ссылка)']), 'Статус', 'подписан');
    ws.driveApp().getFileById(trashed.docId).setTrashed(true);
    const before = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    const letters = ws.mail().slice(before);
    expect(commenters(ws, signed.docId)).toEqual(signed.people);
    expect(commenters(ws, trashed.docId)).toEqual([]);
    expect(letters.some((m) => m.body.includes(trashed.row['Документ (ссылка)']))).toBe(false);
    const row = records(ws, 'Документы')[registerIndex(ws, trashed.row['Документ (ссылка)'])];
    expect(row['Доступ открыт']).toBe('');
    // Its people still got their letter if they have other documents; nobody is reported as refused.
    expect(records(ws, 'Журнал').some((r) => Object.values(r).join(' ').includes('Доступ не открыт'))).toBe(false);
  });

  test('the program of a pair no longer at work is not newly shared', async () => {
    const ws = await demo();
    unshare(ws);
    const [dissolved] = programs(ws);
    const pairs = records(ws, 'Пары и группы');
    const i = pairs.findIndex((p) => p.ID === dissolved.row['Связано с']);
    ws.edit('Пары и группы', `${columnOf(ws, 'Пары и группы', 'Статус')}${i + 2}`, 'расформировано');
    const before = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    expect(commenters(ws, dissolved.docId)).toEqual([]);
    expect(
      ws
        .mail()
        .slice(before)
        .some((m) => m.body.includes(dissolved.row['Документ (ссылка)'])),
    ).toBe(false);
  });
});

describe('who the Doc no longer concerns', () => {
  test('a former member of the pair (group) loses the access at the next batch, and gets no letter', async () => {
    const ws = await demo();
    const [program] = programs(ws);
    const former = 'left.the.group@school2.example';
    const i = records(ws, 'Документы').findIndex((r) => r['Документ (ссылка)'] === program.row['Документ (ссылка)']);
    ws.fileNode(program.docId)!.commenters = [...program.people, former];
    const column = columnOf(ws, 'Документы', 'Доступ открыт');
    ws.edit('Документы', `${column}${i + 2}`, [...program.people, former].join(', '));
    const before = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    expect(commenters(ws, program.docId)).toEqual(program.people);
    expect(records(ws, 'Документы')[i]['Доступ открыт']).not.toContain(former);
    expect(recipients(ws.mail().slice(before))).not.toContain(former);
    const log = records(ws, 'Журнал').map((r) => Object.values(r).join(' '));
    expect(log.some((l) => /больше не касается: 1\./.test(l))).toBe(true);
    expect(log.some((l) => l.includes(former))).toBe(false);
  });
});

describe('withdrawal of consent', () => {
  test("takes the person's access away from every document, and nobody gets a letter about it", async () => {
    const ws = await demo();
    generateDocuments(ws, { kind: 'program' });
    const { docId, people } = programs(ws).find((p) => p.people.length >= 2)!;
    const mentee = records(ws, 'Наставляемые').find((p) => people.includes(p.Email.toLowerCase()))!;
    const gone = mentee.Email.toLowerCase();
    expect(commenters(ws, docId)).toContain(gone);

    const before = ws.mail().length;
    withdraw(ws, mentee.Email);
    expect(recipients(ws.mail().slice(before))).not.toContain(gone);
    const node = ws.fileNode(docId)!;
    expect([...(node.commenters ?? []), ...node.viewers, ...node.editors]).not.toContain(gone);
    expect(commenters(ws, docId)).toEqual(people.filter((p) => p !== gone));
    // No document of the register is open to them any more, and the register no longer names them.
    for (const f of ws.files()) {
      const n = ws.fileNode(f.id)!;
      expect([...(n.commenters ?? []), ...n.viewers, ...n.editors]).not.toContain(gone);
    }
    expect(JSON.stringify(ws.values('Документы'))).not.toContain(gone);
    expect(
      records(ws, 'Журнал').some((r) => /доступов к документам закрыто: [1-9]/.test(Object.values(r).join(' '))),
    ).toBe(true);

    // Making the programs again writes to nobody: the others have their access already.
    const again = ws.mail().length;
    generateDocuments(ws, { kind: 'program' });
    expect(ws.mail().length).toBe(again);
  });

  test('takes the access away even when staff cleared «Доступ открыт»', async () => {
    const ws = await demo();
    const { docId, people } = programs(ws).find((p) => p.people.length >= 2)!;
    const mentee = records(ws, 'Наставляемые').find((p) => people.includes(p.Email.toLowerCase()))!;
    const gone = mentee.Email.toLowerCase();
    expect(commenters(ws, docId)).toContain(gone);
    const column = columnOf(ws, 'Документы', 'Доступ открыт');
    records(ws, 'Документы').forEach((_, i) => ws.edit('Документы', `${column}${i + 2}`, ''));
    withdraw(ws, mentee.Email);
    for (const f of ws.files()) {
      const n = ws.fileNode(f.id)!;
      expect([...(n.commenters ?? []), ...n.viewers, ...n.editors]).not.toContain(gone);
    }
  });

  test('an access staff took away by hand in the meantime does not stop the withdrawal', async () => {
    const ws = await demo();
    const { people } = programs(ws).find((p) => p.people.length >= 2)!;
    const mentee = records(ws, 'Наставляемые').find((p) => people.includes(p.Email.toLowerCase()))!;
    // Drive lists the permission, then answers its removal as gone (staff removed it by hand just then).
    ws.failAt(
      'Drive.Permissions.remove',
      1,
      'API call to drive.permissions.delete failed with error: Permission not found: 1.',
    );
    withdraw(ws, mentee.Email);
    expect(
      records(ws, 'Журнал').some((r) =>
        /персональные данные удалены.*черновиков документов удалено/.test(Object.values(r).join(' ')),
      ),
    ).toBe(true);
    expect(JSON.stringify(ws.values('Документы'))).not.toContain(mentee.Email.toLowerCase());
  });
});
