/** Session: the active user (Env.activeUser), the effective user (the execution's user), time zone, locale. */
import { createHash } from 'node:crypto';
import type { Env } from '../core/env';
import { gasObject } from '../core/gasObject';
import { requireAuthorization, SCOPES } from './authorization';

type U = GoogleAppsScript.Base.User;
type S = GoogleAppsScript.Base.Session;

class FakeUser implements Pick<U, 'getEmail'> {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

class FakeSession implements Pick<
  S,
  'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'
> {
  constructor(
    private readonly env: Env,
    private readonly locale: () => string,
  ) {}

  private user(email: string): U {
    return gasObject(this.env, 'Base.User', new FakeUser(email)) as unknown as U;
  }

  getActiveUser(): U {
    requireAuthorization(this.env, 'Session.getActiveUser', SCOPES.email);
    return this.user(this.env.activeUser);
  }

  /** The user the script runs as: the one at the keyboard, or an installable trigger's creator. */
  getEffectiveUser(): U {
    requireAuthorization(this.env, 'Session.getEffectiveUser', SCOPES.email);
    return this.user(this.env.execution?.user ?? this.env.activeUser);
  }

  getScriptTimeZone(): string {
    return this.env.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return this.locale();
  }

  /** Stable per user (and per emulated script), opaque, not the e-mail — as the real key. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`emulator-temp-key:${this.env.activeUser}`).digest('base64').slice(0, 43);
  }
}

export interface SessionOptions {
  /** Locale of the active user; default "ru". */
  locale?: string | (() => string);
}

/** The `Session` global. */
export function createSession(env: Env, options: SessionOptions = {}): S {
  const locale = options.locale ?? 'ru';
  return gasObject(
    env,
    'Base.Session',
    new FakeSession(env, typeof locale === 'function' ? locale : () => locale),
  ) as unknown as S;
}
