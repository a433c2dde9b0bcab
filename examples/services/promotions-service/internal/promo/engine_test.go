package promo

import (
	"testing"
	"time"
)

func TestEvaluate(t *testing.T) {
	socks := Line{SKU: "SOCK-ANKLE-BLK", Category: "socks", Quantity: 3, PriceCents: 500}
	tee := Line{SKU: "TEE-WHT-M", Category: "tops", Quantity: 1, PriceCents: 2500}

	tests := []struct {
		name   string
		basket Basket
		want   []string
	}{
		{"nothing applies", Basket{Lines: []Line{tee}}, nil},
		{"three socks", Basket{Lines: []Line{socks}}, []string{"socks-3-for-2"}},
		{"code and socks, larger first", Basket{Lines: []Line{socks, tee}, Code: "WELCOME10"}, []string{"socks-3-for-2", "welcome10"}},
		{"wrong code", Basket{Lines: []Line{tee}, Code: "SUMMER"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewEngine(DefaultRules()).Evaluate(tt.basket)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i].RuleID != tt.want[i] {
					t.Errorf("[%d] = %s, want %s", i, got[i].RuleID, tt.want[i])
				}
			}
		})
	}
}

func TestExpiredRuleIsSkipped(t *testing.T) {
	e := NewEngine([]Rule{{
		ID:         "black-friday",
		ValidUntil: time.Date(2023, 11, 27, 0, 0, 0, 0, time.UTC),
		Discount:   func(Basket) int64 { return 1000 },
	}})
	if got := e.Evaluate(Basket{}); len(got) != 0 {
		t.Errorf("expired rule applied: %v", got)
	}
}
