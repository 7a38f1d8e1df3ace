import {
  declineName,
  genderOf,
  initialsSurname,
  nameFields,
  normalizeName,
  surnameInitials,
} from '../../src/domain/documents/names';

describe('declension of people’s names for documents', () => {
  test.each([
    ['Смирнова Ольга Викторовна', 'родительный', 'Смирновой Ольги Викторовны'],
    ['Смирнова Ольга Викторовна', 'дательный', 'Смирновой Ольге Викторовне'],
    ['Смирнова Ольга Викторовна', 'творительный', 'Смирновой Ольгой Викторовной'],
    ['Попов Дмитрий Александрович', 'родительный', 'Попова Дмитрия Александровича'],
    ['Попов Дмитрий Александрович', 'дательный', 'Попову Дмитрию Александровичу'],
    ['Попов Дмитрий Александрович', 'творительный', 'Поповым Дмитрием Александровичем'],
    ['Петров-Водкин Кузьма Сергеевич', 'дательный', 'Петрову-Водкину Кузьме Сергеевичу'],
    ['Иванова-Петрова Анна Ильинична', 'творительный', 'Ивановой-Петровой Анной Ильиничной'],
    ['Дурново Иван Николаевич', 'дательный', 'Дурново Ивану Николаевичу'],
    ['Дурново Мария Ивановна', 'родительный', 'Дурново Марии Ивановны'],
    ['Шевченко Тарас Григорьевич', 'творительный', 'Шевченко Тарасом Григорьевичем'],
    ['Шевченко Ирина Петровна', 'дательный', 'Шевченко Ирине Петровне'],
    ['Мамедов Рашид Али оглы', 'дательный', 'Мамедову Рашиду Али оглы'],
    ['Алиева Лейла Гасан кызы', 'родительный', 'Алиевой Лейлы Гасан кызы'],
  ] as const)('%s, %s → %s', (name, nameCase, expected) => {
    expect(declineName(name, nameCase)).toBe(expected);
  });

  test('gender comes from the patronymic, with «оглы»/«кызы»; unknown without one', () => {
    expect(genderOf('Ильич')).toBe('male');
    expect(genderOf('Викторовна')).toBe('female');
    expect(genderOf('Никитична')).toBe('female');
    expect(genderOf('Али оглы')).toBe('male');
    expect(genderOf('Гасан кызы')).toBe('female');
    expect(genderOf('')).toBeNull();
    // Without a patronymic the name is not guessed at: it stays in the nominative.
    expect(declineName('Смирнова Ольга', 'дательный')).toBe('Смирнова Ольга');
  });

  test('initials as office style writes them: «Смирновой О. В.» in the text, «О. В. Смирнова» under a signature', () => {
    expect(surnameInitials('Смирнова Ольга Викторовна', 'дательный')).toBe('Смирновой О. В.');
    expect(surnameInitials('Шевченко Ирина Петровна', 'дательный')).toBe('Шевченко И. П.');
    expect(surnameInitials('Петров-Водкин Кузьма Сергеевич', 'творительный')).toBe('Петровым-Водкиным К. С.');
    expect(initialsSurname('Смирнова Ольга Викторовна')).toBe('О. В. Смирнова');
    expect(initialsSurname('Мамедов Рашид Али оглы')).toBe('Р. А. Мамедов');
  });

  test('a name typed in lower or upper case is capitalised part by part, hyphens kept', () => {
    expect(normalizeName('петров  пётр петрович')).toBe('Петров Пётр Петрович');
    expect(normalizeName('ИВАНОВА-ПЕТРОВА анна ильинична')).toBe('Иванова-Петрова Анна Ильинична');
    expect(normalizeName('мамедов рашид али оглы')).toBe('Мамедов Рашид Али оглы');
    expect(declineName('смирнова ольга викторовна', 'дательный')).toBe('Смирновой Ольге Викторовне');
    // What is no name (a formula, braces) is left exactly as typed, in every form.
    const formula = '=HYPERLINK("http://evil") {{школа}}';
    expect(normalizeName(formula)).toBe(formula);
    expect(nameFields('директор', formula)).toMatchObject({ директор: formula, директор_подпись: formula });
  });

  test('placeholder values: nominative, every case and the signature; a correction wins', () => {
    const fields = nameFields('куратор', 'смирнова ольга викторовна', { творительный: 'Смирновою О. В.' });
    expect(fields).toMatchObject({
      куратор: 'Смирнова Ольга Викторовна',
      куратор_дательный: 'Смирновой О. В.',
      куратор_родительный: 'Смирновой О. В.',
      куратор_творительный: 'Смирновою О. В.',
      куратор_подпись: 'О. В. Смирнова',
    });
    expect(nameFields('методист', '')).toMatchObject({ методист: '', методист_дательный: '' });
  });
});
