import { BuiltImage } from '../facts';
import { RepositoryImages, imageName, stockImage } from './thirdPartyImages';

const built = (...images: (string | undefined)[]): BuiltImage[] =>
  images.map((image, i) => ({
    path: 'Makefile',
    line: i + 1,
    snippet: '',
    ...(image === undefined ? {} : { image }),
  }));

describe('imageName', () => {
  it.each([
    ['ghcr.io/acme/ledger:1.2', ['acme', 'ledger']],
    ['ghcr.io/acme/ledger@sha256:0123', ['acme', 'ledger']],
    ['registry.local:5000/acme/Ledger:dev', ['acme', 'ledger']],
    ['localhost/ledger', ['ledger']],
    ['redis:7.2', ['redis']],
    ['docker.io/library/redis', ['redis']],
    ['bitnami/redis:7.2', ['bitnami', 'redis']],
    ['${REGISTRY}/ledger:${TAG}', [undefined, 'ledger']],
    ['$(IMAGE):$(TAG)', [undefined]],
    ['$IMAGE', [undefined]],
    ['ghcr.io/${{ github.repository }}:${{ github.sha }}', [undefined]],
    ['ghcr.io/acme/ledger:$(shell git rev-parse $(REF))', ['acme', 'ledger']],
    ['docker://quay.io/acme/batch:1', ['acme', 'batch']],
  ])('%s', (ref, path) => {
    expect(imageName(ref)).toEqual({ path });
  });

  it('knows ko:// references', () => {
    expect(imageName('ko://github.com/acme/ledger/cmd/ledger')).toEqual({
      path: [],
      ko: true,
    });
  });
});

describe('stockImage', () => {
  it.each([
    [['redis'], 'redis'],
    [['bitnami', 'postgresql'], 'postgresql'],
    [['jaegertracing', 'all-in-one'], 'jaegertracing/*'],
    [['jaegertracing', 'jaeger-collector'], 'jaeger*'],
    [['otel', 'opentelemetry-collector-contrib'], 'opentelemetry-collector*'],
    [['linkerd', 'proxy'], 'linkerd/proxy'],
    [['acme', 'proxy'], undefined],
    [['acme', 'redis-cache'], undefined],
    [['curlimages', 'curl'], 'curlimages/curl'],
    [['curl'], undefined],
  ])('%j', (path, entry) => {
    expect(stockImage(path)).toBe(entry);
  });
});

describe('RepositoryImages.thirdPartyReason', () => {
  it('leaves stock images out unless the repository builds one of their name', () => {
    const repo = new RepositoryImages([]);
    expect(repo.thirdPartyReason('redis:7.2')).toEqual({ k: 'stock' });
    expect(repo.thirdPartyReason('ghcr.io/acme/ledger:1.2')).toBeUndefined();
    expect(
      new RepositoryImages(
        built('ghcr.io/acme/nginx:$(VERSION)'),
      ).thirdPartyReason('ghcr.io/acme/nginx:1.25'),
    ).toBeUndefined();
  });

  it('counts an unknown image as own', () => {
    const repo = new RepositoryImages(built('acme/ledger'));
    expect(repo.thirdPartyReason(undefined)).toBeUndefined();
    expect(repo.thirdPartyReason('${IMAGE}')).toBeUndefined();
    expect(
      repo.thirdPartyReason('ko://github.com/acme/x/cmd/x'),
    ).toBeUndefined();
  });

  it('matches built images on the last path element', () => {
    const repo = new RepositoryImages(built('${REGISTRY}/ledger:${TAG}'));
    expect(repo.thirdPartyReason('ghcr.io/acme/ledger:1.2')).toBeUndefined();
    expect(repo.thirdPartyReason('ledger')).toBeUndefined();
  });

  it('takes a build with a variable for the name as any image of its namespace', () => {
    // A Make fragment two Makefiles include, each with its own svc_name (emojivoto).
    const repo = new RepositoryImages(
      built('buoyantio/$(svc_name):$(IMAGE_TAG)', 'buoyantio/emojivoto-web'),
    );
    expect(
      repo.thirdPartyReason('buoyantio/emojivoto-emoji-svc:v11'),
    ).toBeUndefined();
    expect(
      repo.thirdPartyReason('gcr.io/linkerd-io/controller:stable-2.8.1'),
    ).toEqual({ k: 'unbuilt', built: ['buoyantio/*', 'emojivoto-web'] });
    // With no namespace known, a build of an unknown name may be any image.
    expect(
      new RepositoryImages(built('$(REGISTRY)/$(NAME)')).thirdPartyReason(
        'gcr.io/linkerd-io/controller:stable-2.8.1',
      ),
    ).toBeUndefined();
  });

  it('leaves out other images once every build names its image', () => {
    const repo = new RepositoryImages(
      built('ghcr.io/acme/ledger:$(TAG)', 'acme/ledger-migrate'),
    );
    expect(repo.thirdPartyReason('ghcr.io/dexidp/dex:v2.39')).toEqual({
      k: 'unbuilt',
      built: ['ledger', 'ledger-migrate'],
    });
    // Same namespace as a built image: maybe built elsewhere by the same team.
    expect(
      repo.thirdPartyReason('ghcr.io/acme/ledger-worker:1'),
    ).toBeUndefined();
    // A bare name may be a Kustomize images: placeholder.
    expect(repo.thirdPartyReason('app')).toBeUndefined();
    // A variable in the path may stand for the team's registry.
    expect(repo.thirdPartyReason('${REGISTRY}/dex:v2.39')).toBeUndefined();
  });

  it('judges no unlisted image when a build names no image or nothing is built', () => {
    const proxy = 'ghcr.io/dexidp/dex:v2.39';
    expect(
      new RepositoryImages(built('acme/ledger', undefined)).thirdPartyReason(
        proxy,
      ),
    ).toBeUndefined();
    expect(
      new RepositoryImages(
        built('acme/ledger', '$CI_REGISTRY_IMAGE:$TAG'),
      ).thirdPartyReason(proxy),
    ).toBeUndefined();
    expect(new RepositoryImages([]).thirdPartyReason(proxy)).toBeUndefined();
  });
});
