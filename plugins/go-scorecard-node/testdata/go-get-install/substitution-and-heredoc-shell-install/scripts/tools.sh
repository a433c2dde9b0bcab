#!/usr/bin/env bash
set -euo pipefail

LINT=$(go install github.com/golangci/golangci-lint/cmd/golangci-lint@v1.59.1)
echo "installed: $(go install golang.org/x/tools/cmd/goimports@v0.22.0)"
MOCK=`go install github.com/golang/mock/mockgen@v1.6.0`
SWAG="$(echo "$(
  go install github.com/swaggo/swag/cmd/swag@v1.16.3
)")"
# arithmetic, single quotes and a quoted here-document run no command
echo "$LINT $MOCK $SWAG" $(( 1 + 2 )) $((RETRIES * 2))
echo 'not run: $(go get github.com/kisielk/errcheck)'
cat <<'NOTES' > tools.txt
$(go get github.com/kisielk/errcheck)
`go install github.com/kisielk/errcheck@latest`
NOTES
