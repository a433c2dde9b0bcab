package outbox

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// HTTPPublisher posts events to the event gateway, which fans them out to Kafka.
type HTTPPublisher struct {
	url    string
	client *http.Client
}

func NewHTTPPublisher(url string) *HTTPPublisher {
	return &HTTPPublisher{url: url, client: &http.Client{Timeout: 5 * time.Second}}
}

func (p *HTTPPublisher) Publish(ctx context.Context, e Event) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url+"/v1/events/"+e.Type, bytes.NewReader(e.Payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", e.AggregateID+"/"+strconv.FormatInt(e.ID, 10))

	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("event gateway: %s for event %d", resp.Status, e.ID)
	}
	return nil
}
