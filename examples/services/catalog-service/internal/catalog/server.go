package catalog

import (
	"context"
	"errors"
	"log"

	"github.com/golang/protobuf/ptypes"
	"github.com/golang/protobuf/ptypes/wrappers"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "github.com/acme-retail/catalog-service/internal/pb"
)

// Publisher sends product change events to the search indexer.
type Publisher interface {
	Publish(topic string, payload []byte) error
}

// LogPublisher only logs events; the Kafka publisher is wired in by the indexer migration.
type LogPublisher struct{}

func (LogPublisher) Publish(topic string, payload []byte) error {
	log.Printf("event %s (%d bytes)", topic, len(payload))
	return nil
}

type Server struct {
	store  *Store
	events Publisher
}

func NewServer(store *Store, events Publisher) *Server {
	return &Server{store: store, events: events}
}

func (s *Server) GetProduct(ctx context.Context, req *pb.GetProductRequest) (*pb.Product, error) {
	p, err := s.store.Get(ctx, req.Sku)
	if errors.Is(err, ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "no product with sku %q", req.Sku)
	}
	if err != nil {
		return nil, status.Errorf(codes.Internal, "get product: %v", err)
	}
	return toProto(p)
}

func (s *Server) UpdatePrice(ctx context.Context, req *pb.UpdatePriceRequest) (*pb.Product, error) {
	if req.PriceCents == nil || req.PriceCents.Value <= 0 {
		return nil, status.Error(codes.InvalidArgument, "price_cents must be positive")
	}
	p, err := s.store.UpdatePrice(ctx, req.Sku, req.PriceCents.Value)
	if errors.Is(err, ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "no product with sku %q", req.Sku)
	}
	if err != nil {
		return nil, status.Errorf(codes.Internal, "update price: %v", err)
	}
	if payload, err := encodeProductChanged(p); err == nil {
		if err := s.events.Publish("catalog.product.changed", payload); err != nil {
			log.Printf("publish product change for %s: %v", p.SKU, err)
		}
	}
	return toProto(p)
}

func toProto(p *Product) (*pb.Product, error) {
	updated, err := ptypes.TimestampProto(p.UpdatedAt)
	if err != nil {
		return nil, status.Errorf(codes.Internal, "bad timestamp: %v", err)
	}
	return &pb.Product{
		Id:         p.ID,
		Sku:        p.SKU,
		Title:      p.Title,
		PriceCents: &wrappers.Int64Value{Value: p.PriceCents},
		Currency:   p.Currency,
		UpdatedAt:  updated,
	}, nil
}
