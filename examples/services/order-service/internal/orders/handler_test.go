package orders

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

type memStore struct {
	mu     sync.Mutex
	orders map[string]*Order
	events []string
}

func newMemStore() *memStore { return &memStore{orders: map[string]*Order{}} }

func (m *memStore) Get(_ context.Context, id string) (*Order, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.orders[id]
	if !ok {
		return nil, ErrNotFound
	}
	return o, nil
}

func (m *memStore) InsertWithEvent(_ context.Context, o *Order, eventType string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.orders[o.ID] = o
	m.events = append(m.events, eventType)
	return nil
}

func (m *memStore) UpdateStatusWithEvent(_ context.Context, id string, status Status, eventType string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.orders[id]
	if !ok {
		return ErrNotFound
	}
	o.Status = status
	m.events = append(m.events, eventType)
	return nil
}

type fakePayments struct {
	authID string
	err    error
}

func (f fakePayments) Authorize(context.Context, string, int64) (string, error) {
	return f.authID, f.err
}

func TestCreateOrder(t *testing.T) {
	store := newMemStore()
	h := NewHandler(NewService(store, fakePayments{authID: "auth_8Kd2"})).Routes()

	body := `{"customer_id":"cus_1","items":[{"sku":"TSHIRT-M","quantity":2,"price_cents":1500}]}`
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/orders", strings.NewReader(body)))

	if rec.Code != http.StatusCreated {
		t.Fatalf("status = %d, body %s", rec.Code, rec.Body)
	}
	if len(store.events) != 1 || store.events[0] != "order.placed" {
		t.Errorf("events = %v, want [order.placed]", store.events)
	}
}

func TestCreateOrderPaymentDeclined(t *testing.T) {
	h := NewHandler(NewService(newMemStore(), fakePayments{err: errors.New("card declined")})).Routes()

	body := `{"customer_id":"cus_1","items":[{"sku":"TSHIRT-M","quantity":1,"price_cents":1500}]}`
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/orders", strings.NewReader(body)))

	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status = %d, want 422", rec.Code)
	}
}

func TestGetOrderNotFound(t *testing.T) {
	h := NewHandler(NewService(newMemStore(), fakePayments{})).Routes()

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/orders/ord_missing", nil))

	if rec.Code != http.StatusNotFound {
		t.Fatalf("status = %d, want 404", rec.Code)
	}
}
