package client

import "testing"

// Test files never reach a binary: their short names dial in-process fakes.
func TestDial(t *testing.T) {
	DefaultTarget = "fake-ledger:9000"
	if _, err := Dial("fake-ledger:9000"); err != nil {
		t.Fatal(err)
	}
	o := Options{}
	o.Target = "fake-ledger:9000"
	SetTarget(&o.Target, "fake-ledger:9001")
	if _, err := DialOptions(Options{Target: "fake-ledger:9000"}); err != nil {
		t.Fatal(err)
	}
	_, _ = DialOptions(o)
	_, _ = DialDefault()
}
