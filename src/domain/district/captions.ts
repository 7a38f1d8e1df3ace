import type { DISTRICT_COLUMNS } from './exportRow';

/**
 * What each column means, in Russian: the note on the sheet's header and the caption in docs/district.md
 * (the header itself is the stable key).
 */
export const DISTRICT_CAPTIONS: Record<(typeof DISTRICT_COLUMNS)[number], string> = {
  schemaVersion: 'Версия формата выгрузки',
  school: 'Школа',
  period: 'Учебный период',
  asOf: 'Дата, на которую посчитаны показатели (ГГГГ-ММ-ДД)',
  stagesTotal: 'Этапов дорожной карты',
  stagesDone: 'Этапов выполнено полностью',
  activitiesTotal: 'Мероприятий дорожной карты',
  activitiesDone: 'Мероприятий выполнено',
  activitiesOverdue: 'Мероприятий просрочено',
  overallPercent: 'Выполнение дорожной карты, %',
  mentees: 'Наставляемых в банке',
  mentors: 'Наставников в банке',
  pairs: 'Утверждённых пар',
  groups: 'Утверждённых групп',
  pairsProposed: 'Предложенных пар и групп',
  pairsDissolved: 'Расформированных пар и групп',
  programPercent: 'Выполнение программ, % (в среднем; пусто — нет программ)',
  meetings: 'Встреч',
  eventsHeld: 'Мероприятий проведено',
  eventsPlanned: 'Мероприятий запланировано',
  monitoringAnswered: 'Мониторинг: ответили',
  monitoringExpected: 'Мониторинг: ожидалось ответов',
  monitoringResponseRate: 'Мониторинг: охват, %',
  menteeSatisfaction: 'Удовлетворённость наставляемых (1–10; пусто — нет ответов)',
  mentorSatisfaction: 'Удовлетворённость наставников (1–10; пусто — нет ответов)',
  practicesApproved: 'Одобренных практик в методической копилке',
};
