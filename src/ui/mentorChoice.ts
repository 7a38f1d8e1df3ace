import { sendChoiceLinks as sendChoiceMail } from '../choice/mentorChoice';
import type { SendLinksResult } from '../contract/serverApi';
import { UserError } from './errors';
import { withLock } from '../state/lock';
import { draftSettings, savedSettings } from './pairingDraft';

/** «Разослать ссылки на выбор наставника» in «Подбор пар»: under the document lock, like the year's links. */
export function sendChoiceLinks(): SendLinksResult {
  return withLock(
    () => {
      throw new UserError('Таблицу сейчас обновляет другой пользователь. Подождите минуту и повторите.');
    },
    // The suggestions follow the settings «Подбор пар» shows: its draft, else the last saved ones.
    () => sendChoiceMail(SpreadsheetApp.getActiveSpreadsheet(), draftSettings() ?? savedSettings()),
  );
}
