package catalog

import (
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/structpb"
)

// encodeProductChanged builds the event the search indexer consumes. New code uses the
// APIv2 module; the gRPC API is still generated with the old protoc-gen-go.
func encodeProductChanged(p *Product) ([]byte, error) {
	ev, err := structpb.NewStruct(map[string]interface{}{
		"sku":         p.SKU,
		"title":       p.Title,
		"price_cents": p.PriceCents,
		"currency":    p.Currency,
		"updated_at":  p.UpdatedAt.UTC().Format(time.RFC3339),
	})
	if err != nil {
		return nil, err
	}
	return proto.Marshal(ev)
}
