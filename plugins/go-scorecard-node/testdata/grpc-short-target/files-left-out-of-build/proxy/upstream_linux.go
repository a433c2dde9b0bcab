package proxy

var defaultUpstream = "upstream:53" // want "grpc-short-target"
