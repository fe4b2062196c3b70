import {
  HISTORY_LIMIT,
  canRedo,
  canUndo,
  createHistory,
  recordEdit,
  redo,
  sealHistory,
  undo,
  type EditHistory,
} from './edit-history.ts';

interface Doc {
  name: string;
  color: string;
}
const isEqual = (a: Doc, b: Doc) => a.name === b.name && a.color === b.color;
const edit = (h: EditHistory<Doc>, next: Doc, group: string | null, at: number) =>
  recordEdit(h, next, { group, at, isEqual });

const start: Doc = { name: '', color: 'indigo' };

describe('edit history', () => {
  it('coalesces typing in one field into one step', () => {
    let h = createHistory(start);
    for (const [i, name] of ['A', 'Av', 'Avg', 'Avg d'].entries())
      h = edit(h, { ...start, name }, 'name', 100 * i);
    expect(h.past).toHaveLength(1);
    expect(h.present.name).toBe('Avg d');
    h = undo(h);
    expect(h.present).toEqual(start);
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present.name).toBe('Avg d');
  });

  it('starts a new step when the field changes, after a pause, or after sealing', () => {
    let h = createHistory(start);
    h = edit(h, { ...start, name: 'A' }, 'name', 0);
    h = edit(h, { name: 'A', color: 'rose' }, 'color', 10);
    expect(h.past).toHaveLength(2);
    h = edit(h, { name: 'AB', color: 'rose' }, 'name', 20);
    h = edit(h, { name: 'ABC', color: 'rose' }, 'name', 20 + 5000);
    expect(h.past).toHaveLength(4);
    h = sealHistory(h);
    h = edit(h, { name: 'ABCD', color: 'rose' }, 'name', 5001);
    expect(h.past).toHaveLength(5);
    expect(undo(h).present.name).toBe('ABC');
  });

  it('never coalesces ungrouped edits', () => {
    let h = createHistory(start);
    h = edit(h, { ...start, color: 'a' }, null, 0);
    h = edit(h, { ...start, color: 'b' }, null, 1);
    expect(h.past).toHaveLength(2);
  });

  it('returns the same reference for no-ops', () => {
    const h = createHistory(start);
    expect(edit(h, { ...start }, 'name', 0)).toBe(h);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
    expect(sealHistory(h)).toBe(h);
  });

  it('clears redo on a new edit and keeps undo/redo symmetric', () => {
    let h = createHistory(start);
    h = edit(h, { ...start, name: 'one' }, null, 0);
    h = edit(h, { ...start, name: 'two' }, null, 1);
    h = undo(h);
    expect(canRedo(h)).toBe(true);
    expect(h.present.name).toBe('one');
    h = edit(h, { ...start, name: 'three' }, null, 2);
    expect(canRedo(h)).toBe(false);
    expect(h.past.map((d) => d.name)).toEqual(['', 'one']);
  });

  it('an undo ends coalescing so the next keystroke is its own step', () => {
    let h = createHistory(start);
    h = edit(h, { ...start, name: 'a' }, 'name', 0);
    h = edit(h, { ...start, name: 'ab' }, 'name', 1);
    h = undo(h);
    h = edit(h, { ...start, name: 'x' }, 'name', 2);
    expect(h.past).toHaveLength(1);
    expect(undo(h).present).toEqual(start);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = createHistory(start);
    for (let i = 0; i < HISTORY_LIMIT + 20; i += 1) h = edit(h, { ...start, name: String(i) }, null, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]?.name).toBe('19');
  });
});
