package cart

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/proto"

	cartv1 "github.com/acme-retail/protos/gen/go/cart/v1"
)

type memStore struct {
	mu    sync.Mutex
	carts map[string]*cartv1.Cart
}

func newMemStore() *memStore { return &memStore{carts: map[string]*cartv1.Cart{}} }

func (m *memStore) Load(_ context.Context, id string) (*cartv1.Cart, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.carts[id]
	if !ok {
		return nil, ErrNotFound
	}
	return proto.Clone(c).(*cartv1.Cart), nil
}

func (m *memStore) Save(_ context.Context, c *cartv1.Cart) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.carts[c.GetId()] = proto.Clone(c).(*cartv1.Cart)
	return nil
}

func TestAddItemOverGRPC(t *testing.T) {
	defer goleak.VerifyNone(t)

	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer()
	cartv1.RegisterCartServiceServer(srv, NewService(newMemStore(), nil, nil, nil))
	go srv.Serve(lis)
	defer srv.Stop()

	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
			return lis.DialContext(ctx)
		}),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
	)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	client := cartv1.NewCartServiceClient(conn)
	for i := 0; i < 2; i++ {
		if _, err := client.AddItem(ctx, &cartv1.AddItemRequest{CartId: "c1", Sku: "MUG-BLUE", Quantity: 1}); err != nil {
			t.Fatalf("AddItem: %v", err)
		}
	}
	c, err := client.GetCart(ctx, &cartv1.GetCartRequest{CartId: "c1"})
	if err != nil {
		t.Fatalf("GetCart: %v", err)
	}
	if len(c.GetItems()) != 1 || c.GetItems()[0].GetQuantity() != 2 {
		t.Errorf("want one line with quantity 2, got %v", c.GetItems())
	}
}
