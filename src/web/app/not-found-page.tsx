import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { buttonClassName } from '../ui/button.tsx';

/** Any URL no route matches. */
export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
        There is nothing at this address. It may have been mistyped, or the page has moved.
      </p>
      <Link to="/dashboards" className={`${buttonClassName('primary')} mt-6`}>
        Go to dashboards
      </Link>
    </div>
  );
}
