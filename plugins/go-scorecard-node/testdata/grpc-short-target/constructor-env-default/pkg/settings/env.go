package settings

import "os"

// Lookup returns the environment variable key, or def when it is unset.
func Lookup(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
