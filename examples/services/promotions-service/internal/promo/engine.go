// Package promo evaluates promotion rules against a basket.
package promo

import (
	"sort"
	"time"
)

type Line struct {
	SKU        string `json:"sku" binding:"required"`
	Category   string `json:"category"`
	Quantity   int    `json:"quantity" binding:"min=1"`
	PriceCents int64  `json:"price_cents" binding:"min=0"`
}

type Basket struct {
	Lines []Line `json:"lines" binding:"required,dive"`
	Code  string `json:"code"`
}

type Applied struct {
	RuleID        string `json:"rule_id"`
	Description   string `json:"description"`
	DiscountCents int64  `json:"discount_cents"`
}

// Rule computes the discount a promotion gives on a basket (0 when it does not apply).
type Rule struct {
	ID          string
	Description string
	Code        string // empty: applies automatically
	ValidUntil  time.Time
	Discount    func(b Basket) int64
}

type Engine struct {
	rules []Rule
	now   func() time.Time
}

func NewEngine(rules []Rule) *Engine {
	return &Engine{rules: rules, now: time.Now}
}

// Evaluate returns the promotions that apply, largest discount first.
func (e *Engine) Evaluate(b Basket) []Applied {
	var out []Applied
	for _, r := range e.rules {
		if r.Code != "" && r.Code != b.Code {
			continue
		}
		if !r.ValidUntil.IsZero() && e.now().After(r.ValidUntil) {
			continue
		}
		if d := r.Discount(b); d > 0 {
			out = append(out, Applied{RuleID: r.ID, Description: r.Description, DiscountCents: d})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DiscountCents > out[j].DiscountCents })
	return out
}

// DefaultRules are the always-on promotions; campaign rules come from the CMS.
func DefaultRules() []Rule {
	return []Rule{
		{
			ID:          "socks-3-for-2",
			Description: "Socks: buy 3, pay for 2",
			Discount: func(b Basket) int64 {
				var d int64
				for _, l := range b.Lines {
					if l.Category == "socks" {
						d += int64(l.Quantity/3) * l.PriceCents
					}
				}
				return d
			},
		},
		{
			ID:          "welcome10",
			Description: "10% off your first order",
			Code:        "WELCOME10",
			Discount: func(b Basket) int64 {
				return subtotal(b) / 10
			},
		},
	}
}

func subtotal(b Basket) int64 {
	var s int64
	for _, l := range b.Lines {
		s += int64(l.Quantity) * l.PriceCents
	}
	return s
}
