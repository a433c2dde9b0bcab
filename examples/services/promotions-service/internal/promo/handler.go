package promo

import (
	"net/http"

	"github.com/gin-gonic/gin"

	promotionsv1 "github.com/acme-retail/protos/gen/go/promotions/v1"
)

// RegisterRoutes mounts the promotions API. The mobile app asks for protobuf,
// the web storefront for JSON.
func RegisterRoutes(r *gin.Engine, e *Engine) {
	r.GET("/healthz", func(c *gin.Context) { c.Status(http.StatusOK) })
	r.POST("/v1/evaluate", func(c *gin.Context) {
		var b Basket
		if err := c.ShouldBindJSON(&b); err != nil {
			c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
			return
		}
		applied := e.Evaluate(b)
		if c.GetHeader("Accept") == "application/x-protobuf" {
			c.ProtoBuf(http.StatusOK, toProto(applied))
			return
		}
		c.JSON(http.StatusOK, gin.H{"applied": applied})
	})
}

func toProto(applied []Applied) *promotionsv1.EvaluateResponse {
	res := &promotionsv1.EvaluateResponse{}
	for _, a := range applied {
		res.Applied = append(res.Applied, &promotionsv1.AppliedPromotion{
			RuleId:        a.RuleID,
			Description:   a.Description,
			DiscountCents: a.DiscountCents,
		})
	}
	return res
}
