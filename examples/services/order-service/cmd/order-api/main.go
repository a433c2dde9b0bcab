// Command order-api serves the Orders HTTP API and relays the transactional outbox
// to the event gateway.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme-retail/order-service/internal/orders"
	"github.com/acme-retail/order-service/internal/outbox"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatalf("connect postgres: %v", err)
	}
	defer pool.Close()

	payments := orders.NewPaymentClient(os.Getenv("PAYMENT_API_URL"), 4*time.Second)
	svc := orders.NewService(orders.NewRepo(pool), payments)

	relay := outbox.NewRelay(pool, outbox.NewHTTPPublisher(os.Getenv("EVENT_GATEWAY_URL")), 2*time.Second)
	relay.Start(ctx)

	srv := &http.Server{
		Addr:              ":8080",
		Handler:           orders.NewHandler(svc).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatalf("order-api: %v", err)
		}
	}()
	log.Printf("order-api listening on %s", srv.Addr)

	<-ctx.Done()
	log.Print("shutting down")

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Printf("http shutdown: %v", err)
	}
	relay.Stop()
	log.Print("bye")
}
