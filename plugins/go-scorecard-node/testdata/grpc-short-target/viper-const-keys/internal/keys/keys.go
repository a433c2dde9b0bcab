// Package keys names the service's configuration keys.
package keys

const (
	// Accounts is the accounts service's address.
	Accounts = "clients.accounts.addr"
	// Audit is the audit service's address.
	Audit = "clients.audit.addr"
	// Rates is the rates service's address.
	Rates = "clients.rates.addr"
	// RatesEnv is the variable that sets Rates.
	RatesEnv = "LEDGER_RATES_ADDR"
)
