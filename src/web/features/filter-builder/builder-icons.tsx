import type { ReactNode } from 'react';

/** Icons the shared set lacks; decorative, the button holding one carries the accessible name. */
function icon(paths: ReactNode) {
  return function Icon({ className }: { className?: string }) {
    return (
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        className={className ?? 'size-4'}
      >
        {paths}
      </svg>
    );
  };
}

export const GripIcon = icon(
  <path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" strokeWidth="3" />,
);
export const ArrowUpIcon = icon(<path d="M12 19V5M6 11l6-6 6 6" />);
export const ArrowDownIcon = icon(<path d="M12 5v14M6 13l6 6 6-6" />);
export const IndentIcon = icon(<path d="M4 6h16M10 12h10M10 18h10M4 10l3 2-3 2" />);
export const OutdentIcon = icon(<path d="M4 6h16M10 12h10M10 18h10M7 10l-3 2 3 2" />);
export const UngroupIcon = icon(
  <path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3M9 12h6" />,
);
export const ChevronRightIcon = icon(<path d="m9 6 6 6-6 6" />);
export const GroupIcon = icon(<path d="M4 5h4M4 5v14h4M20 5h-4M20 5v14h-4M9 12h6M12 9v6" />);
