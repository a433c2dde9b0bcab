package shipping

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuote(t *testing.T) {
	table := NewRateTable(DefaultZones)

	price, zone, err := table.Quote("de", 2500)
	require.NoError(t, err)
	assert.Equal(t, "domestic", zone)
	assert.Equal(t, "6.50", price.StringFixed(2)) // 4.90 + 2 started kg * 0.80

	price, zone, err = table.Quote("JP", 800)
	require.NoError(t, err)
	assert.Equal(t, "world", zone)
	assert.Equal(t, "24.00", price.StringFixed(2))
}

type fakeBooker struct{}

func (fakeBooker) Book(_ context.Context, s Shipment) (Shipment, error) {
	s.TrackingID = "1Z999AA10123456784"
	return s, nil
}

func TestCreateShipment(t *testing.T) {
	h := NewHandler(NewRateTable(DefaultZones), fakeBooker{})
	ctx, _ := context.WithTimeout(context.Background(), time.Second)

	req := httptest.NewRequest(http.MethodPost, "/v1/shipments",
		strings.NewReader(`{"order_id":"ord-1001","country":"FR","weight_grams":1200}`)).WithContext(ctx)
	rec := httptest.NewRecorder()
	h.CreateShipment(rec, req)

	require.Equal(t, http.StatusCreated, rec.Code)
	assert.Contains(t, rec.Body.String(), "1Z999AA10123456784")
}
