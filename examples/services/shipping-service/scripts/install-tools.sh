#!/bin/sh
# Installs the tools the CI test job uses. Run from the repository root.
set -eu

GO111MODULE=off go get github.com/jstemmer/go-junit-report
go install honnef.co/go/tools/cmd/staticcheck@2023.1.7
