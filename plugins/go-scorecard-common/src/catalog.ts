import { CheckSeverity, LessonId } from './types';

/** A lesson: one fix page, a group of checks. */
export interface LessonDefinition {
  id: LessonId;
  /** URL-safe name, used in the lesson page's route and file name. */
  slug: string;
  title: string;
  summary: string;
}

/** A check of the catalog. */
export interface CheckDefinition {
  id: string;
  lesson: LessonId;
  title: string;
  severity: CheckSeverity;
  /** When the check fails, in one sentence. */
  description: string;
}

/** The five lessons, in order. */
export const lessons: readonly LessonDefinition[] = [
  {
    id: 1,
    slug: 'tooling',
    title: 'Install tools with go install, pinned',
    summary:
      'go get manages go.mod; installing executables with it was deprecated in Go 1.17 and removed in 1.18. CI must use go install pkg@version, pinned.',
  },
  {
    id: 2,
    slug: 'protobuf',
    title: 'One protobuf runtime',
    summary:
      'github.com/golang/protobuf below v1.4 keeps its own registry beside google.golang.org/protobuf; mixing the two breaks registration at start-up, and replacing one module by the other breaks the build.',
  },
  {
    id: 3,
    slug: 'grpc-dns',
    title: 'gRPC targets and Kubernetes DNS',
    summary:
      'Short Kubernetes names under the default ndots:5 walk the search-domain list on every lookup, adding DNS latency and timeouts.',
  },
  {
    id: 4,
    slug: 'context',
    title: 'Every context cancel is called',
    summary:
      'A discarded or uncalled cancel func keeps the context, its timer and the goroutines waiting on it alive.',
  },
  {
    id: 5,
    slug: 'shutdown',
    title: 'Graceful shutdown',
    summary:
      'Handle SIGTERM, drain with Shutdown(ctx) and GracefulStop(), and give Kubernetes a preStop hook and enough grace period.',
  },
];

/** Every check, in catalog order. Ids are stable: they appear in JSON, SARIF, URLs and the database. */
export const checks: readonly CheckDefinition[] = [
  {
    id: 'go-get-install',
    lesson: 1,
    title: 'Tools installed with go install',
    severity: 'error',
    description:
      'A CI or build file installs an executable with `go get`, which Go 1.17+ no longer does in module mode.',
  },
  {
    id: 'go-install-unpinned',
    lesson: 1,
    title: 'go install pins a version',
    severity: 'warning',
    description:
      '`go install` uses `@latest` or no version, so builds change under you.',
  },
  {
    id: 'protobuf-apiv1-conflict',
    lesson: 2,
    title: 'No old protobuf beside the new one',
    severity: 'error',
    description:
      'github.com/golang/protobuf below v1.4.0 is required together with google.golang.org/protobuf: registration conflict at start-up.',
  },
  {
    id: 'protobuf-bad-replace',
    lesson: 2,
    title: 'golang/protobuf not replaced by google.golang.org/protobuf',
    severity: 'error',
    description:
      'A replace directive points github.com/golang/protobuf at google.golang.org/protobuf; the module paths differ and the build breaks.',
  },
  {
    id: 'protobuf-legacy-module',
    lesson: 2,
    title: 'No direct use of deprecated github.com/golang/protobuf',
    severity: 'warning',
    description:
      'The module requires or imports the deprecated github.com/golang/protobuf directly.',
  },
  {
    id: 'go-mod-untidy',
    lesson: 2,
    title: 'go.mod and go.sum tidy',
    severity: 'warning',
    description:
      'go.sum lacks a required module, or imports and requirements disagree in a way `go mod tidy` would fix.',
  },
  {
    id: 'grpc-short-target',
    lesson: 3,
    title: 'gRPC targets are fully qualified',
    severity: 'warning',
    description:
      'A gRPC client dials a name with fewer dots than ndots and no trailing dot, so every lookup walks the search domains.',
  },
  {
    id: 'k8s-ndots',
    lesson: 3,
    title: 'ndots lowered where short names are dialled',
    severity: 'warning',
    description:
      'A workload dials services by short name and keeps the default ndots:5 (no dnsConfig ndots of 2 or less).',
  },
  {
    id: 'grpc-deprecated-dial',
    lesson: 3,
    title: 'grpc.NewClient, not deprecated Dial or WithInsecure',
    severity: 'info',
    description:
      '`grpc.Dial`, `grpc.DialContext` or `grpc.WithInsecure` is used; prefer `grpc.NewClient` with `insecure.NewCredentials()`.',
  },
  {
    id: 'context-cancel-discarded',
    lesson: 4,
    title: 'Context cancel kept, not assigned to _',
    severity: 'error',
    description:
      'The cancel func of context.WithCancel, WithTimeout or WithDeadline is discarded, so the context is never released early.',
  },
  {
    id: 'context-cancel-not-called',
    lesson: 4,
    title: 'Context cancel called on every path',
    severity: 'error',
    description:
      'A named cancel func is not called, deferred, returned or handed on along some path to a return (go vet lostcancel).',
  },
  {
    id: 'goleak-missing',
    lesson: 4,
    title: 'Goroutine leak test with goleak',
    severity: 'warning',
    description:
      'The module starts goroutines and has tests, but no test uses goleak.VerifyTestMain or goleak.VerifyNone.',
  },
  {
    id: 'shutdown-no-sigterm',
    lesson: 5,
    title: 'Handles SIGTERM',
    severity: 'error',
    description:
      'A main package serves traffic but never handles SIGTERM with signal.Notify or signal.NotifyContext.',
  },
  {
    id: 'shutdown-http-close',
    lesson: 5,
    title: 'HTTP server shut down gracefully',
    severity: 'error',
    description:
      'An http.Server is stopped with Close(), or never with Shutdown(ctx) although the process handles SIGTERM.',
  },
  {
    id: 'shutdown-grpc-stop',
    lesson: 5,
    title: 'gRPC server stopped gracefully',
    severity: 'error',
    description:
      'A grpc.Server is stopped with Stop() and never GracefulStop().',
  },
  {
    id: 'shutdown-errserverclosed',
    lesson: 5,
    title: 'ErrServerClosed not treated as fatal',
    severity: 'warning',
    description:
      'The error of ListenAndServe or Serve is fatal without comparing it with http.ErrServerClosed.',
  },
  {
    id: 'k8s-prestop',
    lesson: 5,
    title: 'preStop hook on serving containers',
    severity: 'warning',
    description:
      'A Deployment, StatefulSet or DaemonSet container that serves traffic has no lifecycle.preStop.',
  },
  {
    id: 'k8s-grace-period',
    lesson: 5,
    title: 'Grace period covers the shutdown',
    severity: 'warning',
    description:
      'terminationGracePeriodSeconds (default 30) is shorter than the preStop sleep plus the shutdown timeout in code.',
  },
];

const checksById = new Map(checks.map(c => [c.id, c]));

/** The check with this id, or undefined. */
export function getCheck(id: string): CheckDefinition | undefined {
  return checksById.get(id);
}

/** The lesson with this id or slug, or undefined. */
export function getLesson(
  idOrSlug: number | string,
): LessonDefinition | undefined {
  return lessons.find(l => l.id === Number(idOrSlug) || l.slug === idOrSlug);
}

/** The fix page's file name of a lesson, e.g. `lesson-1-tooling.md`. */
export function lessonDocFile(lesson: LessonDefinition): string {
  return `lesson-${lesson.id}-${lesson.slug}.md`;
}

/** Where a check's fix is documented, relative to the portal: `/go-scorecard/lessons/<slug>#<check-id>`. */
export function checkDocPath(check: CheckDefinition): string {
  return `/go-scorecard/lessons/${getLesson(check.lesson)!.slug}#${check.id}`;
}
