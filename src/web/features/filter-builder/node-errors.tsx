import { AlertIcon } from '../../ui/icons.tsx';
import type { NodeStatus } from './node-status-store.ts';

const KEY_LABELS: Record<string, string> = {
  field: 'Field',
  op: 'Operator',
  value: 'Value',
  operator: 'Combinator',
  conditions: 'Conditions',
};

/**
 * A node's validation messages (rose) and contradiction warnings (amber), referenced by the node's
 * `aria-describedby`. A row without a field yet shows no field error: it already says "Choose a field".
 */
export function NodeErrors({
  id,
  status,
  hideFieldErrors,
}: {
  id: string;
  status: NodeStatus;
  hideFieldErrors?: boolean;
}) {
  const errors = hideFieldErrors ? status.errors.filter((error) => error.key !== 'field') : status.errors;
  if (errors.length === 0 && status.warnings.length === 0) return <span id={id} hidden />;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-xs">
      {errors.map((error, index) => (
        <li key={`e${index}`} className="flex items-start gap-1 text-rose-700 dark:text-rose-400">
          <AlertIcon className="mt-px size-3.5 shrink-0" />
          <span>
            {error.key &&
            !error.message.toLowerCase().startsWith((KEY_LABELS[error.key] ?? error.key).toLowerCase()) ? (
              <span className="font-medium">{KEY_LABELS[error.key] ?? error.key}: </span>
            ) : null}
            {error.message}
          </span>
        </li>
      ))}
      {status.warnings.map((warning, index) => (
        <li key={`w${index}`} className="flex items-start gap-1 text-amber-700 dark:text-amber-400">
          <AlertIcon className="mt-px size-3.5 shrink-0" />
          <span>
            <span className="font-medium">Contradiction: </span>
            {warning}
          </span>
        </li>
      ))}
    </ul>
  );
}
