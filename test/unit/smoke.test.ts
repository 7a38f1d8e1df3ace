import { CallLog } from '../../emulator/core/calls';

test('call log counts by method and charges latency', () => {
  const log = new CallLog({ default: 1, 'Range.getValues': 60 });
  log.record('Range', 'getValues');
  log.record('Range', 'getValues');
  log.record('Sheet', 'getName');
  expect(log.summary()).toEqual({ total: 3, byMethod: { 'Range.getValues': 2, 'Sheet.getName': 1 }, simulatedMs: 121 });
});
