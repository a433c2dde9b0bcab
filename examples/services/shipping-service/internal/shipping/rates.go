// Package shipping computes shipping rates and books shipments.
package shipping

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
)

var ErrUnknownZone = errors.New("no shipping zone for country")

type Zone struct {
	Name      string
	Countries []string
	BaseEUR   decimal.Decimal // first kilogram
	PerKgEUR  decimal.Decimal // every further started kilogram
}

var DefaultZones = []Zone{
	{Name: "domestic", Countries: []string{"DE"}, BaseEUR: decimal.RequireFromString("4.90"), PerKgEUR: decimal.RequireFromString("0.80")},
	{Name: "eu", Countries: []string{"AT", "BE", "FR", "NL", "PL", "IT", "ES"}, BaseEUR: decimal.RequireFromString("9.50"), PerKgEUR: decimal.RequireFromString("1.60")},
	{Name: "world", Countries: []string{"*"}, BaseEUR: decimal.RequireFromString("24.00"), PerKgEUR: decimal.RequireFromString("6.50")},
}

type RateTable struct {
	byCountry map[string]Zone
	fallback  *Zone
}

func NewRateTable(zones []Zone) *RateTable {
	t := &RateTable{byCountry: map[string]Zone{}}
	for i, z := range zones {
		for _, c := range z.Countries {
			if c == "*" {
				t.fallback = &zones[i]
				continue
			}
			t.byCountry[c] = z
		}
	}
	return t
}

// Quote returns the price in EUR for a parcel of weightGrams to country (ISO 3166 alpha-2).
func (t *RateTable) Quote(country string, weightGrams int) (decimal.Decimal, string, error) {
	z, ok := t.byCountry[strings.ToUpper(country)]
	if !ok {
		if t.fallback == nil {
			return decimal.Zero, "", ErrUnknownZone
		}
		z = *t.fallback
	}
	extraKg := 0
	if weightGrams > 1000 {
		extraKg = (weightGrams - 1000 + 999) / 1000
	}
	price := z.BaseEUR.Add(z.PerKgEUR.Mul(decimal.NewFromInt(int64(extraKg))))
	return price.Round(2), z.Name, nil
}
