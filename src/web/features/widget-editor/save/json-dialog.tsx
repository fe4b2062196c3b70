import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';

/** View JSON: the widget as it will be sent, read-only, with a copy button. */
export function JsonDialog(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  sections: { label: string; value: unknown }[];
}) {
  const { open, onClose, title, sections } = props;
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (label: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(label);
    } catch {
      setCopied(null);
    }
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      className="max-w-3xl"
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <div className="space-y-4">
        {sections.map((section) => {
          const text = JSON.stringify(section.value, null, 2);
          return (
            <div key={section.label}>
              <div className="mb-1 flex items-center justify-between">
                <h3 className="text-sm font-medium">{section.label}</h3>
                <Button size="sm" variant="ghost" onClick={() => void copy(section.label, text)}>
                  {copied === section.label ? 'Copied' : 'Copy'}
                </Button>
              </div>
              <pre
                aria-label={section.label}
                tabIndex={0}
                className="max-h-80 overflow-auto rounded-md bg-slate-50 p-3 text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200"
              >
                {text}
              </pre>
            </div>
          );
        })}
      </div>
    </Dialog>
  );
}
