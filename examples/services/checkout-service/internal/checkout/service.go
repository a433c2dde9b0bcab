// Package checkout implements the Checkout gRPC service: reserve stock, then charge the card.
package checkout

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	checkoutv1 "github.com/acme-retail/protos/gen/go/checkout/v1"
	inventoryv1 "github.com/acme-retail/protos/gen/go/inventory/v1"
	paymentv1 "github.com/acme-retail/protos/gen/go/payment/v1"
)

const (
	reserveTimeout = 2 * time.Second
	chargeTimeout  = 5 * time.Second
)

// Service places orders for a cart.
type Service struct {
	checkoutv1.UnimplementedCheckoutServiceServer

	payments  paymentv1.PaymentServiceClient
	inventory inventoryv1.InventoryServiceClient
	logger    *slog.Logger
}

func NewService(p paymentv1.PaymentServiceClient, i inventoryv1.InventoryServiceClient, logger *slog.Logger) *Service {
	return &Service{payments: p, inventory: i, logger: logger}
}

func (s *Service) PlaceOrder(ctx context.Context, req *checkoutv1.PlaceOrderRequest) (*checkoutv1.PlaceOrderResponse, error) {
	if len(req.GetItems()) == 0 {
		return nil, status.Error(codes.InvalidArgument, "cart is empty")
	}

	reservation, err := s.reserve(ctx, req)
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "reserve stock: %v", err)
	}

	chargeCtx, cancel := context.WithTimeout(ctx, chargeTimeout)
	defer cancel()
	charge, err := s.payments.Charge(chargeCtx, &paymentv1.ChargeRequest{
		OrderId:      reservation.GetOrderId(),
		AmountCents:  reservation.GetTotalCents(),
		PaymentToken: req.GetPaymentToken(),
	})
	if err != nil {
		s.release(ctx, reservation.GetReservationId())
		return nil, status.Errorf(codes.Aborted, "charge failed: %v", err)
	}

	return &checkoutv1.PlaceOrderResponse{
		OrderId:  reservation.GetOrderId(),
		ChargeId: charge.GetChargeId(),
		PlacedAt: timestamppb.Now(),
	}, nil
}

func (s *Service) reserve(ctx context.Context, req *checkoutv1.PlaceOrderRequest) (*inventoryv1.ReserveResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, reserveTimeout)
	defer cancel()

	items := make([]*inventoryv1.Item, 0, len(req.GetItems()))
	for _, it := range req.GetItems() {
		items = append(items, &inventoryv1.Item{Sku: it.GetSku(), Quantity: it.GetQuantity()})
	}
	res, err := s.inventory.Reserve(ctx, &inventoryv1.ReserveRequest{CartId: req.GetCartId(), Items: items})
	if err != nil {
		return nil, fmt.Errorf("inventory: %w", err)
	}
	return res, nil
}

// release gives the stock back. It must run even when the caller's context is already
// cancelled, so it detaches from it and sets its own deadline.
func (s *Service) release(ctx context.Context, reservationID string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), reserveTimeout)
	defer cancel()
	if _, err := s.inventory.Release(ctx, &inventoryv1.ReleaseRequest{ReservationId: reservationID}); err != nil {
		s.logger.Warn("release reservation", "reservation", reservationID, "err", err)
	}
}
