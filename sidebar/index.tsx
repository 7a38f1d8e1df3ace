/** Entry of the sidebar bundle: mounts the view the server chose (window.__SIDEBAR_VIEW__). */
import { render } from 'preact';
import type { SidebarView } from '../src/contract/serverApi';
import { resolveView, sidebarView } from './views';

declare global {
  interface Window {
    __SIDEBAR_VIEW__?: SidebarView;
  }
}

function mount(): void {
  let root = document.getElementById('app');
  if (!root) {
    root = document.createElement('div');
    root.id = 'app';
    document.body.appendChild(root);
  }
  const { title, node } = sidebarView(resolveView(window.__SIDEBAR_VIEW__));
  document.title = title;
  render(node, root);
}

// Mount after the whole document is parsed, so a <script> the server appends after the bundle
// (window.__SIDEBAR_VIEW__ = 'setup') has already run.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
