import { GroupBySchema, WireGroupBySchema } from './group-by-schema.ts';

describe('GroupBySchema', () => {
  it.each<[unknown, boolean]>([
    [{ type: 'field', field: 'agent.id' }, true],
    [{ type: 'bucket', interval: 3600000 }, true],
    [{ type: 'field' }, false],
    [{ type: 'bucket', interval: '1h' }, false],
    [{ type: 'series' }, false],
    [{}, false],
    [null, false],
  ])('%j parses: %s', (value, ok) => {
    expect(GroupBySchema.safeParse(value).success).toBe(ok);
  });

  it('reads any wire value (a real server may send shapes we do not know)', () => {
    for (const value of [null, {}, { type: 'series' }, 'x'])
      expect(WireGroupBySchema.safeParse(value).success).toBe(true);
  });
});
