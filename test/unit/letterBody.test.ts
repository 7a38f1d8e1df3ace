import { htmlBody, letterBodies, linkLine, plainBody } from '../../src/domain/letterBody';

const LONG =
  'https://docs.google.com/forms/d/e/x/viewform?usp=pp_url&entry.1=%D0%9F%D0%93-001+%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0';

describe('letter bodies', () => {
  test('plain text: the address alone on the line after its text', () => {
    expect(plainBody(['Здравствуйте!', '', linkLine('• Пара/группа ПГ-001:', LONG, 'Открыть форму')])).toBe(
      `Здравствуйте!\n\n• Пара/группа ПГ-001:\n  ${LONG}`,
    );
  });

  test('HTML: a named link, the address only in href (escaped), text escaped', () => {
    const html = htmlBody(['<b>Иванова & Ко</b>', linkLine('• Пара/группа ПГ-001:', LONG, 'Открыть форму')]);
    expect(html).toContain('&lt;b&gt;Иванова &amp; Ко&lt;/b&gt;<br>');
    expect(html).toContain(`• Пара/группа ПГ-001: <a href="${LONG.replace(/&/g, '&amp;')}">Открыть форму</a>`);
    expect(html.replace(/<[^>]*>/g, '')).not.toContain('http');
  });

  test('only web addresses become links', () => {
    const { htmlBody: html, body } = letterBodies([linkLine('Ссылка:', 'javascript:alert(1)', 'Открыть')]);
    expect(html).not.toContain('<a ');
    expect(html).toContain('Ссылка: javascript:alert(1)');
    expect(body).toBe('Ссылка:\n  javascript:alert(1)');
  });
});
