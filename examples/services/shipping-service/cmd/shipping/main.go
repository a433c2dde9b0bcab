// Command shipping quotes shipping rates and books shipments with the carriers.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/acme-retail/shipping-service/internal/shipping"
)

func main() {
	rates := shipping.NewRateTable(shipping.DefaultZones)
	carrier := shipping.NewCarrierClient(os.Getenv("CARRIER_API_URL"), os.Getenv("CARRIER_API_KEY"))
	h := shipping.NewHandler(rates, carrier)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("POST /v1/rates", h.Quote)
	mux.HandleFunc("POST /v1/shipments", h.CreateShipment)

	handler := http.Handler(mux)
	if path := os.Getenv("ACCESS_LOG"); path != "" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			log.Fatalf("open access log: %v", err)
		}
		defer f.Close()
		handler = shipping.AccessLog(f, mux)
	}

	addr := ":" + getenv("PORT", "8080")
	log.Printf("shipping-service listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, handler))
}

func getenv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
