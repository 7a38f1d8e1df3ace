/** The methodologist owns the demo file; staff and teachers are other people. */
export const DEMO_USERS = {
  methodologist: 'metodist@school2.example',
  staff: 'zavuch@school2.example',
  teacher: 'uchitel@school2.example',
} as const;
