/**
 * The texts a teacher agrees to in the questionnaires, shown as a form item's help text:
 * - the consent to personal-data processing, with the elements of ст. 9 Федерального закона
 *   от 27.07.2006 № 152-ФЗ «О персональных данных»: operator, subject, purposes, data, actions, way,
 *   term and how to withdraw;
 * - the mentor's written consent to the additional duties of mentoring, which the order
 *   «О закреплении наставнических пар (групп)» cites.
 * Each stays under CONSENT_MAX_LENGTH characters so that it reads as help text, not a contract.
 */

export interface ConsentOptions {
  /** The operator: the school's name, e.g. «МОУ «КСОШ № 2»». */
  operator: string;
  /** The operator's address, when the school wants it in the text. */
  operatorAddress?: string;
  /** Who answers for the processing (ФИО or position), e.g. «заместитель директора по УВР». */
  responsible?: string;
}

export const CONSENT_MAX_LENGTH = 1500;

/** The name of the withdrawal form, as the consent text refers to it. */
export const WITHDRAWAL_FORM_TITLE = 'Отзыв согласия';

function operatorName(operator: string): string {
  return operator.replace(/\s+/g, ' ').trim() || 'образовательная организация';
}

/** The consent to personal-data processing (152-ФЗ, ст. 9) for the mentee and mentor questionnaires. */
export function consentText({ operator, operatorAddress, responsible }: ConsentOptions): string {
  const address = operatorAddress?.trim() ? ` (адрес: ${operatorAddress.trim()})` : '';
  const who = responsible?.trim() ? ` (ответственный за обработку — ${responsible.trim()})` : '';
  return [
    'Я, указавший(ая) в анкете свои ФИО и адрес электронной почты, в соответствии со ст. 9 Федерального ' +
      'закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в своём интересе даю ' +
      `согласие оператору — ${operatorName(operator)}${address} — на обработку моих персональных данных.`,
    'Цели: формирование базы наставляемых и наставников, подбор наставнических пар (групп), разработка ' +
      'персонализированных программ наставничества, подготовка документов системы наставничества, мониторинг ' +
      'её реализации.',
    'Данные: ФИО, адрес электронной почты, должность, предметы, педагогический стаж, квалификационная ' +
      'категория, профессиональные запросы (затруднения) и компетенции, предпочтения по форме, формату и ' +
      'времени встреч, сведения, которые я сам(а) укажу в анкете.',
    'Действия: сбор, запись, систематизация, хранение, уточнение, использование, обезличивание, удаление. ' +
      'Передача третьим лицам не осуществляется.',
    'Способ: автоматизированная обработка в Google Workspace школы; доступ имеют только работники, ' +
      'ответственные за наставничество.',
    'Срок: до окончания срока реализации программы наставничества или до отзыва согласия; после этого ' +
      'данные удаляются.',
    `Отзыв: в любой момент — через форму «${WITHDRAWAL_FORM_TITLE}» или письменным заявлением оператору${who}.`,
  ].join('\n');
}

/** The mentor's written consent to take on the additional duties of mentoring. */
export function dutiesConsentText(operator: string): string {
  return [
    `Даю согласие на выполнение в ${operatorName(operator)} дополнительных обязанностей наставника ` +
      'педагогического работника в соответствии с положением о системе наставничества:',
    '— совместно с наставляемым разработать персонализированную программу наставничества и выполнять её;',
    '— проводить встречи и консультации, посещать уроки (занятия) наставляемого и обсуждать их;',
    '— помогать наставляемому в решении профессиональных затруднений, делиться опытом и методическими ' +
      'материалами;',
    '— вести необходимые записи и участвовать в мониторинге и оценке результатов наставничества.',
    'Наставник назначается с его письменного согласия; это согласие будет указано в приказе ' +
      '«О закреплении наставнических пар (групп)». Согласие можно отозвать письменным заявлением.',
  ].join('\n');
}
