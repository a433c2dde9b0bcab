//go:build prod && !windows

package proxy

// A custom tag may be set (go build -tags prod): the file may be built.
var prodUpstream = "upstream-prod:53" // want "grpc-short-target"
