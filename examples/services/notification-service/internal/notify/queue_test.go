package notify

import (
	"context"
	"sync"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

type recordingMailer struct {
	mu   sync.Mutex
	sent []string
}

func (r *recordingMailer) Send(_ context.Context, e Email) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, e.To)
	return nil
}

func TestQueueDrainsOnStop(t *testing.T) {
	m := &recordingMailer{}
	q := NewQueue(m, 2)
	q.Start()
	for _, to := range []string{"ana@example.com", "li@example.com", "sam@example.com"} {
		if !q.Enqueue(Email{To: to, Subject: "hi", Template: "order_confirmation"}) {
			t.Fatalf("queue full")
		}
	}
	q.Stop()

	if len(m.sent) != 3 {
		t.Errorf("sent %d e-mails, want 3", len(m.sent))
	}
}
