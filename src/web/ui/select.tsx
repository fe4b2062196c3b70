import type { Ref, SelectHTMLAttributes } from 'react';
import { classNames } from '../lib/class-names.ts';
import { CONTROL_CLASS_NAME } from './text-input.tsx';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** Rendered as `<option>`s before any `children`. */
  options?: readonly SelectOption[];
  ref?: Ref<HTMLSelectElement>;
}

/** A native select with the shared control style (keyboard and screen readers work as usual). */
export function Select({ className, options, children, ...rest }: SelectProps) {
  return (
    <select className={classNames(CONTROL_CLASS_NAME, 'h-9 pr-8', className)} {...rest}>
      {options?.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}
