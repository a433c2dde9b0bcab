#!/usr/bin/env bash
set -e
# The here-document is the script the container's bash reads.
docker run --rm -i -v "$PWD":/src -w /src golang:1.14 bash <<'EOF_SCRIPT'
go get -u github.com/go-bindata/go-bindata/... # want: go-get-install "go-bindata"
go-bindata -o assets.go assets/
EOF_SCRIPT
# A command the container runs, and one a shell in it runs.
docker run --rm -e CGO_ENABLED=0 --workdir=/src golang:1.16 go get github.com/swaggo/swag/cmd/swag # want: go-get-install "swag"
podman run -it --rm golang:1.16 sh -c 'go get -u github.com/golang/mock/mockgen' # want: go-get-install "mockgen"
docker exec -it builder go get github.com/golangci/golangci-lint/cmd/golangci-lint # want: go-get-install "golangci-lint"
kubectl exec deploy/builder -c go -- go get github.com/google/wire/cmd/wire # want: go-get-install "wire"
# Neither installs a tool.
docker run --rm -v "$PWD":/src -w /src golang:1.22 go test ./...
docker build -t example/assets .
