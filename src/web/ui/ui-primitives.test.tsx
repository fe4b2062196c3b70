// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { Field } from './field.tsx';
import { TextInput } from './text-input.tsx';
import { ToastProvider, useToast } from './toast.tsx';

test('Field gives the control its label, hint and error', () => {
  render(
    <Field label="Name" hint="Shown on the dashboard." error="Enter a name.">
      {(control) => <TextInput {...control} />}
    </Field>,
  );
  const input = screen.getByRole('textbox', { name: 'Name' });
  expect(input).toHaveAccessibleDescription('Shown on the dashboard. Enter a name.');
  expect(input).toHaveAttribute('aria-invalid', 'true');
});

function DialogHarness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Rename dashboard" description="Pick a name.">
        <input aria-label="Name" data-autofocus />
      </Dialog>
    </>
  );
}

test('Dialog is named by its title, focuses the autofocus control and returns focus on close', async () => {
  const user = userEvent.setup();
  render(<DialogHarness />);
  const opener = screen.getByRole('button', { name: 'Open' });
  await user.click(opener);
  const dialog = screen.getByRole('dialog', { name: 'Rename dashboard' });
  expect(dialog).toHaveAccessibleDescription('Pick a name.');
  expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
  await user.click(screen.getByRole('button', { name: 'Close' }));
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(opener).toHaveFocus();
});

function ToastHarness({ onUndo }: { onUndo: () => void }) {
  const toast = useToast();
  return (
    <>
      <Button
        onClick={() =>
          toast.show({ tone: 'success', title: 'Widget deleted', action: { label: 'Undo', onClick: onUndo } })
        }
      >
        Delete
      </Button>
      <Button
        onClick={() =>
          toast.show({ tone: 'error', title: 'Save failed', description: '503 Service Unavailable' })
        }
      >
        Fail
      </Button>
    </>
  );
}

test('toasts announce outcomes, run their action once and dismiss themselves', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
  const onUndo = vi.fn();
  render(
    <ToastProvider>
      <ToastHarness onUndo={onUndo} />
    </ToastProvider>,
  );
  await user.click(screen.getByRole('button', { name: 'Fail' }));
  expect(screen.getByRole('alert')).toHaveTextContent('Save failed503 Service Unavailable');
  await user.click(screen.getByRole('button', { name: 'Delete' }));
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  expect(onUndo).toHaveBeenCalledTimes(1);
  expect(screen.queryByText('Widget deleted')).not.toBeInTheDocument();
  act(() => {
    vi.advanceTimersByTime(11_000);
  });
  expect(screen.queryByText('Save failed')).not.toBeInTheDocument();
  vi.useRealTimers();
});

function DialogWithToast() {
  const [open, setOpen] = useState(true);
  const toast = useToast();
  return (
    <Dialog open={open} onClose={() => setOpen(false)} title="Edit dashboard filters">
      <Button onClick={() => toast.show({ tone: 'error', title: 'Could not save the filters' })}>Save</Button>
    </Dialog>
  );
}

test('a toast raised while a modal dialog is open is shown inside it, above its backdrop', async () => {
  const user = userEvent.setup();
  render(
    <ToastProvider>
      <DialogWithToast />
    </ToastProvider>,
  );
  const dialog = screen.getByRole('dialog', { name: 'Edit dashboard filters' });
  await user.click(screen.getByRole('button', { name: 'Save' }));
  // A modal dialog makes everything outside it inert: the notifications must live inside the dialog.
  const region = screen.getByRole('region', { name: 'Notifications' });
  expect(dialog).toContainElement(region);
  await user.click(screen.getByRole('button', { name: 'Dismiss notification' }));
  expect(screen.queryByText('Could not save the filters')).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Save' }));
  await user.click(screen.getByRole('button', { name: 'Close' }));
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  // Back on the page once the dialog is gone, with the toast still shown.
  expect(screen.getByRole('region', { name: 'Notifications' })).toHaveTextContent(
    'Could not save the filters',
  );
});

function Boom({ explode }: { explode: boolean }) {
  if (explode) throw new Error('chart exploded');
  return <p>fine</p>;
}

test('ErrorBoundary shows the fallback and recovers when its reset keys change', () => {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const fallback = (error: unknown) => <p role="alert">{error instanceof Error ? error.message : 'x'}</p>;
  const { rerender } = render(
    <ErrorBoundary fallback={fallback} resetKeys={['a']}>
      <Boom explode />
    </ErrorBoundary>,
  );
  expect(screen.getByRole('alert')).toHaveTextContent('chart exploded');
  rerender(
    <ErrorBoundary fallback={fallback} resetKeys={['b']}>
      <Boom explode={false} />
    </ErrorBoundary>,
  );
  expect(screen.getByText('fine')).toBeInTheDocument();
  spy.mockRestore();
});
