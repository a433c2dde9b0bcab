// Package outbox relays events written to the outbox table to the event gateway.
package outbox

import (
	"context"
	"log"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Publisher delivers one event; it must be idempotent on (aggregate_id, id).
type Publisher interface {
	Publish(ctx context.Context, e Event) error
}

type Event struct {
	ID          int64
	AggregateID string
	Type        string
	Payload     []byte
}

type Relay struct {
	pool     *pgxpool.Pool
	pub      Publisher
	interval time.Duration

	cancel context.CancelFunc
	done   chan struct{}
}

func NewRelay(pool *pgxpool.Pool, pub Publisher, interval time.Duration) *Relay {
	return &Relay{pool: pool, pub: pub, interval: interval}
}

// Start polls the outbox in the background until Stop is called or ctx is done.
func (r *Relay) Start(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	r.cancel = cancel
	r.done = make(chan struct{})
	go r.loop(ctx)
}

// Stop cancels the polling loop and waits for the batch in flight.
func (r *Relay) Stop() {
	r.cancel()
	<-r.done
}

func (r *Relay) loop(ctx context.Context) {
	defer close(r.done)
	ticker := time.NewTicker(r.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if n, err := r.flush(ctx); err != nil {
				log.Printf("outbox: relayed %d events, then: %v", n, err)
			}
		}
	}
}

// flush publishes up to 100 pending events, oldest first, and marks them sent.
func (r *Relay) flush(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()

	sent := 0
	err := pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx,
			`SELECT id, aggregate_id, event_type, payload FROM outbox
			 WHERE sent_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`)
		if err != nil {
			return err
		}
		events, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Event, error) {
			var e Event
			err := row.Scan(&e.ID, &e.AggregateID, &e.Type, &e.Payload)
			return e, err
		})
		if err != nil {
			return err
		}
		for _, e := range events {
			if err := r.pub.Publish(ctx, e); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE outbox SET sent_at = now() WHERE id = $1`, e.ID); err != nil {
				return err
			}
			sent++
		}
		return nil
	})
	return sent, err
}
