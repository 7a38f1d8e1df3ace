import type { SidebarView } from './contract';

/** The one sidebar bundle (dist/Sidebar.html), opened on the requested view. */
function sidebarHtml(view: SidebarView): GoogleAppsScript.HTML.HtmlOutput {
  // The bundle mounts on DOMContentLoaded, so this script (after it) sets the view in time.
  return HtmlService.createHtmlOutputFromFile('Sidebar').append(
    `<script>window.__SIDEBAR_VIEW__=${JSON.stringify(view)};</script>`,
  );
}

export function showSidebar(view: SidebarView): void {
  SpreadsheetApp.getUi().showSidebar(sidebarHtml(view).setTitle('Наставничество'));
}

export function showSetupDialog(): void {
  SpreadsheetApp.getUi().showModalDialog(sidebarHtml('setup').setWidth(480).setHeight(640), 'Настройка учебного года');
}
