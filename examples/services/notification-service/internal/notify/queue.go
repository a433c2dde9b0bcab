package notify

import (
	"context"
	"log"
	"sync"
	"time"
)

// Email is one message to send.
type Email struct {
	To       string
	Subject  string
	Template string
	Data     map[string]string
}

// Mailer delivers one e-mail.
type Mailer interface {
	Send(ctx context.Context, e Email) error
}

// Queue sends e-mails on a fixed pool of workers so RPC handlers return immediately.
type Queue struct {
	mailer  Mailer
	workers int
	jobs    chan Email
	wg      sync.WaitGroup
}

func NewQueue(m Mailer, workers int) *Queue {
	return &Queue{mailer: m, workers: workers, jobs: make(chan Email, 256)}
}

func (q *Queue) Start() {
	for i := 0; i < q.workers; i++ {
		q.wg.Add(1)
		go q.work()
	}
}

// Enqueue returns false when the queue is full.
func (q *Queue) Enqueue(e Email) bool {
	select {
	case q.jobs <- e:
		return true
	default:
		return false
	}
}

// Stop stops accepting e-mails and waits until the queued ones are sent.
func (q *Queue) Stop() {
	close(q.jobs)
	q.wg.Wait()
}

func (q *Queue) work() {
	defer q.wg.Done()
	for e := range q.jobs {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		if err := q.mailer.Send(ctx, e); err != nil {
			log.Printf("send %q to %s: %v", e.Subject, e.To, err)
		}
		cancel()
	}
}
