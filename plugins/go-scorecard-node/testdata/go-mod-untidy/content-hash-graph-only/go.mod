module example.com/ledger

go 1.21

toolchain go1.22.3

require (
	github.com/google/uuid v1.6.0
	github.com/shopspring/decimal v1.3.1
	golang.org/x/exp v0.0.0-20240506185415-9bf2ced13842
)

require github.com/pkg/errors v0.9.1 // indirect

replace github.com/shopspring/decimal v1.3.1 => github.com/shopspring/decimal v1.4.0
