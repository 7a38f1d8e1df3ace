import type { MonitoringRecord } from '../../src/domain/monitoring';

/** A monitoring record with nothing answered, but what `over` sets. */
export const monitoringRecord = (over: Partial<MonitoringRecord>): MonitoringRecord => ({
  personId: '',
  role: 'mentee',
  pairId: '',
  submittedAt: '',
  scores: {},
  requests: [],
  resolved: [],
  before: null,
  after: null,
  readiness: '',
  difficulties: '',
  change: '',
  ...over,
});
