package checkout

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"go.uber.org/goleak"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	checkoutv1 "github.com/acme-retail/protos/gen/go/checkout/v1"
	inventoryv1 "github.com/acme-retail/protos/gen/go/inventory/v1"
	paymentv1 "github.com/acme-retail/protos/gen/go/payment/v1"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

type fakeInventory struct {
	inventoryv1.InventoryServiceClient
	released []string
}

func (f *fakeInventory) Reserve(_ context.Context, _ *inventoryv1.ReserveRequest, _ ...grpc.CallOption) (*inventoryv1.ReserveResponse, error) {
	return &inventoryv1.ReserveResponse{OrderId: "ord-1001", ReservationId: "res-77", TotalCents: 4999}, nil
}

func (f *fakeInventory) Release(_ context.Context, in *inventoryv1.ReleaseRequest, _ ...grpc.CallOption) (*inventoryv1.ReleaseResponse, error) {
	f.released = append(f.released, in.GetReservationId())
	return &inventoryv1.ReleaseResponse{}, nil
}

type fakePayments struct {
	paymentv1.PaymentServiceClient
	err error
}

func (f *fakePayments) Charge(_ context.Context, _ *paymentv1.ChargeRequest, _ ...grpc.CallOption) (*paymentv1.ChargeResponse, error) {
	if f.err != nil {
		return nil, f.err
	}
	return &paymentv1.ChargeResponse{ChargeId: "ch_3PQx"}, nil
}

func newTestService(p paymentv1.PaymentServiceClient, i inventoryv1.InventoryServiceClient) *Service {
	return NewService(p, i, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func placeOrderRequest() *checkoutv1.PlaceOrderRequest {
	return &checkoutv1.PlaceOrderRequest{
		CartId:       "cart-42",
		PaymentToken: "tok_visa",
		Items:        []*checkoutv1.LineItem{{Sku: "SHOE-RED-42", Quantity: 1}},
	}
}

func TestPlaceOrder(t *testing.T) {
	svc := newTestService(&fakePayments{}, &fakeInventory{})

	res, err := svc.PlaceOrder(context.Background(), placeOrderRequest())
	if err != nil {
		t.Fatalf("PlaceOrder: %v", err)
	}
	if res.GetOrderId() != "ord-1001" || res.GetChargeId() != "ch_3PQx" {
		t.Errorf("got order %q charge %q", res.GetOrderId(), res.GetChargeId())
	}
}

func TestPlaceOrderReleasesStockWhenChargeFails(t *testing.T) {
	inv := &fakeInventory{}
	svc := newTestService(&fakePayments{err: errors.New("card declined")}, inv)

	_, err := svc.PlaceOrder(context.Background(), placeOrderRequest())
	if status.Code(err) != codes.Aborted {
		t.Fatalf("want Aborted, got %v", err)
	}
	if len(inv.released) != 1 || inv.released[0] != "res-77" {
		t.Errorf("reservation not released: %v", inv.released)
	}
}

func TestPlaceOrderRejectsEmptyCart(t *testing.T) {
	svc := newTestService(&fakePayments{}, &fakeInventory{})

	_, err := svc.PlaceOrder(context.Background(), &checkoutv1.PlaceOrderRequest{CartId: "cart-empty"})
	if status.Code(err) != codes.InvalidArgument {
		t.Fatalf("want InvalidArgument, got %v", err)
	}
}
