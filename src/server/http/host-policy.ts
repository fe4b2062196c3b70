/**
 * Which `Host` names this server answers its API to. A DNS-rebinding page reaches us under a name its
 * author controls (`evil.example` resolving to 127.0.0.1), so the browser treats it as same-origin;
 * only the `Host` it sends gives it away. A name is allowed when it is a loopback name, one of the
 * addresses the server listens on, or listed in `ALLOWED_HOSTS`.
 */
export type HostPolicy = (hostname: string) => boolean;

export interface HostPolicyOptions {
  /** `ALLOWED_HOSTS`: extra names (e.g. the reverse proxy's); `*` allows every name. */
  allowedHosts?: readonly string[];
  /** Addresses this server listens on (the bind address, or every interface's when bound to all). */
  ownAddresses?: readonly string[];
}

/** A host name from a `Host` header or a URL host: lower case, port and IPv6 brackets removed. */
export function normaliseHostname(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith('[')) {
    const end = trimmed.indexOf(']');
    return end === -1 ? trimmed : trimmed.slice(1, end);
  }
  // A bare IPv6 address (from a bind address or os.networkInterfaces) has several colons and no port.
  if (trimmed.split(':').length > 2) return trimmed;
  return trimmed.replace(/:\d*$/, '').replace(/\.$/, '');
}

/** Names that only this machine can reach. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = normaliseHostname(hostname);
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Whether a `Host` header names this machine's loopback interface (the local key's only audience). */
export function isLoopbackHost(hostHeader: string | undefined): boolean {
  return hostHeader !== undefined && hostHeader.trim() !== '' && isLoopbackHostname(hostHeader);
}

export function createHostPolicy(options: HostPolicyOptions = {}): HostPolicy {
  const allowed = new Set(
    [...(options.allowedHosts ?? []), ...(options.ownAddresses ?? [])].map(normaliseHostname),
  );
  allowed.delete('');
  if (allowed.has('*')) return () => true;
  // A wildcard bind address is not a name anybody can send.
  allowed.delete('0.0.0.0');
  allowed.delete('::');
  return (hostname) => {
    const name = normaliseHostname(hostname);
    return name !== '' && (isLoopbackHostname(name) || allowed.has(name));
  };
}

/** `ALLOWED_HOSTS=studio.example.com, 10.0.0.5` → the names, blanks dropped. */
export function parseAllowedHosts(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
