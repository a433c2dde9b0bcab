package cmd

import (
	"net/http"

	"github.com/spf13/cobra"
)

// The server starts from a command's RunE, registered by init: main never names it.
var serveCmd = &cobra.Command{
	Use: "serve",
	RunE: func(cmd *cobra.Command, args []string) error {
		return http.ListenAndServe(":8080", http.NotFoundHandler()) // want "shutdown-no-sigterm"
	},
}

func init() {
	rootCmd.AddCommand(serveCmd)
}
