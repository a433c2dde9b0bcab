package proxy

// DefaultUpstream on Windows hosts; a Linux container never builds this file.
var defaultUpstream = "upstream-win:53"
