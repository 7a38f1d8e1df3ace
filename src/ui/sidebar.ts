import type { SidebarView } from '../contract/serverApi';
import { standing } from './roles';
import { ADDON_NAME } from '../domain/addon';

/** Views only the managing staff may open; anyone else gets «Моя пара» with the reason. */
const CURATOR_VIEWS: readonly SidebarView[] = ['setup', 'forms', 'pairing', 'documents', 'programs', 'year'];

/** The one sidebar bundle (dist/Sidebar.html), opened on the requested view. */
function sidebarHtml(view: SidebarView): GoogleAppsScript.HTML.HtmlOutput {
  // The bundle mounts on DOMContentLoaded, so this script (after it) sets the view in time.
  return HtmlService.createHtmlOutputFromFile('Sidebar').append(
    `<script>window.__SIDEBAR_VIEW__=${JSON.stringify(view)};</script>`,
  );
}

export function showSidebar(view: SidebarView): void {
  const shown = CURATOR_VIEWS.includes(view) && !standing().manages ? 'mine' : view;
  SpreadsheetApp.getUi().showSidebar(sidebarHtml(shown).setTitle(ADDON_NAME));
}

export function showSetupDialog(): void {
  if (!standing().manages) {
    showSidebar('mine');
    return;
  }
  SpreadsheetApp.getUi().showModalDialog(sidebarHtml('setup').setWidth(480).setHeight(640), 'Настройка учебного года');
}
