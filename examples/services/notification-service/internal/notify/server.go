package notify

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log"
	"net/http"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	notificationv1 "github.com/acme-retail/protos/gen/go/notification/v1"
)

type Server struct {
	notificationv1.UnimplementedNotificationServiceServer
	queue *Queue
}

func NewServer(q *Queue) *Server {
	return &Server{queue: q}
}

func (s *Server) SendOrderConfirmation(ctx context.Context, req *notificationv1.SendOrderConfirmationRequest) (*notificationv1.SendOrderConfirmationResponse, error) {
	if req.GetEmail() == "" {
		return nil, status.Error(codes.InvalidArgument, "email is required")
	}
	ok := s.queue.Enqueue(Email{
		To:       req.GetEmail(),
		Subject:  "Your order " + req.GetOrderId(),
		Template: "order_confirmation",
		Data:     map[string]string{"name": req.GetCustomerName(), "order_id": req.GetOrderId()},
	})
	if !ok {
		return nil, status.Error(codes.ResourceExhausted, "mail queue is full, retry later")
	}
	return &notificationv1.SendOrderConfirmationResponse{Queued: true}, nil
}

type deliveryEvent struct {
	MessageID string `json:"message_id"`
	Event     string `json:"event"` // delivered, bounced, complained
	Email     string `json:"email"`
}

// DeliveryWebhook receives delivery events from the e-mail provider, signed with HMAC-SHA256.
func DeliveryWebhook(secret []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "read body", http.StatusBadRequest)
			return
		}
		mac := hmac.New(sha256.New, secret)
		mac.Write(body)
		if !hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(r.Header.Get("X-Signature"))) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var ev deliveryEvent
		if err := json.Unmarshal(body, &ev); err != nil {
			http.Error(w, "bad event", http.StatusBadRequest)
			return
		}
		if ev.Event == "bounced" || ev.Event == "complained" {
			log.Printf("suppressing %s after %s (message %s)", ev.Email, ev.Event, ev.MessageID)
		}
		w.WriteHeader(http.StatusAccepted)
	})
}
