// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NodeToolbar, type NodeCommand } from './node-toolbar.tsx';

function renderToolbar(compact: boolean, commands: NodeCommand[] = []) {
  render(
    <NodeToolbar
      nodeId="n1"
      noun="condition"
      unavailable={{ 'move-up': 'Already first in its group', outdent: 'Already at the top level' }}
      disabled={false}
      compact={compact}
      onCommand={(command) => commands.push(command)}
    />,
  );
  return { user: userEvent.setup(), commands };
}

describe('NodeToolbar', () => {
  it('shows every command as a button in a wide row', () => {
    renderToolbar(false);
    const names = within(screen.getByRole('toolbar'))
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Move up (condition)',
      'Move down (condition)',
      'Indent into a new group (condition)',
      'Outdent out of its group (condition)',
      'Duplicate (condition)',
      'Remove (condition)',
    ]);
  });

  it('keeps Remove and folds the rest into a menu in a narrow row, unavailable ones with their reason', async () => {
    const { user, commands } = renderToolbar(true);
    const buttons = within(screen.getByRole('toolbar')).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'More actions (condition)',
      'Remove (condition)',
    ]);
    expect(buttons[0]).toHaveAttribute('data-focus-key', 'n1:more');

    await user.click(screen.getByRole('button', { name: 'More actions (condition)' }));
    const menu = screen.getByRole('menu', { name: 'More actions (condition)' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent?.trim())).toEqual([
      'Move up',
      'Move down',
      'Indent into a new group',
      'Outdent out of its group',
      'Duplicate',
    ]);
    const moveUp = within(menu).getByRole('menuitem', { name: 'Move up' });
    expect(moveUp).toHaveAttribute('aria-disabled', 'true');
    expect(moveUp).toHaveAccessibleDescription('Already first in its group');
    await user.click(moveUp);
    expect(commands).toEqual([]);

    await user.keyboard('{ArrowDown}{Enter}');
    expect(commands).toEqual(['move-down']);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: 'More actions (condition)' })).toHaveFocus();
  });
});
