/**
 * Consent withdrawn (152-ФЗ art. 9 § 2, art. 21 § 5): once the banks are anonymized, the people's
 * name and e-mail leave every other place the add-on put them — sheets, documents, Drive names and
 * trash, Google Forms' own copies of the responses, the forms' pair choices — and «Журнал» gets one
 * line with their ids and what was erased (no name). Runs under the add-on's lock, from the filing of
 * the withdrawal form's answers. The README's «What happens on withdrawal of consent» is the map.
 */
import { eraseMentorsFromChoices } from '../choice/mentorChoice';
import { eraseFromDocuments, type DocumentErasure } from '../docs/withdrawal';
import { pairChoiceLabel } from '../domain/monitoring';
import { WITHDRAWN_NAME, WITHDRAWN_STATUS, type WithdrawnPerson } from '../domain/questionnaires';
import type { Bank } from '../sheets/banks';
import { logAction } from '../sheets/logSheet';
import { writeMonitoringSheet } from '../sheets/monitoringSheet';
import { scrubMonitoringRecords } from '../sheets/monitoringAnswersSheet';
import { anonymizeInPairs, isWorkingPair, readPairs } from '../sheets/pairsSheet';
import { anonymizeInPrograms } from '../sheets/programsSheet';
import { scrubReminderLog } from '../sheets/reminderLogSheet';
import { SHEETS } from '../sheets/schema';
import { readSettings } from '../sheets/settings';
import { sweepSheets } from '../sheets/withdrawalSweep';
import { loadYearData, monitoringSummary } from '../year/yearData';
import { managerAccount, mayManage } from '../state/manager';
import { buildYearForms } from '../year/yearForms';
import type { FormRegistry } from '../forms/registry';
import { scrubResponses } from '../forms/responses';
import { deleteStoredResponsesOf } from '../forms/storedResponses';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Erases `people` (as they were before their bank entries were anonymized) everywhere but the banks.
 * `banks` are the banks as filed now: whoever is still in them keeps their name (a namesake).
 */
export function eraseWithdrawn(
  ss: Spreadsheet,
  registry: FormRegistry,
  people: readonly WithdrawnPerson[],
  banks: readonly Bank[],
): void {
  if (people.length === 0) return;
  const ids = new Set(people.map((p) => p.id));
  const emails = [...new Set(people.map((p) => p.email).filter(Boolean))];

  // Read before the names go: which pairs they were in, which pair choices name a withdrawn mentor.
  const pairs = readPairs(ss);
  const theirs = pairs.filter((p) => p.id && (ids.has(p.mentorId) || p.menteeIds.some((id) => ids.has(id))));
  const pairIds = theirs.map((p) => p.id);
  const mentorIds = theirs
    .filter((p) => isWorkingPair(p.status) && p.menteeIds.some((id) => ids.has(id)) && !ids.has(p.mentorId))
    .map((p) => p.mentorId);
  const gone = theirs.filter((p) => ids.has(p.mentorId));
  const choices = gone.map((p) => pairChoiceLabel(p.id, p.mentorName));
  const labels = new Map(gone.map((p) => [pairChoiceLabel(p.id, p.mentorName), pairChoiceLabel(p.id, WITHDRAWN_NAME)]));

  let responseRows = 0;
  for (const email of emails) {
    responseRows += scrubResponses(ss, registry, email);
    scrubReminderLog(ss, email);
  }
  anonymizeInPairs(ss, [...ids], WITHDRAWN_NAME);
  const names = people.map((p) => p.fullName).filter((n) => n && n !== WITHDRAWN_NAME);
  anonymizeInPrograms(ss, pairIds, names, WITHDRAWN_NAME);
  scrubMonitoringRecords(ss, [...ids]);

  const stays = [
    ...banks.flatMap((b) => b.entries().filter((e) => e.status !== WITHDRAWN_STATUS && !ids.has(e.id))),
  ].map((e) => e.fullName);
  // School officials in «Настройки» are named on another ground (their posts): never erased here.
  stays.push(...Object.values(readSettings(ss)).filter((v): v is string => typeof v === 'string'));
  const sweep = sweepSheets(ss, people, stays, WITHDRAWN_NAME, labels);

  if (ss.getSheetByName(SHEETS.monitoring)) {
    const data = loadYearData(ss);
    writeMonitoringSheet(ss, monitoringSummary(data), data.today);
  }
  let text: string;
  // Documents and forms belong to the managing account: another one can neither see nor delete them.
  if (mayManage()) {
    const docs = eraseFromDocuments(ss, people, { pairIds, mentorIds });
    const stored =
      deleteStoredResponsesOf(registry, emails, choices) +
      // «Выбор наставника» names mentors in its dropdowns and answers (a namesake still in a bank stays).
      eraseMentorsFromChoices(
        ss,
        registry,
        names.filter((n) => !stays.includes(n)),
      );
    // The forms' pair question lists the confirmed pairs with their mentor's name, as «Пары и группы» has it now.
    if (choices.length > 0 && registry.meetingReport) buildYearForms(ss);
    text = summary([...ids], responseRows, sweep.cells, docs, stored, sweep.unclear);
  } else {
    text =
      `${[...ids].join(', ')}: персональные данные удалены из листов (строк ответов: ${responseRows}, ` +
      `других ячеек: ${sweep.cells}). Документы на Google Диске и ответы в Google Формах ведёт учётная ` +
      `запись ${managerAccount() ?? 'руководителя'}: попросите её найти в «Документы» документы этих участников ` +
      `и удалить ответы в формах вручную.`;
  }
  logAction(ss, 'Отзыв согласия', text);
}

function summary(
  ids: string[],
  responseRows: number,
  cells: number,
  docs: DocumentErasure,
  stored: number,
  unclear: string[],
): string {
  const parts = [
    `${ids.join(', ')}: персональные данные удалены`,
    `строк ответов очищено: ${responseRows}`,
    `других ячеек в листах: ${cells}`,
    `черновиков документов удалено: ${docs.deleted}`,
    `пересоздано без участника: ${docs.regenerated}`,
    `файлов удалено из корзины: ${docs.purged}`,
    `доступов к документам закрыто: ${docs.unshared}`,
    `ответов удалено из Google Форм: ${stored}`,
  ];
  let text = `${parts.join('; ')}.`;
  if (docs.signed.length > 0) {
    text +=
      ` Подписанные документы сохранены как документы учёта школы (в названиях ФИО заменены): ` +
      `№ ${docs.signed.join(', № ')} — проверьте, что ещё требуют правила школы.`;
  }
  if (unclear.length > 0) {
    text += ` ФИО совпадает с ФИО другого участника или сотрудника, проверьте вручную: ${unclear.join('; ')}.`;
  }
  return text;
}
