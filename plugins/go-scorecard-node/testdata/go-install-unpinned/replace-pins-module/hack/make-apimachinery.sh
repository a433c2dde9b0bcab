#!/usr/bin/env bash
# code-generator is pinned by go.mod's replace, though no require names it.
go install -mod=mod k8s.io/code-generator/cmd/conversion-gen/
go install -mod=mod k8s.io/code-generator/cmd/deepcopy-gen/
go install -mod=mod github.com/example/gendocs # want: go-install-unpinned
