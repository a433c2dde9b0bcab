package settings

// PaymentsAddr is the host:port of the payments service.
func PaymentsAddr() string {
	return Lookup("PAYMENTS_ADDR", "payments:9090") // want "grpc-short-target"
}

// ListenPort is not a dial target: its default is no finding.
func ListenPort() string {
	return Lookup("PORT", "8080")
}
