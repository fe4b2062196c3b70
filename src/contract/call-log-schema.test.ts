import { CallLogPageSchema, CallLogSchema } from './call-log-schema.ts';

const CALL = {
  id: 901,
  call_id: 'call_abc',
  timestamp: '2026-03-30T10:15:00Z',
  success: true,
  is_reviewed: false,
  status: 'success',
  call_ended_reason: 'Main agent-ended-call',
  customer_number: '+4420000000',
  dropoff_point: '',
  topic: 'billing',
  agent: 7,
  agent_name: 'Support bot',
  duration: '01:10',
  metrics: [{ id: 3, name: 'Latency', type: 'numeric', score: 820, enum: '', value: '820' }],
  created_at: '2026-03-30T10:16:00Z',
  updated_at: '2026-03-30T10:16:00Z',
  transcript: 'Hello…',
};

describe('CallLogSchema', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['a call-log list item', CALL, true],
    ['unknown success', { ...CALL, success: null }, true],
    ['minimal', { id: 1, timestamp: null, success: null }, true],
    ['duration in seconds is not the list format', { ...CALL, duration: 70 }, false],
    ['id a string', { ...CALL, id: '901' }, false],
  ])('%s parses: %s', (_name, body, ok) => {
    expect(CallLogSchema.safeParse(body).success).toBe(ok);
  });

  it('keeps unmodelled keys and parses pages', () => {
    expect(CallLogSchema.parse(CALL).transcript).toBe('Hello…');
    expect(
      CallLogPageSchema.parse({ count: 1, next: null, previous: null, results: [CALL] }).results,
    ).toHaveLength(1);
  });
});
