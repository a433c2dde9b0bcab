import { ScanReport } from '@internal/plugin-go-scorecard-common';
import { Analyzer } from './analyze';
import { MemoryTree } from './tree/MemoryTree';

/**
 * A file a check would have read that is skipped (too large, binary, not UTF-8) may hide a
 * finding: the check reports `error` naming it, never `not_applicable` or `pass`; findings
 * of the files that were read still show.
 */
const check = (report: ScanReport, id: string) =>
  report.checks.find(c => c.id === id)!;
const statuses = (report: ScanReport, ids: string[]) =>
  Object.fromEntries(ids.map(id => [id, check(report, id).status]));

const GO_MOD_CHECKS = [
  'protobuf-apiv1-conflict',
  'protobuf-bad-replace',
  'protobuf-legacy-module',
  'go-mod-untidy',
  'goleak-missing',
];
const LESSON_5_CODE_CHECKS = [
  'shutdown-no-sigterm',
  'shutdown-http-close',
  'shutdown-grpc-stop',
  'shutdown-errserverclosed',
];

const goMod = 'module example.com/svc\n\ngo 1.22\n';
const server = `package main

import (
	"context"
	"net/http"
)

func main() {
	ctx, _ := context.WithCancel(context.Background())
	_ = ctx
	srv := &http.Server{Addr: ":8080"}
	srv.ListenAndServe()
}
`;
const binary = Buffer.from('package main\n\x00\x01\x02');
const latin1 = Buffer.from('package main\n// caf\xe9\n', 'latin1');

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await Analyzer.create({ maxFileBytes: 64 * 1024 });
});

describe('skipped input files', () => {
  it.each([
    ['binary', binary, 'binary file'],
    ['not UTF-8', latin1, 'not valid UTF-8'],
    [
      'too large',
      `${goMod}${'// pad\n'.repeat(10_000)}`,
      'larger than the 64 KiB limit',
    ],
  ])(
    'a %s go.mod: the go.mod checks report error naming it',
    async (_, data, why) => {
      const report = await analyzer.analyze(
        new MemoryTree({ 'go.mod': data, 'main.go': server }),
        'repo',
      );
      for (const id of GO_MOD_CHECKS)
        expect(check(report, id)).toMatchObject({
          status: 'error',
          findings: [],
          message: `could not analyze go.mod (${why})`,
        });
      expect(check(report, 'context-cancel-discarded')).toMatchObject({
        status: 'fail',
        findings: [{ path: 'main.go', line: 9 }],
      });
      expect(check(report, 'context-cancel-discarded').message).toBeUndefined();
    },
  );

  it('names the default limit as it is configured', async () => {
    const defaults = await Analyzer.create();
    const report = await defaults.analyze(
      new MemoryTree({
        'go.mod': `${goMod}${'x'.repeat(2 * 1024 * 1024)}`,
        'main.go': server,
      }),
      'repo',
    );
    expect(check(report, 'protobuf-bad-replace').message).toBe(
      'could not analyze go.mod (larger than the 2 MiB limit)',
    );
    expect(report.notes).toEqual([
      {
        path: 'go.mod',
        message: `skipped: ${
          2 * 1024 * 1024 + goMod.length
        } bytes is over the 2097152-byte limit`,
      },
    ]);
  });

  it.each([
    ['binary', binary, 'binary file'],
    ['not UTF-8', latin1, 'not valid UTF-8'],
  ])(
    'a %s main.go: the lesson-5 checks report error, not not_applicable',
    async (_, data, why) => {
      const report = await analyzer.analyze(
        new MemoryTree({ 'go.mod': goMod, 'main.go': data }),
        'repo',
      );
      for (const id of [
        ...LESSON_5_CODE_CHECKS,
        'context-cancel-discarded',
        'context-cancel-not-called',
        'grpc-deprecated-dial',
        'goleak-missing',
      ])
        expect(check(report, id)).toMatchObject({
          status: 'error',
          message: `could not analyze main.go (${why})`,
        });
      // What rests on other files stands: go.mod was read, there is no workload.
      expect(
        statuses(report, [
          'protobuf-bad-replace',
          'k8s-prestop',
          'k8s-grace-period',
          'k8s-ndots',
        ]),
      ).toEqual({
        'protobuf-bad-replace': 'pass',
        'k8s-prestop': 'not_applicable',
        'k8s-grace-period': 'not_applicable',
        'k8s-ndots': 'not_applicable',
      });
    },
  );

  it("a skipped big Go file alongside a normal one: the normal file's findings still show", async () => {
    const report = await analyzer.analyze(
      new MemoryTree({
        'go.mod': goMod,
        'main.go': server,
        'big.go': `package main\n${'// padding\n'.repeat(10_000)}`,
      }),
      'repo',
    );
    expect(check(report, 'context-cancel-discarded')).toMatchObject({
      status: 'fail',
      findings: [{ path: 'main.go', line: 9 }],
    });
    expect(check(report, 'shutdown-no-sigterm')).toMatchObject({
      status: 'fail',
      findings: [{ path: 'main.go', line: 12 }],
    });
    // A check that found nothing cannot vouch for big.go.
    expect(check(report, 'context-cancel-not-called')).toMatchObject({
      status: 'error',
      message: 'could not analyze big.go (larger than the 64 KiB limit)',
    });
  });

  it('a huge generated Go file (by its name) is a note only: it hides nothing the checks read', async () => {
    const padding = `package api\n${'// padding\n'.repeat(10_000)}`;
    const report = await analyzer.analyze(
      new MemoryTree({
        'go.mod': goMod,
        'main.go': server,
        'api/service.pb.go': padding,
        'api/zz_generated.deepcopy.go': padding,
      }),
      'repo',
    );
    expect(check(report, 'context-cancel-not-called')).toMatchObject({
      status: 'pass',
    });
    expect(report.notes).toEqual(
      expect.arrayContaining([
        {
          path: 'api/service.pb.go',
          message: expect.stringMatching(
            /over the .* limit \(generated code, by its name\)$/,
          ),
        },
      ]),
    );
  });

  it('a huge Go file whose header says it is generated is a note only', async () => {
    const report = await analyzer.analyze(
      new MemoryTree({
        'go.mod': goMod,
        'main.go': server,
        'asset/assets_embedded.go': `// Code generated by go-bindata.\n// DO NOT EDIT!\n\npackage asset\n${'// padding\n'.repeat(
          10_000,
        )}`,
      }),
      'repo',
    );
    expect(check(report, 'context-cancel-not-called')).toMatchObject({
      status: 'pass',
    });
    expect(report.notes).toEqual(
      expect.arrayContaining([
        {
          path: 'asset/assets_embedded.go',
          message: expect.stringMatching(
            /over the .* limit \(generated code, by its header\)$/,
          ),
        },
      ]),
    );
  });

  it('a skipped CI/build file: the lesson-1 checks report error naming it', async () => {
    const report = await analyzer.analyze(
      new MemoryTree({ Makefile: latin1, 'main.go': server }),
      'repo',
    );
    for (const id of ['go-get-install', 'go-install-unpinned'])
      expect(check(report, id)).toMatchObject({
        status: 'error',
        message: 'could not analyze Makefile (not valid UTF-8)',
      });
  });

  it('a skipped manifest: the k8s checks report error naming it', async () => {
    const report = await analyzer.analyze(
      new MemoryTree({ 'deploy/api.yaml': binary, 'main.go': server }),
      'repo',
    );
    for (const id of ['k8s-prestop', 'k8s-grace-period'])
      expect(check(report, id)).toMatchObject({
        status: 'error',
        message: 'could not analyze deploy/api.yaml (binary file)',
      });
  });

  it('an empty file hides nothing: a note, no error', async () => {
    const report = await analyzer.analyze(
      new MemoryTree({
        'go.mod': goMod,
        'main.go': server,
        'doc.go': '',
        'deploy/empty.yaml': '',
      }),
      'repo',
    );
    expect(report.notes).toEqual([
      { path: 'doc.go', message: 'skipped: empty file' },
      { path: 'deploy/empty.yaml', message: 'skipped: empty file' },
    ]);
    expect(report.checks.filter(c => c.status === 'error')).toEqual([]);
  });
});
