package shipping

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// CarrierClient books shipments with the carrier aggregator's REST API.
type CarrierClient struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

func NewCarrierClient(baseURL, apiKey string) *CarrierClient {
	return &CarrierClient{baseURL: baseURL, apiKey: apiKey, http: &http.Client{}}
}

type Shipment struct {
	OrderID     string `json:"order_id"`
	Country     string `json:"country"`
	WeightGrams int    `json:"weight_grams"`
	TrackingID  string `json:"tracking_id,omitempty"`
	LabelURL    string `json:"label_url,omitempty"`
}

func (c *CarrierClient) Book(ctx context.Context, s Shipment) (Shipment, error) {
	body, _ := json.Marshal(s)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/shipments", bytes.NewReader(body))
	if err != nil {
		return s, err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return s, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return s, fmt.Errorf("carrier: %s", resp.Status)
	}
	err = json.NewDecoder(resp.Body).Decode(&s)
	return s, err
}

type Booker interface {
	Book(ctx context.Context, s Shipment) (Shipment, error)
}

type Handler struct {
	rates   *RateTable
	carrier Booker
}

func NewHandler(rates *RateTable, carrier Booker) *Handler {
	return &Handler{rates: rates, carrier: carrier}
}

func (h *Handler) Quote(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Country     string `json:"country"`
		WeightGrams int    `json:"weight_grams"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.WeightGrams <= 0 {
		http.Error(w, `{"error":"country and a positive weight_grams are required"}`, http.StatusBadRequest)
		return
	}
	price, zone, err := h.rates.Quote(req.Country, req.WeightGrams)
	if errors.Is(err, ErrUnknownZone) {
		http.Error(w, `{"error":"we do not ship there"}`, http.StatusUnprocessableEntity)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"zone": zone, "price_eur": price.StringFixed(2)})
}

func (h *Handler) CreateShipment(w http.ResponseWriter, r *http.Request) {
	var s Shipment
	if err := json.NewDecoder(r.Body).Decode(&s); err != nil || s.OrderID == "" {
		http.Error(w, `{"error":"order_id is required"}`, http.StatusBadRequest)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 8*time.Second)
	defer cancel()
	booked, err := h.carrier.Book(ctx, s)
	if err != nil {
		http.Error(w, `{"error":"carrier unavailable"}`, http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(booked)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// AccessLog writes one line per request to w (the log-forwarder sidecar tails the file).
func AccessLog(w io.Writer, next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: rw, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		fmt.Fprintf(w, "%s %s %s %d %s\n", start.UTC().Format(time.RFC3339), r.Method, r.URL.Path, rec.status, time.Since(start))
	})
}
