// npm run bench: what the add-on's operations cost, on the built bundle in the emulator.
//
// For each operation it prints service calls, the simulated Apps Script time those calls would take
// (emulator/core/calls.ts latency table), and wall-clock time in the emulator. Wall-clock numbers on
// these machines are noisy, so every figure is also given as a ratio against a reference run done
// side by side in the same process: the same operation on the bare roadmap (no staff rows), and a
// naive cell-by-cell read of the same sheet (what the add-on's batched reads replace).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { openWorkspace, columnToLetters } = require('../dist/lib/index.js');
const { menteeForm, mentorForm, CONSENT_CHOICE, DUTIES_YES, COMPETENCES } =
  require('../dist/lib/index.js').questionnaireDomain;

const NOW = '2026-11-25T10:00:00+03:00';
const ROADMAP = 'Дорожная карта';
const SIZES = [0, 200, 1000];
const REPEAT = 5;

const letter = (index0) => columnToLetters(index0 + 1);

async function workspaceWithRows(extra) {
  const ws = await openWorkspace({ now: NOW });
  ws.run('setupSchoolYear', { school: 'Школа', startYear: 2026 });
  if (extra > 0) {
    const first = ws.values(ROADMAP).length + 1;
    const rows = Array.from({ length: extra }, (_, i) => [
      `7.${i + 2}`,
      '7. Доп.',
      `Публикация ${i + 1}`,
      '01.03.2027',
      '15.03.2027',
    ]);
    ws.edit(ROADMAP, `A${first}:E${first + extra - 1}`, rows);
  }
  return ws;
}

/** Runs `op` REPEAT times on fresh workspaces; median wall ms and the calls of one run. */
async function measure(extra, op) {
  const walls = [];
  let calls;
  for (let i = 0; i < REPEAT; i++) {
    const ws = await workspaceWithRows(extra);
    ws.resetCalls();
    const t0 = process.hrtime.bigint();
    op(ws);
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
    calls = ws.calls();
  }
  walls.sort((a, b) => a - b);
  return { wall: walls[Math.floor(REPEAT / 2)], calls };
}

const statusCell = (ws) => {
  const values = ws.values(ROADMAP);
  const col = values[0].indexOf('Статус');
  const row = values.findIndex((r) => r[0] === '1.3') + 1;
  return `${letter(col)}${row}`;
};

const operations = {
  'повторная настройка (setupSchoolYear)': (ws) => ws.run('setupSchoolYear'),
  'смена статуса (onEdit + Сводка)': (ws) => ws.edit(ROADMAP, statusCell(ws), 'Выполнено'),
  'ход реализации (getProgress)': (ws) => ws.run('getProgress'),
  // The reference the batched design replaces: one getValue per cell of the roadmap.
  'эталон: чтение по ячейкам': (ws) => {
    const sheet = ws.spreadsheet().getActiveSpreadsheet().getSheetByName(ROADMAP);
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) sheet.getRange(r, c).getValue();
  },
};

// Issue 18: what one event may cost. Each section below records its worst case here; the table is
// printed at the end with the budget beside it (a row over budget is marked, not hidden).
const budgets = [];
function budget(event, calls, limit, unit = 'вызовов') {
  budgets.push({ событие: event, [unit]: calls, бюджет: limit, 'в бюджете': calls <= limit ? 'да' : 'ПРЕВЫШЕН' });
}

const table = [];
for (const [name, op] of Object.entries(operations)) {
  const reference = await measure(0, op);
  for (const extra of SIZES) {
    const m = extra === 0 ? reference : await measure(extra, op);
    table.push({
      операция: name,
      'строк сотрудников': extra,
      вызовов: m.calls.total,
      'вызовов / эталон': (m.calls.total / reference.calls.total).toFixed(2),
      'Apps Script, с (оценка)': (m.calls.simulatedMs / 1000).toFixed(2),
      'эмулятор, мс': m.wall.toFixed(1),
      'время / эталон': (m.wall / reference.wall).toFixed(2),
    });
  }
}
console.table(table);
budget(
  'смена статуса на «Дорожной карте» (onEdit)',
  Math.max(...table.filter((r) => r.операция.startsWith('смена статуса')).map((r) => r.вызовов)),
  15,
);

// Side by side at the largest size: the add-on's batched progress read vs the naive cell read.
const batched = table.find((r) => r.операция.startsWith('ход') && r['строк сотрудников'] === 1000);
const naive = table.find((r) => r.операция.startsWith('эталон') && r['строк сотрудников'] === 1000);
console.log(
  `1000 строк: пакетное чтение (getProgress) — ${batched.вызовов} вызовов, ≈${batched['Apps Script, с (оценка)']} с; ` +
    `чтение по ячейкам — ${naive.вызовов} вызовов, ≈${naive['Apps Script, с (оценка)']} с ` +
    `(в ${(naive.вызовов / batched.вызовов).toFixed(0)} раз больше вызовов).`,
);

// Questionnaires: what one more answer costs with 10, 100 and 1 000 people already in the bank. The
// bank is filled through the forms with deferred triggers and one «Обработать ответы заново», then
// one answer is submitted and its trigger run measured. Calls must stay constant.
const mentee = menteeForm({ operator: 'Школа' });
const title = (key) => mentee.questions.find((q) => q.key === key).title;
const answers = (i) => ({
  [title('fullName')]: `Учитель ${i}`,
  [title('position')]: 'Учитель',
  [title('subjects')]: ['Математика'],
  [title('experience')]: '3',
  [title('category')]: 'Без категории',
  [title('requests')]: ['Оценивание образовательных результатов'],
  [title('formatKind')]: 'Индивидуальная (пара)',
  [title('mode')]: 'Очно',
  [title('consent')]: [CONSENT_CHOICE],
});

async function bankOf(people) {
  const ws = await workspaceWithRows(0);
  ws.run('setupQuestionnaires');
  for (let i = 0; i < people; i++) {
    ws.submitForm('Анкета наставляемого', answers(i), { email: `t${i}@school.example`, deferTriggers: true });
  }
  ws.run('menuReplayResponses');
  return ws;
}

const submissions = [];
let reference;
for (const people of [10, 100, 1000]) {
  const walls = [];
  let calls;
  for (let k = 0; k < 3; k++) {
    const ws = await bankOf(people);
    ws.resetCalls();
    const t0 = process.hrtime.bigint();
    ws.submitForm('Анкета наставляемого', answers(people), { email: 'new@school.example' });
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
    calls = ws.calls();
  }
  walls.sort((a, b) => a - b);
  const wall = walls[1];
  reference ??= { calls: calls.total, wall };
  submissions.push({
    'людей в банке': people,
    'вызовов на ответ': calls.total,
    'вызовов / эталон': (calls.total / reference.calls).toFixed(2),
    'Apps Script, с (оценка)': (calls.simulatedMs / 1000).toFixed(2),
    'эмулятор, мс': wall.toFixed(1),
    'время / эталон': (wall / reference.wall).toFixed(2),
  });
}
console.log('\nОдин ответ на анкету (триггер onFormSubmit), эталон — банк из 10 человек:');
console.table(submissions);
budget('один ответ на анкету (onFormSubmit)', Math.max(...submissions.map((r) => r['вызовов на ответ'])), 25);

// Pairing: «Подобрать» and «Сохранить» on banks of 150 and 2 000 people (mentors = a third), filled
// through the forms and one replay. Service calls must not grow with the number of people.
const mentor = mentorForm({ operator: 'Школа' });
const mTitle = (key) => mentor.questions.find((q) => q.key === key).title;
const pick = (i, n) =>
  Array.from(new Set(Array.from({ length: n }, (_, k) => COMPETENCES[(i * 7 + k * 3) % COMPETENCES.length])));
const mentorAnswers = (i) => ({
  [mTitle('fullName')]: `Наставник ${i}`,
  [mTitle('position')]: 'Учитель',
  [mTitle('subjects')]: ['Математика'],
  [mTitle('experience')]: String(10 + (i % 20)),
  [mTitle('category')]: 'Высшая',
  [mTitle('competences')]: pick(i, 3),
  [mTitle('capacity')]: String(1 + (i % 3)),
  [mTitle('formatKinds')]: ['Индивидуальная (пара)'],
  [mTitle('mode')]: 'Очно',
  [mTitle('dutiesConsent')]: DUTIES_YES,
  [mTitle('consent')]: [CONSENT_CHOICE],
});

async function banksOf(people) {
  const ws = await workspaceWithRows(0);
  ws.run('setupQuestionnaires');
  const mentors = Math.round(people / 3);
  for (let i = 0; i < people - mentors; i++) {
    const a = answers(i);
    a[title('requests')] = pick(i + 1, 2);
    ws.submitForm('Анкета наставляемого', a, { email: `m${i}@school.example`, deferTriggers: true });
  }
  for (let i = 0; i < mentors; i++) {
    ws.submitForm('Анкета наставника', mentorAnswers(i), { email: `n${i}@school.example`, deferTriggers: true });
  }
  ws.run('menuReplayResponses');
  return ws;
}

const pairing = [];
for (const people of [150, 2000]) {
  const ws = await banksOf(people);
  for (const [name, fn] of [
    ['Подобрать (proposePairs)', () => ws.run('proposePairs', {})],
    ['Сохранить (savePairs)', () => ws.run('savePairs', {})],
  ]) {
    ws.resetCalls();
    const t0 = process.hrtime.bigint();
    fn();
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const calls = ws.calls();
    pairing.push({
      операция: name,
      людей: people,
      вызовов: calls.total,
      'Apps Script, с (оценка вызовов)': (calls.simulatedMs / 1000).toFixed(2),
      'эмулятор, мс': wall.toFixed(0),
    });
  }
}
console.log('\nПодбор пар: вызовы сервисов и время на банках 150 и 2 000 человек:');
console.table(pairing);
budget(
  '«Сохранить» в «Подборе пар» (savePairs)',
  Math.max(...pairing.filter((r) => r.операция.startsWith('Сохранить')).map((r) => r.вызовов)),
  80,
);

// Documents: one order, and consent statements for every participant in batches as the sidebar runs
// them (each call has a 20 s budget of simulated Apps Script time). Calls per document must not grow
// with the number of people.
const documents = [];
for (const people of [50, 150]) {
  const ws = await banksOf(people);
  ws.run('setupSchoolYear', { director: 'Иванова Марина Петровна', curator: 'Смирнова Ольга Викторовна' });
  ws.resetCalls();
  ws.run('generateDocuments', { kind: 'regulationOrder' });
  const order = ws.calls();
  documents.push({
    операция: 'приказ о Положении (1 документ)',
    людей: people,
    документов: 1,
    'вызовов сайдбара': 1,
    вызовов: order.total,
    'вызовов на документ': order.total,
    'Apps Script, с (оценка)': (order.simulatedMs / 1000).toFixed(1),
  });
  ws.resetCalls();
  const t0 = process.hrtime.bigint();
  let progress = ws.run('generateDocuments', { kind: 'consentPersonalData' });
  let runs = 1;
  while (!progress.finished) {
    progress = ws.run('continueDocuments', progress.jobId);
    runs++;
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const batch = ws.calls();
  documents.push({
    операция: 'согласия на обработку ПДн (пакет)',
    людей: people,
    документов: progress.total,
    'вызовов сайдбара': runs,
    вызовов: batch.total,
    'вызовов на документ': (batch.total / progress.total).toFixed(1),
    'Apps Script, с (оценка)': (batch.simulatedMs / 1000).toFixed(1),
    'эмулятор, мс': wall.toFixed(0),
  });
}
console.log('\nДокументы: вызовы сервисов и оценка времени Apps Script (пакет идёт частями по 20 с):');
console.table(documents);
budget(
  'один документ в пакете (согласия, новые документы)',
  Math.max(...documents.filter((r) => r.документов > 1).map((r) => Number(r['вызовов на документ']))),
  25,
);

// Programs: «Сохранить программу» with 5, 20 and 50 activities on the demo school. One read and
// one write of «Программы» whatever the size: calls must stay constant.
{
  const ws = await openWorkspace({ demo: true, now: NOW });
  const [pair] = ws.run('listProgramPairs');
  const draft = ws.run('getProgramDraft', pair.pairId);
  const open = draft.activities.filter((a) => a.status !== 'выполнено');
  const programs = [];
  for (const size of [5, 20, 50]) {
    const activities = Array.from({ length: size }, (_, i) => ({ ...open[i % open.length], id: '', title: `М ${i}` }));
    ws.resetCalls();
    const t0 = process.hrtime.bigint();
    ws.run('saveProgram', { pairId: pair.pairId, goals: draft.goals, tasks: draft.tasks, activities });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const calls = ws.calls();
    programs.push({
      мероприятий: size,
      вызовов: calls.total,
      'Apps Script, с (оценка)': (calls.simulatedMs / 1000).toFixed(2),
      'эмулятор, мс': wall.toFixed(0),
    });
  }
  console.log('\nСохранить программу (saveProgram): вызовы не зависят от числа мероприятий:');
  console.table(programs);
}

// The year's work: the daily reminder run and the monitoring summary (one more monitoring answer
// through the form trigger, and the «Итоги года» panel) for a school of 150 and a district of 2 000.
// The banks are filled through the forms, every proposed pair confirmed, and nine in ten participants
// have a monitoring answer. Calls must not grow with the number of rows (letters are capped by the
// day's mail quota of 100 recipients).
{
  const { monitoringMenteeForm, pairChoiceLabel, ROLE_CHOICES, MONITORING_CONSENT_CHOICE, SCALE_QUESTIONS } =
    require('../dist/lib/index.js').monitoringDomain;
  const year = [];
  for (const people of [150, 2000]) {
    const ws = await banksOf(people);
    ws.run('setupSchoolYear', { curator: 'Смирнова Ольга Викторовна' });
    ws.run('savePairs', {});
    const pairs = ws.values('Пары и группы');
    const status = pairs[0].indexOf('Статус');
    ws.edit(
      'Пары и группы',
      `${letter(status)}2:${letter(status)}${pairs.length}`,
      pairs.slice(1).map(() => ['утверждено']),
    );
    const settings = ws.values('Настройки');
    const curatorRow = settings.findIndex((r) => r[0] === 'Куратор наставничества: e-mail') + 1;
    ws.edit('Настройки', `B${curatorRow}`, 'curator@school.example');
    ws.run('sendMonitoringLinks');
    // Nine in ten have answered (written as the trigger writes them: one row per person and pair).
    const confirmed = ws.values('Пары и группы').slice(1);
    const ids = (row, header) => row[pairs[0].indexOf(header)].split(/;\s*/).filter(Boolean);
    const rows = [];
    confirmed.forEach((row, i) => {
      const pairId = row[0];
      for (const id of [...ids(row, 'ID наставника'), ...ids(row, 'ID наставляемых')]) {
        if ((rows.length + i) % 10 === 9) continue;
        const mentor = id.startsWith('НТ');
        rows.push(['2026–2027', id, mentor ? 'наставник' : 'наставляемый', pairId, '2027-05-10T09:00:00Z']);
      }
    });
    const answersSheet = 'Мониторинг — ответы';
    const menteeRow = confirmed.find((row) => ids(row, 'ID наставляемых').length > 0);
    const menteeId = ids(menteeRow, 'ID наставляемых')[0];
    const bank = ws.values('Наставляемые');
    const menteeEmail = bank.find((r) => r[0] === menteeId)[bank[0].indexOf('Email')];
    const def = monitoringMenteeForm({ operator: '', pairChoices: [], competences: [] });
    const qTitle = (key) => def.questions.find((q) => q.key === key).title;
    const answer = {
      [qTitle('pair')]: pairChoiceLabel(menteeRow[0], menteeRow[pairs[0].indexOf('Наставник')]),
      [qTitle('role')]: ROLE_CHOICES.mentee,
      [qTitle('satisfactionProgram')]: '9',
      [qTitle('satisfactionMentor')]: '10',
      [qTitle('competenceBefore')]: '4',
      [qTitle('competenceAfter')]: '8',
      [qTitle('consent')]: [MONITORING_CONSENT_CHOICE],
    };
    // The first answer makes the sheet; the others are written under it.
    ws.submitForm(def.title, answer, { email: menteeEmail });
    const header = ws.values(answersSheet)[0];
    const widths = header.length;
    const padded = rows.map((r) =>
      [
        ...r,
        ...SCALE_QUESTIONS.map((q, k) => (header.indexOf(q.short) >= 0 ? String(6 + (k % 4)) : '')),
        ...Array(widths).fill(''),
      ].slice(0, widths),
    );
    // Mentors are ready to go on, so the rollover below carries pairs and their activities.
    const readiness = header.indexOf('Готовность продолжать');
    for (const r of padded) if (r[2] === 'наставник') r[readiness] = 'Да';
    ws.edit(answersSheet, `A3:${letter(widths - 1)}${rows.length + 2}`, padded);
    const measureOp = (name, fn) => {
      ws.resetCalls();
      const t0 = process.hrtime.bigint();
      fn();
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const calls = ws.calls();
      const letters = calls.byMethod['MailApp.sendEmail'] ?? 0;
      year.push({
        операция: name,
        людей: people,
        'ответов мониторинга': rows.length,
        писем: letters,
        вызовов: calls.total,
        'вызовов без писем': calls.total - letters,
        'Apps Script, с (оценка)': (calls.simulatedMs / 1000).toFixed(2),
        'эмулятор, мс': wall.toFixed(0),
      });
    };
    measureOp('ответ на мониторинг (триггер + «Мониторинг» + «Сводка»)', () =>
      ws.submitForm(def.title, { ...answer, [qTitle('satisfactionProgram')]: '8' }, { email: menteeEmail }),
    );
    measureOp('панель «Итоги года» (getYearView)', () => ws.run('getYearView'));
    measureOp('ежедневные напоминания (триггер по времени)', () => ws.advanceTo('2026-11-26T08:00:00+03:00'));
    // June: the next school year closes this one (one execution: 6 minutes at most). No triggers on the way.
    ws.advance(Date.parse('2027-06-01T10:00:00+03:00') - Date.parse('2026-11-26T08:00:00+03:00'));
    measureOp('переход на следующий учебный год (setupSchoolYear 2027)', () =>
      ws.run('setupSchoolYear', { startYear: 2027 }),
    );
  }
  console.log('\nИтоги года и переход на следующий год: вызовы сервисов на школе 150 и районе 2 000 человек:');
  console.table(year);
  budget(
    'переход на следующий учебный год, с Apps Script (лимит выполнения 360)',
    Math.max(...year.filter((r) => r.операция.startsWith('переход')).map((r) => Number(r['Apps Script, с (оценка)']))),
    360,
    'секунд',
  );
}

// The solver against scipy's linear_sum_assignment, side by side (bench/matching.mjs).
console.log('\nРешатель назначения против scipy (bench/matching.mjs):');
const solver = spawnSync(process.execPath, ['bench/matching.mjs'], { stdio: 'inherit' });
if (solver.status !== 0) process.exit(solver.status ?? 1);

// The local server under a person typing fast: 50 edits at once (bench/serverEdits.mjs).
const edits = spawnSync(process.execPath, ['bench/serverEdits.mjs', '--json'], { encoding: 'utf8' });
if (edits.status !== 0) {
  process.stderr.write(edits.stderr);
  process.exit(edits.status ?? 1);
}
const server = JSON.parse(edits.stdout.trim().split('\n').pop());
console.log(
  `\nЛокальный сервер: ${server.edits} одновременных правок — ответы за ${server.answeredS.toFixed(2)} с, ` +
    `на диске через ${server.savedS.toFixed(2)} с, сохранений: ${server.saves}, ошибок: ${server.failed}.`,
);
budget('50 одновременных правок на локальном сервере, с', Number(server.answeredS.toFixed(2)), 5, 'секунд');

// What Apps Script loads on every execution, and what the sidebar downloads.
const kb = (bytes) => Math.round(bytes / 1024);
budget('dist/Code.js (UTF-8), КБ', kb(statSync('dist/Code.js').size), 400, 'размер');
budget('dist/Sidebar.html (gzip), КБ', kb(gzipSync(readFileSync('dist/Sidebar.html')).length), 60, 'размер');

console.log('\nБюджеты (issue 18): худший случай каждого события из таблиц выше:');
console.table(budgets);
