import { BuiltImage } from '../facts';

/**
 * Which containers run a third-party image: one the repository does not build (no build or CI
 * file builds, tags or pushes it, see `ci/builtImages.ts`), such as a stock redis or tracing
 * sidecar. The k8s checks judge the service's own containers only (docs/check-semantics.md).
 */

/**
 * Stock images of infrastructure that runs beside a service, matched on the last element of
 * the image's repository path (`redis`, `bitnami/redis:7.2`, `docker.io/library/redis`); a
 * trailing `*` matches any rest (`jaeger*`: `jaeger-collector`), and `namespace/name` also
 * needs the element before it (`jaegertracing/*`: every image of that namespace).
 */
export const STOCK_IMAGES: readonly string[] = [
  // Data stores, queues, coordination, secrets.
  'redis',
  'redis-stack*',
  'valkey',
  'postgres',
  'postgresql',
  'postgis',
  'pgbouncer',
  'mysql',
  'mariadb',
  'mongo',
  'mongodb',
  'memcached',
  'rabbitmq',
  'kafka',
  'cp-kafka',
  'zookeeper',
  'cp-zookeeper',
  'cp-schema-registry',
  'nats',
  'nats-streaming',
  'etcd',
  'consul',
  'vault',
  'minio',
  'localstack',
  'cassandra',
  'cockroach',
  'clickhouse',
  'clickhouse-server',
  'elasticsearch',
  'opensearch',
  'keycloak',
  'temporalio/*',
  // Logs, traces, metrics.
  'kibana',
  'opensearch-dashboards',
  'logstash',
  'fluentd',
  'fluent-bit',
  'jaeger*',
  'jaegertracing/*',
  'zipkin',
  'opentelemetry-collector*',
  'otel-collector*',
  'prometheus',
  'alertmanager',
  'pushgateway',
  'node-exporter',
  'grafana',
  'loki',
  'promtail',
  'tempo',
  // Proxies and service-mesh sidecars.
  'nginx',
  'nginx-unprivileged',
  'envoy',
  'haproxy',
  'traefik',
  'proxyv2',
  'linkerd/proxy',
  'cloud-sql-proxy',
  'gce-proxy',
  'oauth2-proxy',
  // Base and utility images.
  'busybox',
  'alpine',
  'curlimages/curl',
];

/** Stands for a variable in an image reference while it is split. */
const UNRESOLVED = '\u0000';
/**
 * Variables and template actions an image reference may hold: `${{ github.sha }}`,
 * `{{ .Values.tag }}`, `${TAG}`, `$(TAG)`, `$TAG`, the Helm placeholder `__TEMPLATE__`.
 */
const VARIABLE =
  /\$\{\{[^{}]*\}\}|\{\{[^{}]*\}\}|\$\{[^{}]*\}|\$\([^()]*\)|\$[A-Za-z_][A-Za-z0-9_]*|__TEMPLATE__/g;

/** An image reference's repository path below the registry host, without tag and digest. */
export interface ImageName {
  /** Lowercased path elements; `undefined` where a variable stands (`${REGISTRY}/ledger`). */
  path: (string | undefined)[];
  /** A `ko://` reference: ko builds it from the repository's Go code. */
  ko?: boolean;
}

/**
 * Splits an image reference: `ghcr.io/acme/ledger:1.2@sha256:…` → `acme/ledger`,
 * `${REGISTRY}/ledger:${TAG}` → `?/ledger`, `docker.io/library/redis` → `redis`.
 * Undefined for an empty reference.
 */
export function imageName(ref: string): ImageName | undefined {
  let s = ref.trim();
  if (s.startsWith('ko://')) return { path: [], ko: true };
  s = s.replace(/^docker:\/\//, '');
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(VARIABLE, UNRESOLVED);
  }
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const colon = s.indexOf(':', s.lastIndexOf('/') + 1);
  if (colon >= 0) s = s.slice(0, colon);
  if (!s) return undefined;
  const elements = s.split('/');
  const first = elements[0];
  if (
    elements.length > 1 &&
    !first.includes(UNRESOLVED) &&
    (first.includes('.') || first.includes(':') || first === 'localhost')
  )
    elements.shift();
  if (elements.length === 2 && elements[0] === 'library') elements.shift();
  return {
    path: elements.map(e =>
      !e || e.includes(UNRESOLVED) ? undefined : e.toLowerCase(),
    ),
  };
}

function last<T>(items: T[]): T | undefined {
  return items[items.length - 1];
}

/** The entry of {@link STOCK_IMAGES} a repository path matches. */
export function stockImage(path: (string | undefined)[]): string | undefined {
  const name = last(path);
  const namespace = path[path.length - 2];
  if (!name) return undefined;
  return STOCK_IMAGES.find(entry => {
    const slash = entry.indexOf('/');
    const pattern = entry.slice(slash + 1);
    if (slash >= 0 && entry.slice(0, slash) !== namespace) return false;
    return pattern.endsWith('*')
      ? name.startsWith(pattern.slice(0, -1))
      : name === pattern;
  });
}

/**
 * Why an image is third-party: a stock image the repository does not build, or (`unbuilt`) none
 * of the images the repository builds, whose last path elements are `built`, sorted.
 */
export type ThirdPartyReason =
  | { k: 'stock' }
  | { k: 'unbuilt'; built: string[] };

/** The images a repository builds, as container images are compared with them. */
export class RepositoryImages {
  /** Last path elements of the images the builds name. */
  private readonly names = new Set<string>();
  /** Literal namespaces (path without the last element) of those images. */
  private readonly namespaces = new Set<string>();
  /**
   * Literal namespaces of builds whose last path element is a variable (`buoyantio/$(svc_name)`
   * in a Make fragment several Makefiles include with their own `svc_name`): any image there.
   */
  private readonly anyIn = new Set<string>();
  /** Every build names an image whose last path element, or at least namespace, is known. */
  private readonly allNamed: boolean;

  constructor(built: BuiltImage[]) {
    let allNamed = true;
    for (const b of built) {
      const name = b.image === undefined ? undefined : imageName(b.image);
      const tail = name && last(name.path);
      const namespace = name?.path.slice(0, -1) ?? [];
      if (name && !tail && namespace.length && namespace.every(e => e)) {
        this.anyIn.add(namespace.join('/'));
        continue;
      }
      if (!name || !tail) {
        allNamed = false;
        continue;
      }
      this.names.add(tail);
      if (namespace.length && namespace.every(e => e !== undefined))
        this.namespaces.add(namespace.join('/'));
    }
    this.allNamed = allNamed;
  }

  /**
   * Why an image is third-party, or undefined when it is (or may be) the service's own:
   * - the repository builds it (same last path element: `ghcr.io/acme/ledger:1.2` and a
   *   build of `acme/ledger` or `ledger`), or it is a `ko://` reference: own;
   * - unknown (no image, templated, its last path element a variable): own;
   * - of a namespace a build names with a variable for the rest (`buoyantio/$(svc_name)`): own,
   *   even a stock image's name (`grafana/tempo` beside a build of `grafana/$(COMPONENT)`);
   * - a stock image ({@link STOCK_IMAGES}): third-party;
   * - when every build names its image (or its namespace) and at least one does: an image of none of those
   *   names is third-party, unless it is a bare name (`app`: a Kustomize `images:`
   *   placeholder or a local image), has a variable in its path, or shares its namespace
   *   with a built image (`acme/ledger-worker` beside a build of `acme/ledger`).
   */
  thirdPartyReason(image: string | undefined): ThirdPartyReason | undefined {
    const name = image === undefined ? undefined : imageName(image);
    const tail = name && last(name.path);
    if (!name || name.ko || !tail || this.names.has(tail)) return undefined;
    // A namespace the repository builds any image of wins over the stock list (tempo builds
    // `grafana/$(COMPONENT)`, and `grafana/tempo` is its own).
    const namespace = name.path.slice(0, -1).join('/');
    if (this.anyIn.has(namespace)) return undefined;
    if (stockImage(name.path)) return { k: 'stock' };
    if (
      (this.names.size === 0 && this.anyIn.size === 0) ||
      !this.allNamed ||
      name.path.length < 2 ||
      name.path.some(e => e === undefined) ||
      this.namespaces.has(namespace)
    )
      return undefined;
    return {
      k: 'unbuilt',
      built: [...this.names, ...[...this.anyIn].map(n => `${n}/*`)].sort(),
    };
  }
}
