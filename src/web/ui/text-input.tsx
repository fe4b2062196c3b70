import type { InputHTMLAttributes, Ref } from 'react';
import { classNames } from '../lib/class-names.ts';
import { FOCUS_RING } from './focus-ring.ts';

export const CONTROL_CLASS_NAME = classNames(
  'block w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm',
  'placeholder:text-slate-400 disabled:cursor-not-allowed disabled:opacity-60',
  'border-slate-300 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-500',
  'aria-[invalid=true]:border-rose-500 dark:aria-[invalid=true]:border-rose-400',
  FOCUS_RING,
);

export interface TextInputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
}

/** A native text input with the shared control style. */
export function TextInput({ className, type = 'text', ...rest }: TextInputProps) {
  return <input type={type} className={classNames(CONTROL_CLASS_NAME, 'h-9', className)} {...rest} />;
}
