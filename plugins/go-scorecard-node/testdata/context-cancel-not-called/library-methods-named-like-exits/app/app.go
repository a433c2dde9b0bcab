// Package app holds the process's lifecycle.
package app

import (
	"log"
	"os"
)

// App is the running process.
type App struct{}

// Stop never returns: it ends the process.
func (a *App) Stop() {
	log.Print("stopping")
	os.Exit(0)
}
