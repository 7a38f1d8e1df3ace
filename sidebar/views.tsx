/** The seven views of the one sidebar bundle, chosen by the server (window.__SIDEBAR_VIEW__). */
import type { ComponentChild } from 'preact';
import type { SidebarView } from '../src/contract/serverApi';
import { DocumentsPanel } from './DocumentsPanel';
import { FormsPanel } from './FormsPanel';
import { MyPairPanel } from './MyPairPanel';
import { PairingPanel } from './PairingPanel';
import { ProgramsPanel } from './ProgramsPanel';
import { ProgressPanel } from './ProgressPanel';
import { SetupForm } from './SetupForm';
import { YearPanel } from './YearPanel';

export function resolveView(v: unknown): SidebarView {
  const views: unknown[] = ['setup', 'forms', 'pairing', 'documents', 'programs', 'year', 'mine'];
  return views.includes(v) ? (v as SidebarView) : 'progress';
}

/** The page title and the panel of a view. */
export function sidebarView(view: SidebarView): { title: string; node: ComponentChild } {
  switch (view) {
    case 'setup':
      return { title: 'Настройка учебного года', node: <SetupForm /> };
    case 'forms':
      return { title: 'Анкеты', node: <FormsPanel /> };
    case 'pairing':
      return { title: 'Подбор пар', node: <PairingPanel /> };
    case 'documents':
      return { title: 'Документы', node: <DocumentsPanel /> };
    case 'programs':
      return { title: 'Программы наставничества', node: <ProgramsPanel /> };
    case 'year':
      return { title: 'Итоги года', node: <YearPanel /> };
    case 'mine':
      return { title: 'Моя пара', node: <MyPairPanel /> };
    default:
      return { title: 'Ход реализации', node: <ProgressPanel /> };
  }
}
