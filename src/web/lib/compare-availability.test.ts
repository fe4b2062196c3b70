import { CHART_TYPES, type ChartType } from '../../contract/enums.ts';
import { compareUnavailableReason } from './compare-availability.ts';

const comparable: Record<ChartType, ChartType[]> = {
  line: ['line', 'bar'],
  bar: ['line', 'bar'],
  pie: [],
  stat: ['stat'],
};

describe('compareUnavailableReason', () => {
  for (const draft of CHART_TYPES) {
    it.each(CHART_TYPES)(`${draft} draft against a saved %s`, (saved) => {
      const reason = compareUnavailableReason(draft, saved);
      if (comparable[draft].includes(saved)) expect(reason).toBeNull();
      else expect(reason).toEqual(expect.any(String));
    });
  }
  it('explains the mismatch', () => {
    expect(compareUnavailableReason('line', 'pie')).toBe(
      'The saved widget is a pie chart; it cannot be drawn behind a line.',
    );
  });
});
