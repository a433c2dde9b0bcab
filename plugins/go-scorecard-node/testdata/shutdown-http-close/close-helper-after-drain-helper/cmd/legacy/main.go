// Control: Close without trying Shutdown first.
package main

import "example.com/tmpl/internal/app"

func main() {
	app.Serve()
	app.Srv.Close() // want "shutdown-http-close"
}
