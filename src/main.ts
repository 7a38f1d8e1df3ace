/**
 * The Apps Script entry points, and nothing else: the ONLY file that defines globals. Each assignment
 * to `global` becomes a real top-level `function name() {}` in dist/Code.js (gas-webpack-plugin),
 * which menus, triggers and google.script.run need. Each entry is a one-line delegation.
 */
import type { ServerApi } from './contract/serverApi';
import { reportingFailures, runMenuAction } from './ui/errors';
import { buildMenu } from './ui/menu';
import { handleEdit } from './triggers/onEdit';
import { getProgress } from './ui/progress';
import { refreshSummary, refreshSummaryIfStale } from './summary/refreshSummary';
import { continueDocuments, generateDocuments, getDocumentsView, previewDocuments } from './ui/documents';
import { dissolvePair, getCheckin, sendCheckinLinks } from './ui/checkin';
import { sendChoiceLinks } from './ui/mentorChoice';
import { discardPairingDraft, keepPairingDraft, proposePairs, savePairs } from './ui/pairing';
import { getProgramDraft, listProgramPairs, saveProgram } from './ui/programs';
import { getSetupDefaults, setupSchoolYear } from './ui/setup';
import { showSetupDialog, showSidebar } from './ui/sidebar';
import { getMyPair } from './ui/myPair';
import { guarded } from './ui/roles';
import { handleFormSubmit } from './triggers/onFormSubmit';
import { onClockTrigger } from './triggers/onClock';
import { addPractice, getYearView, prepareNews, sendMeetingLinks, sendMonitoringLinks } from './ui/year';
import {
  getFormLinksApi,
  menuReplayResponses,
  menuSendFormLinks,
  menuSetupQuestionnaires,
  menuShowForms,
  sendFormLinksApi,
  setupQuestionnairesApi,
} from './ui/formsMenu';
import { ADDON_NAME } from './domain/addon';
import { getDistrictExport, menuDistrictExport } from './ui/district';

declare const global: Record<string, unknown>;

// Triggers
global.onOpen = (e?: GoogleAppsScript.Events.SheetsOnOpen): void => {
  buildMenu();
  // With no authorization yet (AuthMode.NONE) the add-on may not read the file.
  if (e && e.authMode !== ScriptApp.AuthMode.NONE) refreshSummaryIfStale(e.source);
};
global.onInstall = (_e?: GoogleAppsScript.Events.AddonOnInstall): void => buildMenu();
global.onEdit = (e: GoogleAppsScript.Events.SheetsOnEdit): void => handleEdit(e);
global.onFormSubmitTrigger = (e: GoogleAppsScript.Events.SheetsOnFormSubmit): void => handleFormSubmit(e);
global.onClockTrigger = (e?: GoogleAppsScript.Events.TimeDriven): void => onClockTrigger(e);

// Menu items
global.menuSetupSchoolYear = (): void => runMenuAction('Настройка учебного года', showSetupDialog);
global.menuShowProgress = (): void => runMenuAction('Ход реализации', () => showSidebar('progress'));
global.menuShowPairing = (): void => runMenuAction('Подбор пар', () => showSidebar('pairing'));
global.menuShowDocuments = (): void => runMenuAction('Документы', () => showSidebar('documents'));
global.menuShowPrograms = (): void => runMenuAction('Программы', () => showSidebar('programs'));
global.menuShowYear = (): void => runMenuAction('Итоги года', () => showSidebar('year'));
global.menuShowMyPair = (): void => runMenuAction('Моя пара', () => showSidebar('mine'));
global.menuRefreshSummary = (): void =>
  runMenuAction('Обновить сводку', () => {
    refreshSummary();
    SpreadsheetApp.getActiveSpreadsheet().toast('Сводка обновлена.', ADDON_NAME);
  });

global.menuDistrictExport = (): void => runMenuAction('Выгрузка для района', menuDistrictExport);

global.menuSetupQuestionnaires = (): void => menuSetupQuestionnaires();
global.menuShowForms = (): void => menuShowForms();
global.menuReplayResponses = (): void => menuReplayResponses();
global.menuSendFormLinks = (): void => menuSendFormLinks();

// Sidebar and dialog API (google.script.run), checked against the contract the sidebar is typed with
const api: ServerApi = {
  getMyPair,
  getSetupDefaults,
  setupSchoolYear,
  getProgress,
  setupQuestionnaires: setupQuestionnairesApi,
  getFormLinks: getFormLinksApi,
  sendFormLinks: sendFormLinksApi,
  proposePairs,
  savePairs,
  keepPairingDraft,
  discardPairingDraft,
  getDocumentsView,
  previewDocuments,
  generateDocuments,
  continueDocuments,
  listProgramPairs,
  getProgramDraft,
  saveProgram,
  getYearView,
  sendMonitoringLinks,
  sendMeetingLinks,
  prepareNews,
  addPractice,
  getDistrictExport,
  getCheckin,
  sendCheckinLinks,
  dissolvePair,
  sendChoiceLinks,
};
// Every call checks the caller's access first (ui/roles.ts); every failure reaches the sidebar in
// Russian, an unexpected one is also logged to «Журнал».
const serverApi = Object.fromEntries(
  Object.entries(api).map(([name, fn]) => [
    name,
    reportingFailures(name, guarded(name as keyof ServerApi, fn as (...args: unknown[]) => unknown)),
  ]),
) as unknown as ServerApi;
global.getMyPair = serverApi.getMyPair;
global.getSetupDefaults = serverApi.getSetupDefaults;
global.setupSchoolYear = serverApi.setupSchoolYear;
global.getProgress = serverApi.getProgress;
global.setupQuestionnaires = serverApi.setupQuestionnaires;
global.getFormLinks = serverApi.getFormLinks;
global.sendFormLinks = serverApi.sendFormLinks;
global.proposePairs = serverApi.proposePairs;
global.savePairs = serverApi.savePairs;
global.keepPairingDraft = serverApi.keepPairingDraft;
global.discardPairingDraft = serverApi.discardPairingDraft;
global.getDocumentsView = serverApi.getDocumentsView;
global.previewDocuments = serverApi.previewDocuments;
global.generateDocuments = serverApi.generateDocuments;
global.continueDocuments = serverApi.continueDocuments;
global.listProgramPairs = serverApi.listProgramPairs;
global.getProgramDraft = serverApi.getProgramDraft;
global.saveProgram = serverApi.saveProgram;
global.getYearView = serverApi.getYearView;
global.sendMonitoringLinks = serverApi.sendMonitoringLinks;
global.sendMeetingLinks = serverApi.sendMeetingLinks;
global.prepareNews = serverApi.prepareNews;
global.addPractice = serverApi.addPractice;
global.getDistrictExport = serverApi.getDistrictExport;
global.getCheckin = serverApi.getCheckin;
global.sendCheckinLinks = serverApi.sendCheckinLinks;
global.dissolvePair = serverApi.dissolvePair;
global.sendChoiceLinks = serverApi.sendChoiceLinks;
