package lib

import "net/http"

// Not a main package: nothing serves here.
func Serve(srv *http.Server) error { return srv.ListenAndServe() }
