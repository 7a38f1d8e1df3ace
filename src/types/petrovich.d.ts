/** petrovich-js (MIT): declension of Russian first names, patronymics and surnames. */
declare module 'petrovich/dist/petrovich.min.js' {
  type Case = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
  interface Person {
    gender?: 'male' | 'female' | 'androgynous';
    first?: string;
    middle?: string;
    last?: string;
  }
  function petrovich(person: Person, gcase: Case): Person;
  export default petrovich;
}
