package main

import (
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v2"
)

const drainTimeout = 40 * time.Second

func main() {
	app := fiber.New()
	go func() {
		if err := app.Listen(":8080"); err != nil {
			log.Fatal(err)
		}
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	if err := app.ShutdownWithTimeout(drainTimeout); err != nil {
		log.Print(err)
	}
}
