package cli

import (
	"fmt"
	"os"
)

// Exit reports and exits: no path returns.
func Exit(code int, format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(code)
}

// Check exits only on an error: it returns otherwise.
func Check(err error) {
	if err != nil {
		Exit(1, "%v", err)
	}
}
