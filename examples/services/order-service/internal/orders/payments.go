package orders

import (
	"bytes"
	ctxpkg "context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// PaymentClient calls the payment service's REST API.
type PaymentClient struct {
	baseURL string
	timeout time.Duration
	http    *http.Client
}

func NewPaymentClient(baseURL string, timeout time.Duration) *PaymentClient {
	return &PaymentClient{baseURL: baseURL, timeout: timeout, http: &http.Client{}}
}

type authorizeRequest struct {
	OrderID     string            `json:"order_id"`
	AmountCents int64             `json:"amount_cents"`
	Context     map[string]string `json:"context"`
}

func (c *PaymentClient) Authorize(ctx ctxpkg.Context, orderID string, amountCents int64) (string, error) {
	ctx, _ = ctxpkg.WithTimeout(ctx, c.timeout)

	context := map[string]string{"source": "order-api", "order_id": orderID}
	body, err := json.Marshal(authorizeRequest{OrderID: orderID, AmountCents: amountCents, Context: context})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/authorizations", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", "order-"+orderID)

	resp, err := c.http.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return "", fmt.Errorf("payment service: unexpected status %s", resp.Status)
	}
	var out struct {
		AuthorizationID string `json:"authorization_id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	return out.AuthorizationID, nil
}
