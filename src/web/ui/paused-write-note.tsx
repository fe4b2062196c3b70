/**
 * Said beside a form whose write is held back because the browser is offline (a paused
 * mutation): the user's input is kept and sent by itself once the connection is back, so they
 * need not press the button again, nor fear that it went nowhere; closing the form gives it up
 * (`useDropHeldWriteOnUnmount`).
 */
export function PausedWriteNote({ paused, what }: { paused: boolean; what: string }) {
  return (
    <p role="status" className="text-sm text-amber-800 empty:hidden dark:text-amber-300">
      {paused
        ? `You are offline. ${what} is saved as soon as the connection is back, unless you close this dialog.`
        : null}
    </p>
  );
}
