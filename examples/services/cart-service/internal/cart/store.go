package cart

import (
	"context"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/protobuf/proto"

	cartv1 "github.com/acme-retail/protos/gen/go/cart/v1"
)

// RedisStore keeps each cart as one protobuf-encoded value with a sliding TTL.
type RedisStore struct {
	rdb *redis.Client
	ttl time.Duration
}

func NewRedisStore(rdb *redis.Client, ttl time.Duration) *RedisStore {
	return &RedisStore{rdb: rdb, ttl: ttl}
}

func cartKey(id string) string { return "cart:" + id }

func (s *RedisStore) Load(ctx context.Context, cartID string) (*cartv1.Cart, error) {
	b, err := s.rdb.GetEx(ctx, cartKey(cartID), s.ttl).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	c := &cartv1.Cart{}
	if err := proto.Unmarshal(b, c); err != nil {
		return nil, err
	}
	return c, nil
}

func (s *RedisStore) Save(ctx context.Context, c *cartv1.Cart) error {
	b, err := proto.Marshal(c)
	if err != nil {
		return err
	}
	return s.rdb.Set(ctx, cartKey(c.GetId()), b, s.ttl).Err()
}
