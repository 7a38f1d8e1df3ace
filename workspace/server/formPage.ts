/**
 * A form as its respondent sees it: a plain server-rendered page (no scripts — the page CSP is
 * default-src 'self'), a <form method="post"> whose fields map back to answers by question.
 * Everything the add-on wrote (titles, help, choices) is escaped.
 */
import type { FormModel, ItemModel } from '../../emulator/forms/model';
import { EMAIL_PARAM, OTHER_OPTION, readPrefill } from '../../emulator/forms/prefill';
import { escapeHtml } from '../../emulator/services/html';

/** The radio/checkbox value of the «Другое:» option (Google's own name for it). */
export const OTHER = OTHER_OPTION;
export const EMAIL_FIELD = EMAIL_PARAM;

const fieldName = (item: ItemModel) => `q${item.id}`;
const otherName = (item: ItemModel) => `q${item.id}.other`;

/** What the respondent entered, to re-render the form after an error. */
export type Filled = Map<string, string[]>;

export function parseFilled(body: string): Filled {
  const out: Filled = new Map();
  for (const [k, v] of new URLSearchParams(body)) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}

/**
 * A prefilled link's query (`entry.<n>=…`, as FormResponse.toPrefilledUrl() makes it) → the page's
 * fields, so the form opens with those answers filled in and still editable. Values the page cannot
 * show (a list value that is not a choice) are simply not selected, as in Google Forms.
 */
export function filledFromQuery(form: FormModel, params: URLSearchParams): Filled {
  const out: Filled = new Map();
  const { values, email } = readPrefill(form, params);
  for (const item of form.items) {
    const got = values.get(item.id);
    if (!got) continue;
    const single = item.type !== 'CHECKBOX';
    out.set(fieldName(item), single ? got.values.slice(0, 1) : got.values);
    if (got.other !== null) out.set(otherName(item), [got.other]);
  }
  if (email !== null && form.collectEmail) out.set(EMAIL_FIELD, [email]);
  return out;
}

/** Posted fields → answers by question title, as submitResponse takes them (blank answers left out). */
export function answersFrom(
  form: FormModel,
  filled: Filled,
): { answers: Record<string, string | string[]>; email: string } {
  const answers: Record<string, string | string[]> = {};
  for (const item of form.items) {
    if (item.type === 'SECTION_HEADER' || item.title === '' || item.title in answers) continue;
    const values = filled.get(fieldName(item)) ?? [];
    const other = (filled.get(otherName(item)) ?? [''])[0].trim();
    const picked = values.map((v) => (v === OTHER ? other : v)).filter((v) => v !== '');
    if (item.type === 'CHECKBOX') {
      if (picked.length) answers[item.title] = picked;
    } else if (picked.length) answers[item.title] = picked[0];
  }
  return { answers, email: (filled.get(EMAIL_FIELD) ?? [''])[0] };
}

const e = (s: string) => escapeHtml(s);
/** Text with line breaks kept. */
const para = (s: string) => e(s).replace(/\r?\n/g, '<br>');

const STYLE = `
body{font-family:system-ui,sans-serif;background:#f0ebf8;margin:0;padding:24px}
main{max-width:640px;margin:0 auto}
.card{background:#fff;border-radius:8px;padding:20px 24px;margin-bottom:12px;border:1px solid #dadce0}
.head{border-top:10px solid #673ab7}
h1{margin:0 0 8px;font-size:28px;font-weight:400}
h2{margin:0;font-size:20px;font-weight:400}
.req{color:#d93025}
.help{color:#5f6368;font-size:13px;margin:4px 0 8px}
.errors{border-left:6px solid #d93025}
label.opt{display:block;margin:6px 0}
input[type=text],input[type=email],input[type=date],textarea,select{width:100%;box-sizing:border-box;padding:8px;font:inherit}
.scale{display:flex;gap:12px;align-items:center;flex-wrap:wrap}
button{background:#673ab7;color:#fff;border:0;border-radius:4px;padding:10px 24px;font:inherit;cursor:pointer}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function questionHead(item: ItemModel, forId?: string): string {
  const mark = item.required ? ' <span class="req" aria-label="обязательный вопрос">*</span>' : '';
  const title = forId
    ? `<label for="${forId}">${e(item.title)}${mark}</label>`
    : `<span>${e(item.title)}${mark}</span>`;
  const help = item.helpText ? `<div class="help">${para(item.helpText)}</div>` : '';
  return `<div class="title">${title}</div>${help}`;
}

function optionInput(
  type: 'radio' | 'checkbox',
  name: string,
  value: string,
  checked: boolean,
  required: boolean,
  label: string,
): string {
  return `<label class="opt"><input type="${type}" name="${e(name)}" value="${e(value)}"${checked ? ' checked' : ''}${required ? ' required' : ''}> ${label}</label>`;
}

function itemHtml(item: ItemModel, filled: Filled): string {
  const name = fieldName(item);
  const values = filled.get(name) ?? [];
  const one = values[0] ?? '';
  const req = item.required;
  switch (item.type) {
    case 'SECTION_HEADER':
      return `<div class="card section"><h2>${e(item.title)}</h2>${item.helpText ? `<div class="help">${para(item.helpText)}</div>` : ''}</div>`;
    case 'TEXT':
      return `<div class="card">${questionHead(item, name)}<input type="text" id="${name}" name="${name}" value="${e(one)}"${req ? ' required' : ''}></div>`;
    case 'PARAGRAPH_TEXT':
      return `<div class="card">${questionHead(item, name)}<textarea id="${name}" name="${name}" rows="4"${req ? ' required' : ''}>${e(one)}</textarea></div>`;
    case 'DATE':
      // Google shows a date picker; without the year, month and day ("MM-DD", as answers store it).
      return item.includesYear
        ? `<div class="card">${questionHead(item, name)}<input type="date" id="${name}" name="${name}" value="${e(one)}"${req ? ' required' : ''}></div>`
        : `<div class="card">${questionHead(item, name)}<input type="text" id="${name}" name="${name}" value="${e(one)}" placeholder="ММ-ДД" pattern="\\d{2}-\\d{2}"${req ? ' required' : ''}></div>`;
    case 'LIST': {
      const options = [`<option value="">Выбрать</option>`]
        .concat(item.choices.map((c) => `<option value="${e(c)}"${c === one ? ' selected' : ''}>${e(c)}</option>`))
        .join('');
      return `<div class="card">${questionHead(item, name)}<select id="${name}" name="${name}"${req ? ' required' : ''}>${options}</select></div>`;
    }
    case 'SCALE': {
      const cells: string[] = [];
      for (let n = item.lowerBound; n <= item.upperBound; n++) {
        cells.push(optionInput('radio', name, String(n), one === String(n), req, String(n)));
      }
      return `<div class="card">${questionHead(item)}<div class="scale" role="radiogroup"><span>${e(item.leftLabel)}</span>${cells.join('')}<span>${e(item.rightLabel)}</span></div></div>`;
    }
    case 'MULTIPLE_CHOICE':
    case 'CHECKBOX': {
      const type = item.type === 'CHECKBOX' ? 'checkbox' : 'radio';
      const radioReq = type === 'radio' && req;
      const opts = item.choices.map((c) => optionInput(type, name, c, values.includes(c), radioReq, e(c)));
      if (item.otherOption) {
        const otherText = (filled.get(otherName(item)) ?? [''])[0];
        const text = `Другое: <input type="text" name="${otherName(item)}" value="${e(otherText)}" aria-label="Другое">`;
        opts.push(optionInput(type, name, OTHER, values.includes(OTHER), radioReq, text));
      }
      return `<div class="card" role="group">${questionHead(item)}${opts.join('')}</div>`;
    }
  }
}

/** The fillable form; `problems` (Russian) are shown above it, with the answers kept. */
export function renderForm(form: FormModel, filled: Filled = new Map(), problems: string[] = []): string {
  const head = `<div class="card head"><h1>${e(form.title)}</h1>${form.description ? `<p>${para(form.description)}</p>` : ''}<p class="help"><span class="req">*</span> Обязательный вопрос</p></div>`;
  if (!form.published || !form.acceptingResponses) {
    // As Google's page says it: an unpublished form is closed to respondents until its author publishes it.
    const why = form.published
      ? `Форма «${e(form.title)}» больше не принимает ответы.`
      : `Форма «${e(form.title)}» не опубликована и пока не принимает ответы. Обратитесь к её автору.`;
    return page(form.title, `${head}<div class="card"><p data-testid="closed">${why}</p></div>`);
  }
  const errors = problems.length
    ? `<div class="card errors" role="alert"><p>Ответ не отправлен:</p><ul>${problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul></div>`
    : '';
  const email = form.collectEmail
    ? `<div class="card"><div class="title"><label for="${EMAIL_FIELD}">Адрес электронной почты <span class="req">*</span></label></div><input type="email" id="${EMAIL_FIELD}" name="${EMAIL_FIELD}" value="${e((filled.get(EMAIL_FIELD) ?? [''])[0])}" required autocomplete="email"></div>`
    : '';
  const items = form.items.filter((i) => i.title !== '' || i.type === 'SECTION_HEADER').map((i) => itemHtml(i, filled));
  const body = `${head}${errors}<form method="post" action="/forms/${encodeURIComponent(form.id)}">${email}${items.join('')}<button type="submit">Отправить</button></form>`;
  return page(form.title, body);
}

/** After a submission: the form's confirmation message (Google's default when it has none). */
export function renderConfirmation(form: FormModel): string {
  const message = form.confirmationMessage || 'Ответ записан.';
  return page(
    form.title,
    `<div class="card head"><h1>${e(form.title)}</h1><p data-testid="confirmation">${para(message)}</p><p><a href="/forms/${encodeURIComponent(form.id)}">Отправить ещё один ответ</a></p></div>`,
  );
}
