import { activeServerErrors, mapWidgetErrors } from './map-widget-errors.ts';
import { newWidgetDraft } from './widget-form-model.ts';

describe('mapWidgetErrors', () => {
  it('puts each message on its field and the rest above the form', () => {
    expect(
      mapWidgetErrors({
        aggregation_function: ['Not for booleans.'],
        filters: ['conditions[0].op: no', 'Root problem.'],
        metadata: ['Metadata must be an object or null.'],
        non_field_errors: ['Cross-field.'],
        detail: ['Gone.'],
        dashboard: ['Unknown dashboard.'],
      }),
    ).toEqual({
      fields: {
        aggregation_function: ['Not for booleans.'],
        filters: ['conditions[0].op: no', 'Root problem.'],
        display: ['Metadata must be an object or null.'],
      },
      other: ['Cross-field.', 'Gone.', 'dashboard: Unknown dashboard.'],
    });
  });

  it('is empty for no errors', () => {
    expect(mapWidgetErrors(null)).toEqual({ fields: {}, other: [] });
    expect(mapWidgetErrors({})).toEqual({ fields: {}, other: [] });
  });
});

describe('activeServerErrors', () => {
  const draft = newWidgetDraft();
  const server = {
    draft,
    errors: { fields: { name: ['Taken.'], field: ['Bad field.'] }, other: ['Try again.'] },
  };
  it('keeps every message while nothing changed', () => {
    expect(activeServerErrors(server, { ...draft })).toEqual(server.errors);
  });
  it('drops a field’s messages once it changes, and the general ones on any change', () => {
    expect(activeServerErrors(server, { ...draft, name: 'Other' })).toEqual({
      fields: { field: ['Bad field.'] },
      other: [],
    });
  });
  it('is empty without server errors', () => {
    expect(activeServerErrors(null, draft)).toEqual({ fields: {}, other: [] });
  });
});
