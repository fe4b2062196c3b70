/**
 * Entry of the connection feature: which API and key the app uses. The page, the provider that
 * owns the connection (and the API client), the header badge and the hook.
 */
export { ConnectionPage } from './connection-page.tsx';
export { ConnectionProvider } from './connection-provider.tsx';
export type { ConnectionProviderProps } from './connection-provider.tsx';
export { ConnectionStatusBadge } from './connection-status-badge.tsx';
export { useConnection } from './connection-context.ts';
export type { ActiveConnection, ConnectionSource } from './connection-context.ts';
export { readLocalConfig } from './local-config.ts';
export type { LocalConfig } from './local-config.ts';
