import { toolReason } from './goTools';

describe('toolReason', () => {
  it.each([
    [
      'github.com/golangci/golangci-lint/cmd/golangci-lint@v1.59.1',
      'a /cmd/ package',
    ],
    ['github.com/cloudflare/cfssl/cmd/...', 'a /cmd/ package'],
    ['google.golang.org/protobuf/cmd/protoc-gen-go', 'a /cmd/ package'],
    ['github.com/golang/protobuf/protoc-gen-go', 'a protoc plugin'],
    ['golang.org/x/tools/gopls@latest', 'the gopls tool'],
    ['github.com/alecthomas/gometalinter', 'the gometalinter tool'],
    ['github.com/kardianos/govendor', 'the govendor tool'],
    ['github.com/mattn/goreman', 'the goreman tool'],
    ['github.com/onsi/ginkgo/v2/ginkgo', 'the ginkgo tool'],
  ])('%s is a tool: %s', (arg, reason) => {
    expect(toolReason(arg)).toBe(reason);
  });

  it.each([
    'github.com/pkg/errors',
    'github.com/onsi/ginkgo/v2',
    'github.com/google/wire',
    'github.com/example/cmd',
    'golint',
  ])('%s is not known as a tool', arg => {
    expect(toolReason(arg)).toBeUndefined();
  });
});
