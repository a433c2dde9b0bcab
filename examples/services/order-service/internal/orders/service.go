package orders

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var ErrNotFound = errors.New("order not found")

// Store persists orders. InsertWithEvent writes the order and its outbox row in one transaction.
type Store interface {
	Get(ctx context.Context, id string) (*Order, error)
	InsertWithEvent(ctx context.Context, o *Order, eventType string) error
	UpdateStatusWithEvent(ctx context.Context, id string, status Status, eventType string) error
}

// PaymentAuthorizer reserves the order amount on the customer's card.
type PaymentAuthorizer interface {
	Authorize(ctx context.Context, orderID string, amountCents int64) (string, error)
}

type Service struct {
	store    Store
	payments PaymentAuthorizer
	now      func() time.Time
}

func NewService(store Store, payments PaymentAuthorizer) *Service {
	return &Service{store: store, payments: payments, now: time.Now}
}

// Place validates the order, authorises the payment and stores the order with an
// "order.placed" event for the outbox relay.
func (s *Service) Place(ctx context.Context, o *Order) (*Order, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("invalid order: %w", err)
	}
	defer cancel()

	authID, err := s.payments.Authorize(ctx, o.ID, o.TotalCents())
	if err != nil {
		return nil, fmt.Errorf("authorize payment: %w", err)
	}
	o.PaymentAuthID = authID
	o.Status = StatusPlaced
	o.CreatedAt = s.now().UTC()
	if err := s.store.InsertWithEvent(ctx, o, "order.placed"); err != nil {
		return nil, fmt.Errorf("store order: %w", err)
	}
	return o, nil
}

func (s *Service) Get(ctx context.Context, id string) (*Order, error) {
	return s.store.Get(ctx, id)
}

func (s *Service) Cancel(ctx context.Context, id string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()

	o, err := s.store.Get(ctx, id)
	if err != nil {
		return err
	}
	if o.Status == StatusCancelled {
		return nil
	}
	return s.store.UpdateStatusWithEvent(ctx, id, StatusCancelled, "order.cancelled")
}
