/**
 * «Мониторинг»: the monitoring's figures per pair and in total, each question's average and who has
 * not answered yet. Rewritten whole from the answers (the add-on owns the sheet), in a fixed number
 * of calls whatever the number of pairs.
 */
import { formatRuDate } from '../domain/dates';
import type { MonitoringSummary } from '../domain/monitoring/types';
import { safeText } from './cells';
import { SHEETS } from './schema';
import { COLORS } from './colors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const WIDTH = 9;
const PAIR_HEADER = [
  'Пара/группа',
  'Наставник',
  'Ожидается ответов',
  'Ответили',
  'Охват, %',
  'Удовлетворённость наставляемых (1–10)',
  'Удовлетворённость наставника (1–10)',
  'Решено запросов, %',
  'Выполнение программы, % / встреч',
];
const ROLE = { mentee: 'наставляемый', mentor: 'наставник' } as const;

const line = (cells: unknown[]) => [...cells, ...Array(WIDTH - cells.length).fill('')];
const num = (value: number | null) => (value === null ? '—' : value);

export function writeMonitoringSheet(ss: Spreadsheet, summary: MonitoringSummary, asOf: string): void {
  let sheet = ss.getSheetByName(SHEETS.monitoring);
  if (!sheet) {
    sheet = ss.insertSheet(SHEETS.monitoring, ss.getNumSheets());
    sheet.protect().setDescription('Лист заполняется автоматически из ответов мониторинга').setWarningOnly(true);
    [110, 220, 110, 90, 80, 150, 150, 120, 150].forEach((w, i) => sheet!.setColumnWidth(i + 1, w));
  }
  const t = summary.totals;
  const pairsTop = 9;
  const questionsTop = pairsTop + summary.pairs.length + 2;
  const missingTop = questionsTop + summary.questions.length + 3;
  const block: unknown[][] = [
    line([`Мониторинг качества реализации программ наставничества · на ${formatRuDate(asOf)}`]),
    line([]),
    line(['Пар и групп', t.pairs, 'Ожидается ответов', t.expected, 'Ответили', t.answered, 'Охват, %', t.responseRate]),
    line([
      'Удовлетворённость наставляемых',
      num(t.menteeSatisfaction),
      'наставников',
      num(t.mentorSatisfaction),
      'Решено запросов, %',
      num(t.resolvedShare),
    ]),
    line(['Самооценка до', num(t.before), 'после', num(t.after), 'Выполнение программ, %', num(t.programPercent)]),
    line(['Встреч проведено', t.meetings]),
    line([]),
    line(['По парам и группам']),
    PAIR_HEADER,
    ...summary.pairs.map((p) =>
      line([
        `'${p.pairId}`,
        safeText(p.mentorName),
        p.expected,
        p.answered,
        p.responseRate,
        num(p.menteeSatisfaction),
        num(p.mentorSatisfaction),
        num(p.resolvedShare),
        `${p.programPercent === null ? '—' : p.programPercent} / ${p.meetings}`,
      ]),
    ),
    line([]),
    line(['Средний балл по вопросам']),
    line(['Вопрос', '', 'Кто отвечает', 'Средний балл', 'Ответов']),
    ...summary.questions.map((q) => line([safeText(q.title), '', ROLE[q.role], num(q.average), q.answers])),
    line([]),
    line([`Ещё не ответили: ${summary.nonRespondents.length}`]),
    line(['Пара/группа', 'ФИО', 'Роль']),
    ...summary.nonRespondents.map((n) => line([`'${n.pairId}`, safeText(n.name), ROLE[n.role]])),
  ];
  sheet.clear();
  // A district's list of non-respondents can outgrow a new sheet's 1 000 rows.
  const rows = sheet.getMaxRows();
  if (block.length > rows) sheet.insertRowsAfter(rows, block.length - rows);
  sheet.getRange(1, 1, block.length, WIDTH).setValues(block);
  sheet.getRange(1, 1).setFontWeight('bold');
  for (const top of [pairsTop, questionsTop + 1, missingTop + 1]) {
    sheet.getRange(top, 1, 1, WIDTH).setFontWeight('bold').setBackground(COLORS.header).setWrap(true);
  }
  for (const top of [pairsTop - 1, questionsTop, missingTop]) sheet.getRange(top, 1).setFontWeight('bold');
}
