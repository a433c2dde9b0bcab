package orders

import (
	"errors"
	"time"
)

type Status string

const (
	StatusPending   Status = "pending"
	StatusPlaced    Status = "placed"
	StatusCancelled Status = "cancelled"
)

type Item struct {
	SKU        string `json:"sku"`
	Quantity   int32  `json:"quantity"`
	PriceCents int64  `json:"price_cents"`
}

type Order struct {
	ID            string    `json:"id"`
	CustomerID    string    `json:"customer_id"`
	Items         []Item    `json:"items"`
	Status        Status    `json:"status"`
	PaymentAuthID string    `json:"payment_auth_id,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
}

func (o *Order) Validate() error {
	if o.CustomerID == "" {
		return errors.New("customer_id is required")
	}
	if len(o.Items) == 0 {
		return errors.New("an order needs at least one item")
	}
	for _, it := range o.Items {
		if it.Quantity <= 0 {
			return errors.New("quantity must be positive")
		}
	}
	return nil
}

func (o *Order) TotalCents() int64 {
	var total int64
	for _, it := range o.Items {
		total += int64(it.Quantity) * it.PriceCents
	}
	return total
}
