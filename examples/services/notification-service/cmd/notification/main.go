// Command notification sends order and shipping e-mails. Other services call its gRPC
// API; the e-mail provider posts delivery events to its HTTP webhook.
package main

import (
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	notificationv1 "github.com/acme-retail/protos/gen/go/notification/v1"

	"github.com/acme-retail/notification-service/internal/notify"
)

func main() {
	mailer := notify.NewSMTPMailer(os.Getenv("SMTP_ADDR"), os.Getenv("MAIL_FROM"))
	queue := notify.NewQueue(mailer, 4)
	queue.Start()

	mux := http.NewServeMux()
	mux.Handle("/webhooks/delivery", notify.DeliveryWebhook([]byte(os.Getenv("WEBHOOK_SECRET"))))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok"))
	})
	srv := &http.Server{Addr: ":8080", Handler: mux}

	go func() {
		if err := srv.ListenAndServe(); err != nil {
			log.Fatalf("webhook server: %v", err)
		}
	}()

	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatalf("listen: %v", err)
	}
	grpcServer := grpc.NewServer()
	notificationv1.RegisterNotificationServiceServer(grpcServer, notify.NewServer(queue))
	healthpb.RegisterHealthServer(grpcServer, health.NewServer())
	go func() {
		if err := grpcServer.Serve(lis); err != nil {
			log.Fatalf("grpc server: %v", err)
		}
	}()
	log.Println("notification-service started")

	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGINT, syscall.SIGTERM)
	<-quit

	log.Println("shutting down")
	srv.Close()
	grpcServer.Stop()
	queue.Stop()
}
