/** What the setup dialog says before the next school year closes the last one (Russian). */
import { ADDON_NAME } from '../addon';
import { periodLabel } from '../roadmap';

/** `sheets`: the sheets archived («Дорожная карта», «Пары и группы», …), as the server names them. */
export function rolloverNotice(fromYear: number, toYear: number, sheets: readonly string[]): string {
  const old = periodLabel(fromYear);
  const archives = sheets.map((name) => `«${name} ${old}»`).join(', ');
  return [
    `Выбран следующий учебный год (${periodLabel(toYear)}), ${old} учебный год будет закрыт.`,
    `Его листы переименуются в архивные, только для просмотра (изменять их смогут куратор и учётная запись, которая ведёт дополнение): ${archives}. Ничего не удаляется и не меняется.`,
    'Все наставники и наставляемые остаются в банках: статусы обновятся для нового подбора, в историю добавится запись о прошлом годе.',
    'Пары, которые по итогам мониторинга хотят продолжить обе стороны, сохранятся вместе с невыполненными мероприятиями программ.',
    `Будут созданы новая дорожная карта и папка «${ADDON_NAME} ${periodLabel(toYear)}» на Google Диске. Повторная настройка ничего не дублирует.`,
  ].join(' ');
}
