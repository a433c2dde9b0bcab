#!/usr/bin/env bash
set -e
# The build runs on a remote Mac: the here-document is the script ssh's bash reads.
cat <<'SCRIPT' | ssh -o StrictHostKeyChecking=no "$MAC_HOST" /bin/bash -s
set -e
go install github.com/example/tree/cmd/tree@v1.8.0
tree -L 2
SCRIPT
# A here-document piped into anything else is data.
cat <<'NOTES' | tee notes.txt
go get -u github.com/example/tree/cmd/tree
NOTES
