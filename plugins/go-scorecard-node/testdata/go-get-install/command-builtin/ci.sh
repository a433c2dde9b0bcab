#!/bin/sh
set -e
command go get github.com/kisielk/errcheck # want: go-get-install
command -p go get github.com/example/vendorcheck # want: go-get-install
go get github.com/example/depcheck
command -v depcheck >/dev/null || echo "depcheck is not installed"
command vendorcheck ./...
