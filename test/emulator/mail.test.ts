import { Env } from '../../emulator/core/env';
import {
  createMailApp,
  MailOutbox,
  MAIL_QUOTA_EXCEEDED,
  NO_RECIPIENT,
  TOO_MANY_RECIPIENTS,
} from '../../emulator/services/mail';
import { DEMO_USERS } from '../../workspace/workspace';
import { formsWorkspace } from './formsFixture';

function setup(user = 'metodist@school2.example') {
  const env = new Env({ now: '2026-11-25T10:00:00+03:00', user });
  env.chargeLatency = false;
  const outbox = new MailOutbox();
  return { env, outbox, MailApp: createMailApp(env, outbox) };
}

const many = (n: number, domain = 'school2.example') => Array.from({ length: n }, (_, i) => `t${i}@${domain}`);

describe('MailApp', () => {
  test('the overloads land in the outbox; nothing is sent', () => {
    const { MailApp, outbox, env } = setup();
    MailApp.sendEmail('a@school2.example', 'Тема', 'Текст');
    MailApp.sendEmail('a@school2.example, b@school2.example', 'Тема 2', 'Текст', {
      htmlBody: '<b>Текст</b>',
      name: 'Методист',
      cc: 'c@school2.example',
      bcc: 'd@school2.example',
      replyTo: 'metodist@school2.example',
    });
    MailApp.sendEmail({ to: 'e@school2.example', subject: 'Объект', body: 'x', htmlBody: '<p>x</p>' });
    MailApp.sendEmail('f@school2.example', 'reply@school2.example', 'Четыре', 'строки');
    expect(outbox.sent).toHaveLength(4);
    expect(outbox.sent[1]).toEqual({
      to: ['a@school2.example', 'b@school2.example'],
      cc: ['c@school2.example'],
      bcc: ['d@school2.example'],
      subject: 'Тема 2',
      body: 'Текст',
      htmlBody: '<b>Текст</b>',
      name: 'Методист',
      replyTo: 'metodist@school2.example',
      atMs: env.now(),
      from: 'metodist@school2.example',
    });
    expect(outbox.sent[3]).toMatchObject({ to: ['f@school2.example'], replyTo: 'reply@school2.example' });
    expect(MailApp.getRemainingDailyQuota()).toBe(100 - 1 - 4 - 1 - 1);
    expect(env.calls.summary().byMethod['MailApp.sendEmail']).toBe(4);
  });

  test('addresses are checked; a message needs a recipient', () => {
    const { MailApp, outbox } = setup();
    expect(() => MailApp.sendEmail('not an address', 's', 'b')).toThrow('Invalid email: not an address');
    expect(() => MailApp.sendEmail('a@b.ru', 's', 'b', { cc: 'ok@b.ru, bad' })).toThrow('Invalid email: bad');
    expect(() =>
      MailApp.sendEmail({ subject: 's', body: 'b' } as GoogleAppsScript.Mail.MailAdvancedParameters),
    ).toThrow(NO_RECIPIENT);
    expect(() => (MailApp.sendEmail as (...a: unknown[]) => void)(42, 's')).toThrow(/don't match the method signature/);
    expect(outbox.sent).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  test('50 recipients per message; 100 a day per user; the next day the quota is back', () => {
    const { MailApp, outbox, env } = setup();
    expect(() => MailApp.sendEmail(many(51).join(','), 's', 'b')).toThrow(TOO_MANY_RECIPIENTS);
    MailApp.sendEmail(many(40).join(','), 's', 'b', { cc: many(10, 'cc.ru').join(',') });
    MailApp.sendEmail(many(49).join(','), 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail('a@b.ru, c@d.ru', 's', 'b')).toThrow(MAIL_QUOTA_EXCEEDED);
    MailApp.sendEmail('a@b.ru', 's', 'b');
    expect(() => MailApp.sendEmail('a@b.ru', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(outbox.sent).toHaveLength(3);
    // Another user has their own quota.
    env.activeUser = 'zavuch@school2.example';
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    env.activeUser = 'metodist@school2.example';
    env.advance(24 * 3600_000);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  test('refused in AuthMode.NONE', () => {
    const { MailApp, env } = setup();
    expect(() => env.runExecution('onOpen', { authMode: 'NONE' }, () => MailApp.sendEmail('a@b.ru', 's', 'b'))).toThrow(
      /You do not have permission to call MailApp.sendEmail/,
    );
  });

  test('the outbox round-trips through JSON', () => {
    const { MailApp, outbox } = setup();
    MailApp.sendEmail('a@b.ru', 's', 'b');
    const copy = MailOutbox.fromJSON(JSON.parse(JSON.stringify(outbox)));
    expect(copy.toJSON()).toEqual(outbox.toJSON());
    expect(() => MailOutbox.fromJSON({ sent: 1 })).toThrow('mail.json');
  });

  test('the add-on sends through the workspace; ws.mail() is the outbox', async () => {
    const ws = await formsWorkspace();
    expect(ws.run('mailAll', 'zavuch@school2.example, uchitel@school2.example')).toBe(98);
    expect(ws.mail()).toEqual([
      expect.objectContaining({
        to: ['zavuch@school2.example', 'uchitel@school2.example'],
        subject: 'Ссылки на анкеты',
        htmlBody: '<p>Текст</p>',
        from: DEMO_USERS.methodologist,
      }),
    ]);
  });
});
