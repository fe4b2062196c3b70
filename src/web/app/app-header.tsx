import { Link, NavLink } from 'react-router';
import { ConnectionStatusBadge } from '../features/connection/connection.tsx';
import { classNames } from '../lib/class-names.ts';
import { FOCUS_RING } from '../ui/focus-ring.ts';
import { DashboardIcon } from '../ui/icons.tsx';

const NAV = [
  { to: '/dashboards', label: 'Dashboards' },
  { to: '/import', label: 'Import calls' },
  { to: '/trash', label: 'Trash' },
  { to: '/connection', label: 'Connection' },
];

/** App name, main navigation and the connection status. */
export function AppHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-6 px-6">
        <Link
          to="/dashboards"
          className={classNames(
            'flex items-center gap-2 rounded-md font-semibold text-slate-900 dark:text-slate-100',
            FOCUS_RING,
          )}
        >
          <DashboardIcon className="size-5 text-indigo-600 dark:text-indigo-400" />
          Widget Studio
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              className={({ isActive }) =>
                classNames(
                  'rounded-md px-3 py-1.5 text-sm font-medium',
                  isActive
                    ? 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100'
                    : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100',
                  FOCUS_RING,
                )
              }
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto">
          <ConnectionStatusBadge />
        </div>
      </div>
    </header>
  );
}
