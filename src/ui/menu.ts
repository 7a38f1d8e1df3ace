import { MENU } from '../domain/addon';

/** The add-on menu. Built in every auth mode, so it must not touch anything needing authorization. */
export const MENU_ITEMS = [
  { caption: MENU.setup, fn: 'menuSetupSchoolYear' },
  { caption: MENU.progress, fn: 'menuShowProgress' },
  { caption: MENU.pairing, fn: 'menuShowPairing' },
  { caption: MENU.programs, fn: 'menuShowPrograms' },
  { caption: MENU.documents, fn: 'menuShowDocuments' },
  { caption: MENU.year, fn: 'menuShowYear' },
  { caption: MENU.myPair, fn: 'menuShowMyPair' },
  { caption: MENU.refreshSummary, fn: 'menuRefreshSummary' },
  { caption: MENU.districtExport, fn: 'menuDistrictExport' },
] as const;

export const QUESTIONNAIRE_ITEMS = [
  { caption: MENU.setupForms, fn: 'menuSetupQuestionnaires' },
  { caption: MENU.formLinks, fn: 'menuShowForms' },
  { caption: MENU.replay, fn: 'menuReplayResponses' },
  { caption: MENU.sendLinks, fn: 'menuSendFormLinks' },
] as const;

export function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.fn);
  const questionnaires = ui.createMenu(MENU.questionnaires);
  for (const item of QUESTIONNAIRE_ITEMS) questionnaires.addItem(item.caption, item.fn);
  menu.addSeparator().addSubMenu(questionnaires).addToUi();
}
