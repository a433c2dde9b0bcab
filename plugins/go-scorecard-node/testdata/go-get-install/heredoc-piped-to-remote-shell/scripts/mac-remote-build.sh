#!/usr/bin/env bash
set -e
# The build runs on a remote Mac: the here-document is the script ssh's bash reads.
cat <<'SCRIPT' | ssh -o StrictHostKeyChecking=no "$MAC_HOST" /bin/bash -s
set -e
go get -u github.com/example/tree/cmd/tree # want: go-get-install
tree -L 2
SCRIPT
