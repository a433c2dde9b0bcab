// Package testutil holds what the module's tests share: its TestMain wraps goleak's.
package testutil

import (
	"testing"

	"go.uber.org/goleak"
)

// VerifyTestMain runs the tests, then fails them if a goroutine leaked.
func VerifyTestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}
