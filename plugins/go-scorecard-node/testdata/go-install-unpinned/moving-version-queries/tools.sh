#!/bin/sh
set -e
VERSION=v1.16.3
go install github.com/vektra/mockery/v2@v2 # want: go-install-unpinned "mockery/v2@v2 follows a moving version"
go install github.com/swaggo/swag/cmd/swag@v1.8 # want: go-install-unpinned
go install github.com/go-delve/delve/cmd/dlv@upgrade # want: go-install-unpinned
go install golang.org/x/tools/cmd/goimports@patch # want: go-install-unpinned
go install github.com/cosmtrek/air@develop # want: go-install-unpinned
go install github.com/bufbuild/buf/cmd/buf@'<v1.30.0' # want: go-install-unpinned
go install github.com/swaggo/swag/cmd/swag@v1.8.10
go install github.com/vektra/mockery/v2@v2.20.0-rc.1
go install golang.org/x/lint/golint@v0.0.0-20210508222113-6edffad5e616
go install github.com/mitchellh/gox@3b84a27
go install honnef.co/go/tools/cmd/staticcheck@2023.1.7
go install github.com/golang/mock/mockgen@$VERSION
go install github.com/google/wire/cmd/wire@$UNSET_VERSION
