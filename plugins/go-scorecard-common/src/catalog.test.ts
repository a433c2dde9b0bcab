import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  checks,
  lessons,
  getCheck,
  getLesson,
  checkDocPath,
  lessonDocFile,
} from './catalog';

describe('check catalog', () => {
  it('has the 18 checks of the design, each once', () => {
    expect(checks.map(c => c.id)).toEqual([
      'go-get-install',
      'go-install-unpinned',
      'protobuf-apiv1-conflict',
      'protobuf-bad-replace',
      'protobuf-legacy-module',
      'go-mod-untidy',
      'grpc-short-target',
      'k8s-ndots',
      'grpc-deprecated-dial',
      'context-cancel-discarded',
      'context-cancel-not-called',
      'goleak-missing',
      'shutdown-no-sigterm',
      'shutdown-http-close',
      'shutdown-grpc-stop',
      'shutdown-errserverclosed',
      'k8s-prestop',
      'k8s-grace-period',
    ]);
  });

  it('puts every check in an existing lesson, and every lesson has checks', () => {
    for (const check of checks) {
      expect(getLesson(check.lesson)).toBeDefined();
    }
    for (const lesson of lessons) {
      expect(checks.some(c => c.lesson === lesson.id)).toBe(true);
    }
  });

  it('looks up checks and lessons and builds doc locations', () => {
    expect(getCheck('k8s-prestop')?.severity).toBe('warning');
    expect(getCheck('nope')).toBeUndefined();
    expect(getLesson('grpc-dns')?.id).toBe(3);
    expect(getLesson(4)?.slug).toBe('context');
    expect(lessonDocFile(getLesson(5)!)).toBe('lesson-5-shutdown.md');
    expect(checkDocPath(getCheck('shutdown-grpc-stop')!)).toBe(
      '/go-scorecard/lessons/shutdown#shutdown-grpc-stop',
    );
  });

  it('titles each check by the rule it passes, and its fix page heads the section with that title', () => {
    for (const lesson of lessons) {
      const doc = readFileSync(
        resolve(__dirname, '../docs', lessonDocFile(lesson)),
        'utf8',
      );
      for (const check of checks.filter(c => c.lesson === lesson.id)) {
        const section = doc.split(`<a id="${check.id}"></a>`)[1];
        expect(section).toBeDefined();
        const heading = /^## (.+)$/m.exec(section)?.[1].replace(/\\_/g, '_');
        expect(heading).toBe(check.title);
      }
    }
    // A title names what passes, so a tick beside it reads right.
    expect(getCheck('shutdown-no-sigterm')?.title).toBe('Handles SIGTERM');
    expect(getCheck('go-get-install')?.title).toBe(
      'Tools installed with go install',
    );
  });
});
