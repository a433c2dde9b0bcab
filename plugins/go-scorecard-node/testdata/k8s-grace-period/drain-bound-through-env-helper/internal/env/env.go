package env

import "os"

// Get is the environment variable's value, or def when it is unset.
func Get(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
