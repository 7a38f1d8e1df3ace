/** Entry of /web/app.js: mounts the workspace page. */
import { render } from 'preact';
import { App } from './App';

function mount(): void {
  let root = document.getElementById('app');
  if (!root) {
    root = document.createElement('div');
    root.id = 'app';
    document.body.appendChild(root);
  }
  render(<App />, root);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
