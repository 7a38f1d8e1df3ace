import { formLinks, sendFormLinks, setUpQuestionnaires } from '../questionnaires/questionnaires';
import { replayResponses } from '../triggers/replay';
import type { FormLink, FormsSetupResult, SendLinksResult } from '../contract/serverApi';
import { logAction } from '../sheets/logSheet';
import { runMenuAction, showAlert, UserError } from './errors';
import { withLock } from '../state/lock';
import { showSidebar } from './sidebar';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

/** «Анкеты → Создать/обновить анкеты»: builds the forms, then shows their links in the sidebar. */
export function menuSetupQuestionnaires(): void {
  runMenuAction('Анкеты', () => {
    setUpQuestionnaires(active());
    showSidebar('forms');
  });
}

export function menuShowForms(): void {
  runMenuAction('Ссылки на анкеты', () => showSidebar('forms'));
}

export function menuReplayResponses(): void {
  runMenuAction('Обработать ответы заново', () => {
    // Under the lock the form trigger files with: the two never work on one bank at once.
    const r = withLock(
      () => {
        throw new UserError('Ответы сейчас обрабатываются. Подождите минуту и повторите.');
      },
      () => replayResponses(active()),
    );
    for (const problem of r.problems) logAction(active(), 'Ошибка: обработка ответов заново', problem);
    const problems = r.problems.length > 0 ? `\n\nПроблемы:\n${r.problems.join('\n')}` : '';
    showAlert(
      `Обработано ответов: ${r.processed}; новых записей: ${r.added}; обновлено: ${r.updated}; ` +
        `без согласия (удалены): ${r.noConsent}; отзывов согласия: ${r.withdrawn}.${problems}`,
    );
  });
}

export function menuSendFormLinks(): void {
  runMenuAction('Разослать ссылки', () => showAlert(sendFormLinks(active()).message));
}

// google.script.run API of the sidebar panel «Анкеты»
export const setupQuestionnairesApi = (): FormsSetupResult => setUpQuestionnaires(active());
export const getFormLinksApi = (): FormLink[] => formLinks(active());
export const sendFormLinksApi = (): SendLinksResult => sendFormLinks(active());
