// Package cart implements the Cart gRPC service.
package cart

import (
	"context"
	"errors"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	cartv1 "github.com/acme-retail/protos/gen/go/cart/v1"
	inventoryv1 "github.com/acme-retail/protos/gen/go/inventory/v1"
	pricingv1 "github.com/acme-retail/protos/gen/go/pricing/v1"
	userv1 "github.com/acme-retail/protos/gen/go/user/v1"
)

// ErrNotFound is returned by a Store for an unknown or expired cart.
var ErrNotFound = errors.New("cart not found")

// Store persists carts.
type Store interface {
	Load(ctx context.Context, cartID string) (*cartv1.Cart, error)
	Save(ctx context.Context, c *cartv1.Cart) error
}

type Service struct {
	cartv1.UnimplementedCartServiceServer

	store     Store
	users     userv1.UserServiceClient
	pricing   pricingv1.PricingServiceClient
	inventory inventoryv1.InventoryServiceClient
}

func NewService(store Store, users userv1.UserServiceClient, pricing pricingv1.PricingServiceClient, inventory inventoryv1.InventoryServiceClient) *Service {
	return &Service{store: store, users: users, pricing: pricing, inventory: inventory}
}

func (s *Service) GetCart(ctx context.Context, req *cartv1.GetCartRequest) (*cartv1.Cart, error) {
	c, err := s.store.Load(ctx, req.GetCartId())
	if errors.Is(err, ErrNotFound) {
		return &cartv1.Cart{Id: req.GetCartId()}, nil
	}
	if err != nil {
		return nil, status.Errorf(codes.Internal, "load cart: %v", err)
	}
	return c, nil
}

func (s *Service) AddItem(ctx context.Context, req *cartv1.AddItemRequest) (*cartv1.Cart, error) {
	if req.GetQuantity() <= 0 {
		return nil, status.Error(codes.InvalidArgument, "quantity must be positive")
	}
	c, err := s.GetCart(ctx, &cartv1.GetCartRequest{CartId: req.GetCartId()})
	if err != nil {
		return nil, err
	}
	merged := false
	for _, it := range c.Items {
		if it.Sku == req.GetSku() {
			it.Quantity += req.GetQuantity()
			merged = true
		}
	}
	if !merged {
		c.Items = append(c.Items, &cartv1.CartItem{Sku: req.GetSku(), Quantity: req.GetQuantity()})
	}
	if err := s.store.Save(ctx, c); err != nil {
		return nil, status.Errorf(codes.Internal, "save cart: %v", err)
	}
	return c, nil
}

// Preview prices the cart for the customer's tier while checking stock in parallel.
func (s *Service) Preview(ctx context.Context, req *cartv1.PreviewRequest) (*cartv1.PreviewResponse, error) {
	c, err := s.GetCart(ctx, &cartv1.GetCartRequest{CartId: req.GetCartId()})
	if err != nil {
		return nil, err
	}

	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()

	user, err := s.users.GetUser(ctx, &userv1.GetUserRequest{UserId: req.GetUserId()})
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "user service: %v", err)
	}

	type stockResult struct {
		res *inventoryv1.CheckStockResponse
		err error
	}
	stockCh := make(chan stockResult, 1) // buffered: the goroutine never blocks if we return early
	go func() {
		res, err := s.inventory.CheckStock(ctx, &inventoryv1.CheckStockRequest{Skus: skus(c)})
		stockCh <- stockResult{res: res, err: err}
	}()

	quote, err := s.pricing.Quote(ctx, &pricingv1.QuoteRequest{Items: pricingItems(c), CustomerTier: user.GetTier()})
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "pricing service: %v", err)
	}
	stock := <-stockCh
	if stock.err != nil {
		return nil, status.Errorf(codes.Unavailable, "inventory service: %v", stock.err)
	}
	return &cartv1.PreviewResponse{
		TotalCents:      quote.GetTotalCents(),
		DiscountCents:   quote.GetDiscountCents(),
		UnavailableSkus: stock.res.GetUnavailableSkus(),
	}, nil
}

func skus(c *cartv1.Cart) []string {
	out := make([]string, 0, len(c.Items))
	for _, it := range c.Items {
		out = append(out, it.Sku)
	}
	return out
}

func pricingItems(c *cartv1.Cart) []*pricingv1.Item {
	out := make([]*pricingv1.Item, 0, len(c.Items))
	for _, it := range c.Items {
		out = append(out, &pricingv1.Item{Sku: it.Sku, Quantity: it.Quantity})
	}
	return out
}
