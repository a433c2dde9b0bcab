#!/usr/bin/env bash
set -euo pipefail

TOOLS=(
  github.com/golang/mock/mockgen@v1.6.0
  "golang.org/x/tools/cmd/goimports@v0.21.0"
)

for tool in "${TOOLS[@]}"; do
  go install "${tool}"
done
