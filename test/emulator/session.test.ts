import { Env } from '../../emulator/core/env';
import { createSession } from '../../emulator/services/session';

const NOW = '2026-11-25T12:00:00+03:00';

describe('Session', () => {
  it('returns the active user, the effective user (who the script runs as, not the owner), time zone and locale', () => {
    const env = new Env({ now: NOW, owner: 'owner@school.example', user: 'teacher@school.example' });
    const Session = createSession(env);
    expect(Session.getActiveUser().getEmail()).toBe('teacher@school.example');
    expect(Session.getEffectiveUser().getEmail()).toBe('teacher@school.example');
    const trigger = env.runExecution('onFormSubmit', { user: 'b@school.example' }, () =>
      Session.getEffectiveUser().getEmail(),
    );
    expect(trigger).toBe('b@school.example');
    expect(Session.getScriptTimeZone()).toBe('Europe/Moscow');
    env.scriptTimeZone = 'UTC';
    expect(Session.getScriptTimeZone()).toBe('UTC');
    expect(Session.getActiveUserLocale()).toBe('ru');
  });

  it('follows the execution user', () => {
    const env = new Env({ now: NOW, user: 'a@school.example' });
    const Session = createSession(env);
    const email = env.runExecution('f', { user: 'b@school.example' }, () => Session.getActiveUser().getEmail());
    expect(email).toBe('b@school.example');
  });

  it('temporary keys are stable per user, differ between users and hide the e-mail', () => {
    const env = new Env({ now: NOW, user: 'a@school.example' });
    const Session = createSession(env);
    const k1 = Session.getTemporaryActiveUserKey();
    expect(Session.getTemporaryActiveUserKey()).toBe(k1);
    expect(k1).not.toContain('a@school');
    env.activeUser = 'b@school.example';
    expect(Session.getTemporaryActiveUserKey()).not.toBe(k1);
  });

  it('refuses user identity in AuthMode.NONE but not the time zone', () => {
    const env = new Env({ now: NOW });
    const Session = createSession(env);
    env.runExecution('onOpen', { authMode: 'NONE' }, () => {
      expect(() => Session.getActiveUser()).toThrow(/You do not have permission to call Session.getActiveUser/);
      expect(Session.getScriptTimeZone()).toBe('Europe/Moscow');
    });
  });

  it('counts calls', () => {
    const env = new Env({ now: NOW });
    const Session = createSession(env);
    Session.getActiveUser().getEmail();
    expect(env.calls.summary().byMethod).toEqual({ 'Session.getActiveUser': 1, 'User.getEmail': 1 });
  });
});
