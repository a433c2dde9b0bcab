/** Resolver schemes gRPC accepts without `//` (`unix:/path`, `ipv4:1.2.3.4:80`). */
const OPAQUE_SCHEMES =
  /^(dns|passthrough|unix|unix-abstract|vsock|ipv4|ipv6|xds|google-c2p):/i;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const DNS_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/;

/**
 * The DNS name a gRPC client target is looked up by, or undefined when the target is
 * not a DNS name the resolver would search for: a URL with a scheme (`dns:///…`,
 * `passthrough:///…`, `xds:///…`, `unix:…`), an IPv4 or IPv6 address, `localhost`,
 * an empty host (`:8080`), or text that is no host name (a template, `%s`, `${X}`).
 */
export function targetHost(target: string): string | undefined {
  const t = target.trim();
  if (
    t === '' ||
    URL_SCHEME.test(t) ||
    OPAQUE_SCHEMES.test(t) ||
    t.startsWith('[')
  )
    return undefined;
  const colons = t.split(':').length - 1;
  if (colons > 1) return undefined;
  const host = colons === 1 ? t.slice(0, t.indexOf(':')) : t;
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (
    !DNS_NAME.test(host) ||
    IPV4.test(host) ||
    /^\d+$/.test(host) ||
    lower === 'localhost' ||
    lower.endsWith('.localhost')
  ) {
    return undefined;
  }
  return host;
}

/** Number of dots in a host name, not counting a trailing one. */
export function dotCount(host: string): number {
  return host.replace(/\.$/, '').split('.').length - 1;
}

/**
 * Whether a gRPC target is a name the resolver sends through the search-domain list:
 * a host name ({@link targetHost}) without a trailing dot and with fewer dots than
 * `ndots` (`user-service:8080`, `users.shop.svc.cluster.local:8080` under ndots 5).
 */
export function isShortKubernetesTarget(
  target: string,
  ndots: number,
): boolean {
  const host = targetHost(target);
  return host !== undefined && !host.endsWith('.') && dotCount(host) < ndots;
}
