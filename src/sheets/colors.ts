/** Colours shared by the roadmap and the summary. */
export const COLORS = {
  header: '#d9e2f3',
  stage: '#eef3fb',
  overdue: '#f4cccc',
  overdueText: '#990000',
  done: '#eeeeee',
  doneText: '#7f7f7f',
  /** «Выполнено» without an evidence link: needs attention, not an error. */
  unconfirmed: '#fff2cc',
  unconfirmedText: '#7f6000',
} as const;
