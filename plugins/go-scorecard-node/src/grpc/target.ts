/**
 * Schemes whose resolver looks the name up through Go's resolver, which walks the resolv.conf
 * search list (grpc-go's `dns` resolver calls `net.Resolver.LookupHost`; `passthrough` hands the
 * name to `net.Dial`): `dns:///cart:7070`, `dns://8.8.8.8/cart:7070` and `passthrough:///cart:7070`
 * are as short as `cart:7070` (design.md, Rule notes: "Schemes").
 */
const SEARCHING_SCHEME = /^(?:dns|passthrough):(?:\/\/[^/]*\/)?/i;
/** Other resolver schemes gRPC accepts without `//` (`unix:/path`, `ipv4:1.2.3.4:80`): no DNS search. */
const OPAQUE_SCHEMES =
  /^(unix|unix-abstract|vsock|ipv4|ipv6|xds|google-c2p|kubernetes):/i;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** What may follow a host's colon: a port number or a service name (unknown parts taken out). */
const PORT = /^[\w-]*$/;
const DNS_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/;
/**
 * Words a setting holds that are no host (`EXPOSE_ADMIN="true"`): without a port they are
 * read as a flag's value, not a target, wherever a value flows from.
 */
const NOT_HOSTS = new Set([
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'enabled',
  'disabled',
  'null',
  'none',
  'nil',
]);

/**
 * The DNS name a gRPC client target is looked up by, or undefined when the target is
 * not a DNS name the resolver would search for: a scheme whose resolver does not use DNS
 * search (`xds:///…`, `unix:…`, `kubernetes:///…`, any other URL), an IPv4 or IPv6 address,
 * `localhost`, an empty host (`:8080`), a flag's word without a port (`true`, `off`), or
 * text that is no host name (a template, `%s`, `${X}`). The `dns` and `passthrough` schemes are looked through: their names are searched.
 */
export function targetHost(target: string): string | undefined {
  const t = target.trim().replace(SEARCHING_SCHEME, '');
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
  // A port is a number or a service name (`net.Dial`'s "http"); `file:/etc/flags.json` is a
  // path, no host and port. A part not known (`\u0000`) may be either.
  const port = colons === 1 ? t.slice(t.indexOf(':') + 1) : '';
  if (!PORT.test(port.split('\u0000').join(''))) return undefined;
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (
    !DNS_NAME.test(host) ||
    IPV4.test(host) ||
    /^\d+$/.test(host) ||
    (colons === 0 && NOT_HOSTS.has(lower)) ||
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
