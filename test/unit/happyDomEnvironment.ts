/**
 * A jest environment whose global scope is a browser page (happy-dom), for the sidebar render tests:
 * `@jest-environment ./test/unit/happyDomEnvironment.ts` in a test file's docblock. Like happy-dom's
 * GlobalRegistrator, every own property of a happy-dom window becomes a global of the test, except
 * Jest's timers and console. (`@happy-dom/jest-environment` is not installed; happy-dom is ESM-only,
 * so it is loaded here, outside the test's module registry.)
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { GlobalWindow, PropertySymbol } from 'happy-dom';
import { TestEnvironment as NodeEnvironment } from 'jest-environment-node';
import { runInNewContext } from 'node:vm';

/** The language's own globals (Object, Array, Promise, Infinity…) stay the test realm's. */
const SKIP = new Set(['constructor', 'global', ...Object.getOwnPropertyNames(runInNewContext('this'))]);
/** Jest's own: happy-dom's would run outside Jest's clock and reporting. */
const KEEP = new Set(['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'console']);

export default class HappyDomEnvironment extends NodeEnvironment {
  private readonly window: GlobalWindow;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const g = this.global as unknown as Record<string | symbol, unknown>;
    const window = new GlobalWindow({ url: 'https://docs.google.com/', width: 300, height: 768 });
    this.window = window;
    const descriptors = Object.getOwnPropertyDescriptors(window) as Record<string | symbol, PropertyDescriptor>;
    for (const key of [...Object.keys(descriptors), ...Object.getOwnPropertySymbols(descriptors)]) {
      if (typeof key === 'string' && (SKIP.has(key) || (KEEP.has(key) && key in g))) continue;
      const d = descriptors[key];
      // `window`, `self`, `top`… are the global scope itself, as in a browser.
      if (d.value === window) d.value = g;
      Object.defineProperty(g, key, { ...d, configurable: true });
    }
    // testing-library builds its events from document.defaultView: the globals above.
    (g.document as Record<symbol, unknown>)[PropertySymbol.defaultView] = g;
  }

  async teardown(): Promise<void> {
    await this.window.happyDOM.close();
    await super.teardown();
  }
}
