package orders

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Repo is the PostgreSQL Store.
type Repo struct {
	pool *pgxpool.Pool
}

func NewRepo(pool *pgxpool.Pool) *Repo {
	return &Repo{pool: pool}
}

func (r *Repo) Get(ctx context.Context, id string) (*Order, error) {
	var (
		o     Order
		items []byte
	)
	err := r.pool.QueryRow(ctx,
		`SELECT id, customer_id, items, status, payment_auth_id, created_at FROM orders WHERE id = $1`, id).
		Scan(&o.ID, &o.CustomerID, &items, &o.Status, &o.PaymentAuthID, &o.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(items, &o.Items); err != nil {
		return nil, fmt.Errorf("decode items of order %s: %w", id, err)
	}
	return &o, nil
}

func (r *Repo) InsertWithEvent(ctx context.Context, o *Order, eventType string) error {
	items, err := json.Marshal(o.Items)
	if err != nil {
		return err
	}
	payload, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx,
			`INSERT INTO orders (id, customer_id, items, status, payment_auth_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			o.ID, o.CustomerID, items, o.Status, o.PaymentAuthID, o.CreatedAt); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO outbox (aggregate_id, event_type, payload) VALUES ($1, $2, $3)`,
			o.ID, eventType, payload)
		return err
	})
}

func (r *Repo) UpdateStatusWithEvent(ctx context.Context, id string, status Status, eventType string) error {
	payload, err := json.Marshal(map[string]string{"id": id, "status": string(status)})
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE orders SET status = $2 WHERE id = $1`, id, status)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrNotFound
		}
		_, err = tx.Exec(ctx, `INSERT INTO outbox (aggregate_id, event_type, payload) VALUES ($1, $2, $3)`,
			id, eventType, payload)
		return err
	})
}
