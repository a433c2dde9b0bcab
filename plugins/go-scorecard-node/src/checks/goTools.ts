import { withoutVersion } from './goCommand';

/**
 * Command names of well-known Go tools whose package path does not contain `/cmd/`
 * (golang.org/x/lint/golint, github.com/golang/mock/mockgen, github.com/cosmtrek/air, …)
 * and that no widely used library root shares. Names like `wire`, `swag` or `migrate`
 * are left out: `github.com/google/wire` is a library, its tool is under `/cmd/`.
 */
const TOOL_NAMES = new Set([
  'addlicense',
  'air',
  'CompileDaemon',
  'counterfeiter',
  'embedmd',
  'enumer',
  'errcheck',
  'gci',
  'ghr',
  'glide',
  'go-acc',
  'go-bindata',
  'go-junit-report',
  'go-licenses',
  'gocov',
  'gocovmerge',
  'gocyclo',
  'godef',
  'godep',
  'gofumpt',
  'goimports',
  'golangci-lint',
  'golines',
  'golint',
  'gometalinter',
  'gomodifytags',
  'gon',
  'gopls',
  'goreleaser',
  'goreman',
  'gosec',
  'gotests',
  'gotestsum',
  'govendor',
  'goveralls',
  'gox',
  'impl',
  'ineffassign',
  'kustomize',
  'mage',
  'misspell',
  'mockery',
  'mockgen',
  'modvendor',
  'packr',
  'packr2',
  'pigeon',
  'reflex',
  'revive',
  'rice',
  'richgo',
  'setup-envtest',
  'shfmt',
  'staticcheck',
  'statik',
  'stringer',
  'unconvert',
  'unparam',
]);

/**
 * Why a `go get` package argument is an executable to install, or undefined for what
 * looks like a library: a `/cmd/` path, a `protoc-gen-*` plugin, or a well-known tool.
 */
export function toolReason(arg: string): string | undefined {
  const bare = withoutVersion(arg);
  const path = bare.replace(/\/\.\.\.$/, '');
  const elements = path.split('/');
  const last = elements[elements.length - 1];
  const name =
    /^v\d+$/.test(last) && elements.length > 1
      ? elements[elements.length - 2]
      : last;
  // `…/cmd/...` gets every command of the module.
  if (path.includes('/cmd/') || (path !== bare && path.endsWith('/cmd')))
    return 'a /cmd/ package';
  if (name.startsWith('protoc-gen-')) return 'a protoc plugin';
  if (TOOL_NAMES.has(name) && elements.length > 1) return `the ${name} tool`;
  // github.com/onsi/ginkgo is the library, github.com/onsi/ginkgo[/v2]/ginkgo its CLI.
  if (/(^|\/)ginkgo(\/v\d+)?\/ginkgo$/.test(path)) return 'the ginkgo tool';
  return undefined;
}
