import type { Workspace } from '../../workspace/workspace';
import {
  MONITORING_CONSENT_CHOICE,
  meetingReportForm,
  monitoringMenteeForm,
  pairChoiceLabel,
  ROLE_CHOICES,
  type YearFormDefinition,
} from '../../src/domain/monitoring';
import { practiceForm, PRACTICE_CONSENT_CHOICE } from '../../src/domain/events/practiceForm';
import { columnOf, MAY, records, ROADMAP, setUpWorkspace, useDemoSchool } from './workspace';
import { api, progressReport } from './api';

const EVENTS = 'Мероприятия';
const LOG = 'Журнал';
const HOSTILE = '=HYPERLINK("http://evil.example","x") {{школа}} <script>alert(1)</script> $1 \\';
const OPTIONS = { operator: '', pairChoices: [], competences: [] };

function byTitle(def: YearFormDefinition, answers: Record<string, string | string[]>) {
  return Object.fromEntries(
    Object.entries(answers).map(([k, v]) => [def.questions.find((q) => q.key === k)!.title, v]),
  );
}

const roadmapRow = (ws: Workspace, no: string) => records(ws, ROADMAP).find((r) => r['№'] === no)!;
const logLines = (ws: Workspace) => records(ws, LOG).map((r) => `${r['Действие']}: ${r['Подробности']}`);

/** Types an event row as the curator (onEdit fires). */
function typeEvent(ws: Workspace, row: number, cells: Record<string, string>): void {
  ws.setUser('zavuch@school2.example');
  try {
    for (const [header, value] of Object.entries(cells))
      ws.edit(EVENTS, `${columnOf(ws, EVENTS, header)}${row}`, value);
  } finally {
    ws.setUser('metodist@school2.example');
  }
}

describe('events close their roadmap activities', () => {
  test('a held event with evidence closes its activity, a future one or one without a link does not', async () => {
    const ws = await setUpWorkspace();
    expect(ws.values(EVENTS)![0]).toContain('Пункт дорожной карты');
    typeEvent(ws, 2, {
      Дата: '20.11.2026',
      Вид: 'Педагогический совет',
      Тема: 'Система наставничества',
      'Подтверждение (ссылка)': 'https://school.example/protokol-1',
    });
    typeEvent(ws, 3, {
      Дата: '01.12.2026',
      Вид: 'Административное совещание',
      Тема: 'Итоги',
      'Подтверждение (ссылка)': 'https://school.example/protokol-2',
    });
    typeEvent(ws, 4, { Дата: '10.11.2026', Вид: 'Обучение наставников', Тема: 'Роль наставника' });
    const events = records(ws, EVENTS).filter((e) => e['Тема']);
    expect(events.map((e) => [e.ID, e['Пункт дорожной карты']])).toEqual([
      ['М-001', '1.3'],
      ['М-002', '1.6'],
      ['М-003', '4.2.1'],
    ]);
    expect(roadmapRow(ws, '1.3')['Статус']).toBe('Выполнено');
    expect(roadmapRow(ws, '1.3')['Подтверждение (ссылка)']).toBe('https://school.example/protokol-1');
    expect(roadmapRow(ws, '1.6')['Статус']).not.toBe('Выполнено');
    expect(roadmapRow(ws, '4.2.1')['Статус']).not.toBe('Выполнено');
    expect(logLines(ws)).toContain('Мероприятия: Пункт 1.3 отмечен «Выполнено» по мероприятию М-001.');

    // The date of the second event comes: the daily run closes 1.6.
    ws.advanceTo('2026-12-02T12:00:00+03:00');
    expect(roadmapRow(ws, '1.6')['Статус']).toBe('Выполнено');
  });

  test('a status staff changed by hand after the add-on set it is left alone, and that is logged', async () => {
    const ws = await setUpWorkspace();
    typeEvent(ws, 2, {
      Дата: '20.11.2026',
      Вид: 'Педагогический совет',
      Тема: 'Наставничество',
      'Подтверждение (ссылка)': 'https://school.example/p',
    });
    expect(roadmapRow(ws, '1.3')['Статус']).toBe('Выполнено');
    ws.setUser('zavuch@school2.example');
    ws.edit(
      ROADMAP,
      `${columnOf(ws, ROADMAP, 'Статус')}${records(ws, ROADMAP).findIndex((r) => r['№'] === '1.3') + 2}`,
      'В работе',
    );
    ws.setUser('metodist@school2.example');
    typeEvent(ws, 3, {
      Дата: '21.11.2026',
      Вид: 'Педагогический совет',
      Тема: 'Второе заседание',
      'Подтверждение (ссылка)': 'https://school.example/p2',
    });
    expect(roadmapRow(ws, '1.3')['Статус']).toBe('В работе');
    expect(logLines(ws).filter((l) => l.includes('изменён вручную'))).toHaveLength(1);
  });

  test('hostile text in an event stays text, and the news draft carries it literally', async () => {
    const ws = await setUpWorkspace();
    // Staff type what they like (a leading «=» would be their own formula): the rest must stay literal.
    const topic = HOSTILE.slice(HOSTILE.indexOf(' ') + 1);
    typeEvent(ws, 2, { Дата: '20.11.2026', Вид: 'Семинар', Тема: topic, 'Участников (число)': '12' });
    expect(records(ws, EVENTS)[0]['Тема']).toBe(topic);
    const news = api(ws, 'prepareNews', 'М-001');
    expect(news.message).toContain('М-001');
    const id = /\/d\/([^/]+)/.exec(news.url)![1];
    expect(ws.docText(id)).toContain(topic.replace(/\s+$/, ''));
    expect(ws.docText(id)).toContain('12 педагогов');
    expect(records(ws, EVENTS)[0]['Новость (ссылка)']).toBe(news.url);
    // Again: the same draft is updated in place, not a second document.
    const again = api(ws, 'prepareNews', 'М-001');
    expect(again.url).toBe(news.url);
    expect(() => ws.run('prepareNews', 'М-999')).toThrow('Мероприятие М-999 не найдено');
  });
});

describe('the demo school in May', () => {
  const demo = useDemoSchool('year', MAY);

  test('a meeting report covering a program activity marks it done; a report about someone else’s pair is refused', async () => {
    const ws = await demo();
    const def = meetingReportForm(OPTIONS);
    const pair = records(ws, 'Пары и группы').find((p) => p['Статус'] === 'утверждено')!;
    const mentorEmail = records(ws, 'Наставники').find((m) => m.ID === pair['ID наставника'])!.Email;
    const open = records(ws, 'Программы').find((a) => a['Пара/группа'] === pair.ID && a['Статус'] === 'запланировано')!;
    const before = records(ws, 'Встречи').length;
    ws.submitForm(
      def.title,
      byTitle(def, {
        pair: pairChoiceLabel(pair.ID, pair['Наставник']),
        date: '2027-05-13',
        format: 'Очно',
        topic: HOSTILE,
        duration: '45',
        activity: open['ID мероприятия'].replace('А-0', 'a'),
        note: HOSTILE,
      }),
      { email: mentorEmail, deferTriggers: true },
    );
    // Google sometimes fires the trigger twice for one answer: one row all the same.
    ws.flushFormTriggers({ duplicate: true });
    const meetings = records(ws, 'Встречи');
    expect(meetings).toHaveLength(before + 1);
    expect(meetings[meetings.length - 1]).toMatchObject({ 'Пара/группа': pair.ID, Дата: '13.05.2027', Тема: HOSTILE });
    // «Журнал» says it was recorded once, as «Встречи» holds it once.
    const recorded = logLines(ws).filter((l) => l.startsWith(`Отчёт о встрече: Пара ${pair.ID}: встреча 13.05.2027`));
    expect(recorded.filter((l) => / записана[,.]/.test(l))).toHaveLength(1);
    const done = records(ws, 'Программы').find(
      (a) => a['Пара/группа'] === pair.ID && a['ID мероприятия'] === open['ID мероприятия'],
    )!;
    expect(done['Статус']).toBe('выполнено');
    expect(done['Дата выполнения']).toBe('13.05.2027');
    expect(done['Подтверждение (ссылка)']).toBe('Отчёт о встрече 13.05.2027');
    // Nothing from the note is ever mailed.
    expect(ws.mail().some((m) => m.body.includes('evil.example'))).toBe(false);

    const other = records(ws, 'Пары и группы').find((p) => p['Статус'] === 'утверждено' && p.ID !== pair.ID)!;
    ws.submitForm(
      def.title,
      byTitle(def, {
        pair: pairChoiceLabel(other.ID, other['Наставник']),
        date: '2027-05-13',
        format: 'Очно',
        topic: 'Чужая пара',
      }),
      { email: mentorEmail },
    );
    expect(records(ws, 'Встречи')).toHaveLength(before + 1);
    expect(logLines(ws).some((l) => l.startsWith(`Ошибка: ${def.title}`))).toBe(true);
  });

  test('a monitoring answer changes the figures and the non-respondents; a stranger’s answer is not kept', async () => {
    const ws = await demo();
    const view = api(ws, 'getYearView');
    expect(view.monitoring.answered).toBeGreaterThan(0);
    const folder = ws.files().find((f) => f.name === 'Методическая копилка');
    expect(view.materialsFolderUrl).toBe(`https://drive.google.com/drive/folders/${folder!.id}`);
    expect(view.monitoring.nonRespondents.length).toBeGreaterThan(0);
    const missing = view.monitoring.nonRespondents[0];
    const person = records(ws, 'Наставляемые').find((m) => m['ФИО'] === missing.name)!;
    const pair = records(ws, 'Пары и группы').find((p) => p.ID === missing.pairId)!;
    const def = monitoringMenteeForm(OPTIONS);
    const answers = {
      pair: pairChoiceLabel(pair.ID, pair['Наставник']),
      role: ROLE_CHOICES.mentee,
      satisfactionProgram: '10',
      satisfactionMentor: '10',
      resolved: [],
      competenceBefore: '3',
      competenceAfter: '9',
      change: HOSTILE,
    };
    // Someone who is in neither bank (no questionnaire, no consent): nothing of theirs is kept.
    ws.submitForm(def.title, byTitle(def, { ...answers, consent: [MONITORING_CONSENT_CHOICE] }), {
      email: 'stranger@school2.example',
    });
    expect(api(ws, 'getYearView').monitoring.answered).toBe(view.monitoring.answered);
    expect(JSON.stringify(ws.values('Мониторинг — ответы'))).not.toContain('stranger');

    ws.submitForm(def.title, byTitle(def, { ...answers, consent: [MONITORING_CONSENT_CHOICE] }), {
      email: person.Email,
    });
    const after = api(ws, 'getYearView');
    expect(after.monitoring.answered).toBe(view.monitoring.answered + 1);
    expect(after.monitoring.nonRespondents.map((n) => n.name)).not.toContain(missing.name);
    const sheet = ws.values('Мониторинг')!.map((r) => r.join(' | '));
    expect(sheet.find((l) => l.startsWith('Пар и групп'))).toContain(`Ответили | ${after.monitoring.answered}`);
    const answersRow = records(ws, 'Мониторинг — ответы').find((r) => r['ID участника'] === person.ID)!;
    expect(answersRow['Что изменить']).toBe(HOSTILE);
    expect(JSON.stringify(records(ws, 'Мониторинг — ответы'))).not.toContain(person.Email);
    // A new school year starts without answers; last year's rows stay on the sheet, marked with their year.
    ws.run('setupSchoolYear', { startYear: 2027 });
    expect(api(ws, 'getYearView').monitoring.answered).toBe(0);
    const kept = records(ws, 'Мониторинг — ответы');
    expect(kept).toHaveLength(after.monitoring.answered);
    expect(kept.every((r) => r['Учебный год'] === '2026–2027')).toBe(true);
  });

  test('the analytical report shows the figures of «Мониторинг» and «Сводка»', async () => {
    const ws = await demo();
    let progress = api(ws, 'generateDocuments', { kind: 'analyticalReport' });
    while (!progress.finished) progress = api(ws, 'continueDocuments', progress.jobId);
    const entry = records(ws, 'Документы').find((r) => r['Вид'] === 'Аналитическая справка')!;
    const text = ws.docText(/\/d\/([^/]+)/.exec(entry['Документ (ссылка)'])![1]);
    const monitoring = ws.values('Мониторинг')!;
    const totals = monitoring.find((r) => r[0] === 'Пар и групп')!;
    const satisfaction = monitoring.find((r) => r[0] === 'Удовлетворённость наставляемых')!;
    expect(text).toContain(`Охват мониторинга: ${totals[7]}%`);
    expect(text).toContain(`наставляемых — ${satisfaction[1]}, наставников — ${satisfaction[3]}`);
    expect(text).toContain(`Наставнических пар (групп): ${totals[1]}`);
    const pairRows = monitoring.slice(9, 9 + Number(totals[1]));
    for (const row of pairRows) expect(text).toContain(row[1]);
    // The approved practice is in the report, the proposed one is not.
    const practices = records(ws, 'Методическая копилка');
    expect(text).toContain(practices.find((p) => p['Статус'] === 'одобрена')!['Название практики']);
    expect(text).not.toContain(practices.find((p) => p['Статус'] === 'предложена')!['Название практики']);
  });

  test('«Сводка» flags each held event without a publication until the site editor records one and the summary is refreshed', async () => {
    const ws = await demo();
    const flagged = () =>
      ws
        .values('Сводка')!
        .map((r) => `${r[0]} ${r[1]}`)
        .filter((l) => /^М-\d{3} /.test(l));
    const latest = records(ws, EVENTS)
      .filter((e) => e['Подтверждение (ссылка)'])
      .pop()!;
    expect(flagged()).toEqual([`${latest.ID} ${latest['Дата']} · ${latest['Вид']}: ${latest['Тема']}`]);
    const row = records(ws, 'Публикации').length + 2;
    ws.setUser('zavuch@school2.example');
    ws.edit('Публикации', `A${row}:E${row}`, [
      [latest['Дата'], latest.ID, 'социальные сети', 'Семинар', 'https://vk.example/school2/1'],
    ]);
    // «Сводка» catches up when someone opens «Ход реализации» (or the file, or the menu's refresh).
    expect(progressReport(ws).year!.events.unpublished).toBe(0);
    expect(flagged()).toEqual([]);
  });

  test('«Сводка» has its three charts over live data, and the sidebar the same figures', async () => {
    const ws = await demo();
    const charts = ws.charts('Сводка');
    expect(charts.map((c) => c.title)).toEqual([
      'Выполнение по этапам, %',
      'Пары и группы по статусам',
      'Мониторинг: средний балл (1–10)',
    ]);
    const report = progressReport(ws);
    const summary = ws.values('Сводка')!;
    const pairsData = summary.find((r) => r[17] === 'утверждено')!;
    expect(Number(pairsData[18])).toBe(report.year!.pairs.confirmed);
    expect(charts[1].ranges).toEqual(['R14:S17']);
    // Setting up again does not add charts or a second clock trigger.
    ws.run('setupSchoolYear', {});
    ws.run('setupSchoolYear', {});
    expect(ws.charts('Сводка')).toHaveLength(3);
    expect(ws.triggers().filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);
  });
});

describe('reminders', () => {
  const demo = useDemoSchool('reminders', MAY);

  function setSetting(ws: Workspace, label: string, value: string): void {
    const row = records(ws, 'Настройки').findIndex((r) => r['Параметр'] === label);
    expect(row).toBeGreaterThanOrEqual(0);
    ws.edit('Настройки', `B${row + 2}`, value);
  }

  type Mail = ReturnType<Workspace['mail']>;
  const reminders = (mail: Mail) =>
    mail.filter((m) => m.subject.startsWith('Наставничество:') && m.body.includes('Напоминание'));

  test('a simulated month: each responsible person gets one digest a day at most, an item at most once in N days', async () => {
    const ws = await demo();
    setSetting(ws, 'Куратор наставничества: e-mail', 'curator@school2.example');
    setSetting(ws, 'Методист: e-mail', 'metodist@school2.example');
    setSetting(ws, 'Повторять напоминание не чаще, раз в дней', '7');
    const before = ws.mail().length;
    const runs = ws.advanceTo('2027-06-14T10:00:00+03:00');
    expect(runs.length).toBeGreaterThanOrEqual(30);
    expect(runs.every((r) => r.ok)).toBe(true);
    const letters = reminders(ws.mail().slice(before));
    expect(letters.length).toBeGreaterThan(0);
    const perDay = new Map<string, number>();
    for (const m of letters) {
      const key = `${m.to.join(',')}|${m.at.slice(0, 10)}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect([...perDay.values()].every((n) => n === 1)).toBe(true);
    // The send log: who, when, which item — no two sends of one item to one person within 7 days.
    const log = records(ws, 'Журнал напоминаний').filter((r) => !r['Пункт'].startsWith('meeting-link'));
    const last = new Map<string, string>();
    for (const e of log) {
      const key = `${e['Кому']}|${e['Пункт']}`;
      const prev = last.get(key);
      if (prev) expect((Date.parse(e['День']) - Date.parse(prev)) / 86400000).toBeGreaterThanOrEqual(7);
      last.set(key, e['День']);
    }
    expect(log.some((e) => e['Кому'] === 'curator@school2.example')).toBe(true);
    // The monitoring non-respondent is asked again, with a personal link.
    const monitoring = letters.find((m) => m.body.includes('Мониторинг: просим заполнить анкету'));
    expect(monitoring?.body).toMatch(/usp=pp_url/);
    // The log keeps no text of the letters.
    expect(JSON.stringify(records(ws, 'Журнал напоминаний'))).not.toContain('Здравствуйте');
    expect(ws.triggers().filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);
  });

  test('when the day’s quota runs out mid-run the rest wait for the next day; nothing is lost', async () => {
    const ws = await demo();
    setSetting(ws, 'Куратор наставничества: e-mail', 'curator@school2.example');
    ws.advanceTo('2027-05-25T06:00:00+03:00');
    const before = ws.mail().length;
    // Other mail of the day has used the quota but two recipients.
    ws.outbox.usage = { day: '2027-05-25', recipients: { 'metodist@school2.example': 98 } };
    ws.advanceTo('2027-05-25T23:00:00+03:00');
    const first = reminders(ws.mail().slice(before));
    expect(first).toHaveLength(2);
    expect(logLines(ws).some((l) => l.includes('ждут следующего дня (квота)'))).toBe(true);
    ws.advanceTo('2027-05-26T23:00:00+03:00');
    const both = reminders(ws.mail().slice(before));
    const second = both.slice(first.length);
    expect(second.length).toBeGreaterThan(1);
    // Those deferred get their letter the next day, and nobody gets it twice.
    const to = both.map((m) => m.to.join(','));
    expect(new Set(to).size).toBe(to.length);
    expect(second.every((m) => m.at.startsWith('2027-05-26'))).toBe(true);
  });

  test('items whose responsible has no address are named in «Журнал» instead of silently skipped', async () => {
    const ws = await setUpWorkspace();
    ws.advanceTo('2026-11-26T08:00:00+03:00');
    expect(ws.mail()).toHaveLength(0);
    const line = logLines(ws).find((l) => l.startsWith('Напоминания: Некому напомнить'));
    expect(line).toMatch(/\b1\.\d/);
    expect(line).toContain('«Настройки»');
  });

  test('switched off in «Настройки»: no reminders, and the clock trigger goes away', async () => {
    const ws = await demo();
    setSetting(ws, 'Куратор наставничества: e-mail', 'curator@school2.example');
    setSetting(ws, 'Напоминания: включены', 'нет');
    ws.advanceTo('2027-05-25T10:00:00+03:00');
    expect(reminders(ws.mail())).toHaveLength(0);
    expect(ws.triggers().filter((t) => t.eventType === 'CLOCK')).toHaveLength(0);
    // Switched on again: opening «Итоги года» (or the next setup) brings the daily trigger back.
    setSetting(ws, 'Напоминания: включены', 'да');
    expect(api(ws, 'getYearView').reminders.enabled).toBe(true);
    expect(ws.triggers().filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);
  });
});

describe('personal monitoring links', () => {
  const demo = useDemoSchool('links');

  test('the day’s quota sends what fits; the rest get their link the next day, once; a second click sends nothing new', async () => {
    const ws = await demo();
    const monitoringMail = () => ws.mail().filter((m) => m.subject.startsWith('Мониторинг программы'));
    ws.outbox.usage = { day: '2026-11-25', recipients: { 'metodist@school2.example': 98 } };
    const first = api(ws, 'sendMonitoringLinks');
    expect(first.sent).toBe(2);
    expect(first.message).toMatch(/Ещё \d+ — завтра/);
    expect(monitoringMail()).toHaveLength(2);
    // Next morning the daily run asks the rest (their personal link in the reminder): one letter each.
    ws.advanceTo('2026-11-26T12:00:00+03:00');
    const withLink = ws
      .mail()
      // The demo's autumn «Выбор наставника» links are not the year's monitoring.
      .filter(
        (m) =>
          m.body.includes('usp=pp_url') &&
          !m.subject.includes('отчёт о встрече') &&
          !m.subject.includes('выберите наставника'),
      )
      .map((m) => m.to.join(','));
    expect(new Set(withLink).size).toBe(withLink.length);
    expect(withLink).toHaveLength(api(ws, 'getYearView').monitoring.expected);
    expect(api(ws, 'sendMonitoringLinks').message).toContain('новых адресатов нет');
    // Each link is the person's own: the form opens with the pair chosen.
    expect(monitoringMail()[0].body).toMatch(/viewform\?usp=pp_url&entry\.\d+=/);
  });

  test('a curator written with initials signs the letter with one full stop', async () => {
    const ws = await demo();
    const row = records(ws, 'Настройки').findIndex((r) => r['Параметр'] === 'Куратор наставничества');
    ws.edit('Настройки', `B${row + 2}`, 'Смирнова О. В.');
    api(ws, 'sendMonitoringLinks');
    const letter = ws.mail().find((m) => m.subject.startsWith('Мониторинг программы'));
    expect(letter?.body).toContain('куратор наставничества: Смирнова О. В.');
    expect(letter?.body).not.toContain('О. В..');
  });
});

describe('letters of the next school year', () => {
  const may = useDemoSchool('links-next', MAY);

  test('a pair the rollover carried over gets its monitoring and meeting links again; no reminder before', async () => {
    const ws = await may();
    api(ws, 'sendMonitoringLinks');
    api(ws, 'setupSchoolYear', { startYear: 2027 });
    const carried = records(ws, 'Пары и группы').filter((r) => r['Статус'] === 'утверждено');
    expect(carried.length).toBeGreaterThan(0);
    // The new year's monitoring links are not sent yet: the morning run reminds nobody of them.
    const before = ws.mail().length;
    ws.advanceTo('2027-06-02T12:00:00+03:00');
    expect(
      ws
        .mail()
        .slice(before)
        .filter((m) => m.body.includes('Анкета мониторинга')),
    ).toHaveLength(0);
    expect(api(ws, 'sendMonitoringLinks').sent).toBeGreaterThan(0);
    expect(api(ws, 'sendMeetingLinks').sent).toBe(carried.length);
  });
});

describe('the «Итоги года» panel', () => {
  test('a practice from the sidebar is checked, stored as text, and listed', async () => {
    const ws = await setUpWorkspace();
    expect(() =>
      ws.run('addPractice', { title: '', author: 'А', competence: '', description: '', materials: '' }),
    ).toThrow('Укажите название практики.');
    expect(() =>
      ws.run('addPractice', {
        title: 'П',
        author: 'А',
        competence: '',
        description: '',
        materials: 'javascript:alert(1)',
      }),
    ).toThrow('http');
    const view = api(ws, 'addPractice', {
      title: HOSTILE,
      author: 'Иванова А. П.',
      competence: 'Планирование и проведение современного урока',
      description: HOSTILE,
      materials: 'https://drive.example/folder',
    });
    expect(view.practices).toHaveLength(1);
    expect(view.practices[0]).toMatchObject({ id: 'МП-001', title: HOSTILE, status: 'предложена' });
    expect(records(ws, 'Методическая копилка')[0]['Название практики']).toBe(HOSTILE);
  });

  test('a teacher proposes a practice through the form; sent twice it is one practice; nothing is lost', async () => {
    const ws = await setUpWorkspace();
    ws.run('setupQuestionnaires');
    const view = api(ws, 'getYearView');
    expect(view.practiceFormUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\//);
    const def = practiceForm({ operator: '', competences: [] });
    const answers = byTitle(def as unknown as YearFormDefinition, {
      title: HOSTILE,
      author: 'Петрова Анна Ивановна',
      description: 'Совместное планирование урока',
      materials: 'лежит у методиста в шкафу',
      consent: [PRACTICE_CONSENT_CHOICE],
    });
    ws.submitForm(def.title, answers, { email: 'petrova@school2.example' });
    ws.submitForm(def.title, answers, { email: 'petrova@school2.example' });
    const rows = records(ws, 'Методическая копилка');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ID: 'МП-001', 'Название практики': HOSTILE.trim(), Статус: 'предложена' });
    // A materials text that is not a link is kept, in the description.
    expect(rows[0]['Краткое описание']).toContain('Материалы: лежит у методиста в шкафу');
    expect(rows[0]['Материалы (ссылка)']).toBe('');
  });

  test('monitoring links need confirmed pairs; the message says so in Russian', async () => {
    const ws = await setUpWorkspace();
    expect(() => ws.run('sendMonitoringLinks')).toThrow('Нет утверждённых пар');
    expect(() => ws.run('sendMeetingLinks')).toThrow('Нет утверждённых пар');
  });
});
