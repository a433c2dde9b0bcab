import { dotCount, isShortKubernetesTarget, targetHost } from './target';

describe('isShortKubernetesTarget', () => {
  it.each([
    ['user-service:8080', 5, true],
    ['user-service', 5, true],
    ['user-service.shop:8080', 5, true],
    ['user-service.shop.svc.cluster.local:8080', 5, true],
    ['user-service.shop.svc.cluster.local:8080', 2, false],
    ['user-service.shop:8080', 2, true],
    ['user-service.shop.svc:8080', 2, false],
    ['user-service:8080', 2, true],
    ['api.example.com:443', 5, true],
    ['  user-service:8080 ', 5, true],
    ['dns:///user-service:8080', 5, true],
    ['dns://8.8.8.8/user-service.shop:8080', 5, true],
    ['dns:user-service:8080', 5, true],
    ['passthrough:///user-service:8080', 5, true],
    ['DNS:///user-service:8080', 5, true],
  ])('%j under ndots %d is short: %p', (target, ndots, want) => {
    expect(isShortKubernetesTarget(target, ndots)).toBe(want);
  });

  it.each([
    'user-service.shop.svc.cluster.local.:8080',
    'user-service.:8080',
    'dns:///user-service.shop.svc.cluster.local.:8080',
    'passthrough:///10.0.0.1:8080',
    'dns:///localhost:50051',
    'xds:///user-service',
    'kubernetes:///user-service:8080',
    'unix:///var/run/app.sock',
    'unix:app.sock',
    'unix-abstract:app',
    'ipv4:10.0.0.1:80',
    '10.0.0.1:8080',
    '10.0.0.1',
    '[::1]:8080',
    '[2001:db8::1]',
    '::1',
    '2001:db8::1',
    'localhost:50051',
    'LOCALHOST',
    'api.localhost:1',
    ':8080',
    '',
    '%s:%d',
    '${USER_HOST}:8080',
    '{{ .Values.addr }}',
    'http://user-service:8080',
    '8080',
    // a flag's word, without a port: a setting another variable of a registry holds
    'true',
    'Off',
    // a path after the colon: a URI of another kind (`file:`), no host and port
    'file:/etc/flagd/config.json',
    'users:/tmp/sock',
  ])('%j is not short', target => {
    expect(isShortKubernetesTarget(target, 5)).toBe(false);
  });

  it('exposes the host and its dots', () => {
    expect(targetHost('users.shop:80')).toBe('users.shop');
    expect(targetHost('users.shop.:80')).toBe('users.shop.');
    expect(targetHost('dns:///users')).toBe('users');
    expect(targetHost('xds:///users')).toBeUndefined();
    // a service name as the port, or a port not known
    expect(targetHost('users:grpc')).toBe('users');
    expect(targetHost('users:\u0000')).toBe('users');
    expect(dotCount('a.b.c.')).toBe(2);
    expect(dotCount('a')).toBe(0);
  });
});
