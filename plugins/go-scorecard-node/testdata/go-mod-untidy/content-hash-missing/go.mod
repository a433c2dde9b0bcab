module example.com/ledger

go 1.21

require (
	github.com/google/uuid v1.6.0
	golang.org/x/exp v0.0.0-20240506185415-9bf2ced13842 // want "go-mod-untidy: missing go.sum entry for module providing package"
)

require github.com/pkg/errors v0.9.1 // indirect
