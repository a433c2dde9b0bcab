import { readBuildFiles } from './buildFiles';
import { imagesBuiltBy, imagesBuiltIn } from './builtImages';

/** `line: image` (`?` for a build that names none) of each built image. */
const summary = (images: { line: number; image?: string }[]) =>
  images.map(i => `${i.line}: ${i.image ?? '?'}`);

/** The images the commands of build files build. */
const byCommands = (files: Record<string, string>) =>
  summary(
    imagesBuiltBy(
      readBuildFiles(
        Object.entries(files).map(([path, text]) => ({ path, text })),
        [],
      ).commands,
    ),
  );

describe('imagesBuiltBy', () => {
  it('reads docker, podman, buildah, tag and push commands of a script', () => {
    const script = [
      '#!/bin/sh',
      'docker build -t ghcr.io/acme/ledger:1.2 -t acme/ledger:latest .', // 2
      'docker buildx build --platform linux/amd64 --tag=acme/api --push .', // 3
      'podman build -f Containerfile -tacme/worker .', // 4
      'buildah bud -t quay.io/acme/batch .', // 5
      'docker tag ledger:dev registry.local:5000/acme/ledger:dev', // 6
      'docker push ghcr.io/acme/ledger:1.2', // 7
      'docker build .', // 8
      'docker run --rm redis:7', // 9
      'docker --context ci image build -t acme/gateway .', // 10
      'ko build ./cmd/ledger', // 11
      '/kaniko/executor --context . --destination gcr.io/acme/audit:1', // 12
      'gcloud builds submit --tag gcr.io/acme/report', // 13
      'pack build acme/notify --builder paketobuildpacks/builder', // 14
    ].join('\n');
    expect(byCommands({ 'build.sh': script })).toEqual([
      '2: ghcr.io/acme/ledger:1.2',
      '2: acme/ledger:latest',
      '3: acme/api',
      '4: acme/worker',
      '5: quay.io/acme/batch',
      '6: registry.local:5000/acme/ledger:dev',
      '7: ghcr.io/acme/ledger:1.2',
      '8: ?',
      '10: acme/gateway',
      '11: ?',
      '12: gcr.io/acme/audit:1',
      '13: gcr.io/acme/report',
      '14: acme/notify',
    ]);
  });

  it('expands Makefile variables and the shell variables a script sets', () => {
    const makefile = [
      'IMAGE ?= ghcr.io/acme/ledger',
      'TAG := $(shell git rev-parse --short HEAD)',
      'image:',
      '\tdocker build -t $(IMAGE):$(TAG) .', // 4
    ].join('\n');
    const script = [
      'export IMAGE=ghcr.io/acme/worker',
      'docker build -t "$IMAGE:$TAG" .', // 2
      'docker build -t "${REGISTRY}/ledger-migrate:${TAG}" .', // 3
    ].join('\n');
    expect(byCommands({ Makefile: makefile, 'hack/build.sh': script })).toEqual(
      [
        '4: ghcr.io/acme/ledger:$(TAG)',
        '2: ghcr.io/acme/worker:$TAG',
        '3: ${REGISTRY}/ledger-migrate:${TAG}',
      ],
    );
  });

  it('reads docker commands of GitHub Actions run steps with their env', () => {
    const workflow = [
      'on: push',
      'env:',
      '  IMAGE: ghcr.io/acme/ledger',
      'jobs:',
      '  image:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: docker build -t $IMAGE:${{ github.sha }} .', // 8
    ].join('\n');
    expect(byCommands({ '.github/workflows/ci.yml': workflow })).toEqual([
      '8: ghcr.io/acme/ledger:${{ github.sha }}',
    ]);
  });
});

describe('imagesBuiltIn', () => {
  it('reads build-push-action tags, with env and metadata-action images', () => {
    const workflow = [
      'on: push',
      'env:',
      '  REGISTRY: ghcr.io',
      'jobs:',
      '  image:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      IMAGE: ghcr.io/acme/ledger',
      '    steps:',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          tags: ${{ env.IMAGE }}:${{ github.sha }},acme/ledger:latest', // 12
      '      - id: meta',
      '        uses: docker/metadata-action@v5',
      '        with:',
      '          images: |',
      '            ${{ env.REGISTRY }}/acme/worker',
      '            name=docker.io/acme/worker,enable=true',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          tags: ${{ steps.meta.outputs.tags }}', // 21
      '      - uses: docker/build-push-action@v6', // 22
      '        with:',
      '          push: false',
      '      - uses: actions/checkout@v4',
    ].join('\n');
    expect(
      summary(imagesBuiltIn('.github/workflows/ci.yml', workflow)),
    ).toEqual([
      '12: ghcr.io/acme/ledger:${{ github.sha }}',
      '12: acme/ledger:latest',
      '21: ghcr.io/acme/worker',
      '21: docker.io/acme/worker',
      '22: ?',
    ]);
  });

  it('reads skaffold artifacts, compose services with build:, Tiltfile builds', () => {
    const skaffold = [
      'apiVersion: skaffold/v4beta11',
      'kind: Config',
      'build:',
      '  artifacts:',
      '    - image: ghcr.io/acme/ledger', // 5
      '      docker: { dockerfile: Dockerfile }',
      'profiles:',
      '  - name: dev',
      '    build:',
      '      artifacts:',
      '        - image: ledger-dev', // 11
    ].join('\n');
    expect(summary(imagesBuiltIn('deploy/skaffold.yaml', skaffold))).toEqual([
      '5: ghcr.io/acme/ledger',
      '11: ledger-dev',
    ]);

    const compose = [
      'services:',
      '  ledger:',
      '    build: .',
      '    image: ${REGISTRY:-ghcr.io}/acme/ledger:${TAG:-dev}', // 4
      '  tools:', // 5
      '    build: ./tools',
      '  redis:',
      '    image: redis:7',
    ].join('\n');
    expect(summary(imagesBuiltIn('docker-compose.yml', compose))).toEqual([
      '4: ${REGISTRY:-ghcr.io}/acme/ledger:${TAG:-dev}',
      '5: ?',
    ]);

    const tiltfile = [
      "docker_build('ghcr.io/acme/ledger', '.')",
      'custom_build(ref="acme/worker", command="make image", deps=["."])',
      'docker_build(image_name, ".")',
    ].join('\n');
    expect(summary(imagesBuiltIn('Tiltfile', tiltfile))).toEqual([
      '1: ghcr.io/acme/ledger',
      '2: acme/worker',
      '3: ?',
    ]);
  });

  it('reads nothing from other files; an unreadable build file names no image', () => {
    expect(imagesBuiltIn('deploy/deployment.yaml', 'image: x')).toEqual([]);
    expect(imagesBuiltIn('.github/workflows/ci.yml', 'on: push')).toEqual([]);
    expect(summary(imagesBuiltIn('skaffold.yaml', 'build: [: oops'))).toEqual([
      '1: ?',
    ]);
  });
});
