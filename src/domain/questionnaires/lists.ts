/**
 * The default reference lists of «Справочники» that the questionnaires' choices come from, one list a
 * column. Staff may edit a list in the sheet; «Обновить анкеты» then rebuilds the forms' choices.
 * The competences follow the vocabulary of the Ministry's recommendations on mentoring of teachers
 * (letter of 21.12.2021 № АЗ-1128/08): a teacher's professional requests and difficulties.
 */
import { foldRu } from '../dates';
import { EVENT_KINDS } from '../events/kinds';

export type ListName =
  'competences' | 'subjects' | 'categories' | 'positions' | 'formatsKind' | 'formatsMode' | 'times' | 'eventKinds';

export const LIST_NAMES: readonly ListName[] = [
  'competences',
  'subjects',
  'categories',
  'positions',
  'formatsKind',
  'formatsMode',
  'times',
  'eventKinds',
];

/** Column headers in «Справочники». */
export const LIST_HEADERS: Readonly<Record<ListName, string>> = {
  competences: 'Компетенции (запросы)',
  subjects: 'Предметы',
  categories: 'Квалификационные категории',
  positions: 'Должности',
  formatsKind: 'Формы наставничества',
  formatsMode: 'Форматы встреч',
  times: 'Удобное время',
  eventKinds: 'Виды мероприятий',
};

export const COMPETENCES: readonly string[] = [
  'Планирование и проведение современного урока',
  'Оценивание образовательных результатов',
  'Работа с родителями (законными представителями)',
  'Дисциплина и управление классом',
  'Классное руководство и воспитательная работа',
  'Инклюзивное образование, работа с детьми с ОВЗ',
  'Работа с одарёнными детьми',
  'Цифровые образовательные ресурсы и дистанционное обучение',
  'Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ)',
  'Формирование функциональной грамотности',
  'Проектная и исследовательская деятельность обучающихся',
  'Реализация обновлённых ФГОС',
  'Ведение школьной документации',
  'Подготовка к аттестации педагога',
  'Профилактика профессионального выгорания',
  'Адаптация в коллективе и школьной культуре',
];

export const SUBJECTS: readonly string[] = [
  'Начальные классы',
  'Русский язык и литература',
  'Математика',
  'Информатика',
  'Физика',
  'Химия',
  'Биология',
  'География',
  'История и обществознание',
  'Иностранный язык (английский)',
  'Иностранный язык (немецкий)',
  'Иностранный язык (французский)',
  'Родной язык и литература',
  'Музыка',
  'Изобразительное искусство',
  'Труд (технология)',
  'Физическая культура',
  'Основы безопасности и защиты Родины',
  'ОРКСЭ / ОДНКНР',
];

export const CATEGORIES: readonly string[] = ['Без категории', 'Соответствие занимаемой должности', 'Первая', 'Высшая'];

export const POSITIONS: readonly string[] = [
  'Учитель',
  'Педагог дополнительного образования',
  'Педагог-психолог',
  'Учитель-логопед',
  'Социальный педагог',
  'Воспитатель',
  'Другое',
];

export const FORMATS_KIND: readonly string[] = ['Индивидуальная (пара)', 'Групповая'];

export const FORMATS_MODE: readonly string[] = ['Очно', 'Дистанционно', 'Смешанно'];

export const TIMES: readonly string[] = ['Перед уроками', 'После уроков', 'В методический день', 'В каникулы'];

export const DEFAULT_LISTS: Readonly<Record<ListName, readonly string[]>> = {
  competences: COMPETENCES,
  subjects: SUBJECTS,
  categories: CATEGORIES,
  positions: POSITIONS,
  formatsKind: FORMATS_KIND,
  formatsMode: FORMATS_MODE,
  times: TIMES,
  eventKinds: EVENT_KINDS.map((k) => k.title),
};

/**
 * A list column as staff left it → clean values: trimmed, inner spaces collapsed, blanks dropped,
 * duplicates (any case, ё = е) dropped keeping the first spelling.
 */
export function cleanList(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const text = String(v).replace(/\s+/g, ' ').trim();
    const key = foldRu(text);
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}
