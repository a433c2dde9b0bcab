package catalog

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"
)

// ErrNotFound is returned when no product has the requested SKU.
var ErrNotFound = errors.New("product not found")

const queryTimeout = 3 * time.Second

type Product struct {
	ID         string
	SKU        string
	Title      string
	PriceCents int64
	Currency   string
	UpdatedAt  time.Time
}

type Store struct {
	db *sql.DB
}

func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

func (s *Store) Get(ctx context.Context, sku string) (*Product, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()

	var p Product
	err := s.db.QueryRowContext(ctx,
		`SELECT id, sku, title, price_cents, currency, updated_at FROM products WHERE sku = $1`, sku).
		Scan(&p.ID, &p.SKU, &p.Title, &p.PriceCents, &p.Currency, &p.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}

func (s *Store) Create(ctx context.Context, p *Product) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()

	p.ID = uuid.NewString()
	p.UpdatedAt = time.Now().UTC()
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO products (id, sku, title, price_cents, currency, updated_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		p.ID, p.SKU, p.Title, p.PriceCents, p.Currency, p.UpdatedAt)
	return err
}

func (s *Store) UpdatePrice(ctx context.Context, sku string, priceCents int64) (*Product, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()

	res, err := s.db.ExecContext(ctx,
		`UPDATE products SET price_cents = $2, updated_at = now() WHERE sku = $1`, sku, priceCents)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, ErrNotFound
	}
	return s.Get(ctx, sku)
}
