/** Entry of the sidebar bundle: one bundle, seven views chosen by the server (window.__SIDEBAR_VIEW__). */
import { render, type ComponentChild } from 'preact';
import type { SidebarView } from '../src/contract/serverApi';
import { DocumentsPanel } from './DocumentsPanel';
import { FormsPanel } from './FormsPanel';
import { MyPairPanel } from './MyPairPanel';
import { PairingPanel } from './PairingPanel';
import { ProgramsPanel } from './ProgramsPanel';
import { ProgressPanel } from './ProgressPanel';
import { SetupForm } from './SetupForm';
import { YearPanel } from './YearPanel';

declare global {
  interface Window {
    __SIDEBAR_VIEW__?: SidebarView;
  }
}

export function resolveView(v: unknown): SidebarView {
  const views: unknown[] = ['setup', 'forms', 'pairing', 'documents', 'programs', 'year', 'mine'];
  return views.includes(v) ? (v as SidebarView) : 'progress';
}

function mount(): void {
  let root = document.getElementById('app');
  if (!root) {
    root = document.createElement('div');
    root.id = 'app';
    document.body.appendChild(root);
  }
  const view = resolveView(window.__SIDEBAR_VIEW__);
  const views: Record<SidebarView, { title: string; node: ComponentChild }> = {
    setup: { title: 'Настройка учебного года', node: <SetupForm /> },
    forms: { title: 'Анкеты', node: <FormsPanel /> },
    progress: { title: 'Ход реализации', node: <ProgressPanel /> },
    pairing: { title: 'Подбор пар', node: <PairingPanel /> },
    documents: { title: 'Документы', node: <DocumentsPanel /> },
    programs: { title: 'Программы наставничества', node: <ProgramsPanel /> },
    year: { title: 'Итоги года', node: <YearPanel /> },
    mine: { title: 'Моя пара', node: <MyPairPanel /> },
  };
  document.title = views[view].title;
  render(views[view].node, root);
}

// Mount after the whole document is parsed, so a <script> the server appends after the bundle
// (window.__SIDEBAR_VIEW__ = 'setup') has already run.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
