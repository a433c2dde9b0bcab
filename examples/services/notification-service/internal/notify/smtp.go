package notify

import (
	"bytes"
	"context"
	"fmt"
	"net/smtp"
	"text/template"
)

var templates = template.Must(template.New("order_confirmation").Parse(
	`Hi {{.name}},

thanks for your order {{.order_id}}. We will e-mail you again when it ships.
`))

// SMTPMailer relays through the cluster's SMTP relay (no auth inside the mesh).
type SMTPMailer struct {
	addr string
	from string
}

func NewSMTPMailer(addr, from string) *SMTPMailer {
	return &SMTPMailer{addr: addr, from: from}
}

func (m *SMTPMailer) Send(ctx context.Context, e Email) error {
	var body bytes.Buffer
	fmt.Fprintf(&body, "From: %s\r\nTo: %s\r\nSubject: %s\r\n\r\n", m.from, e.To, e.Subject)
	if err := templates.ExecuteTemplate(&body, e.Template, e.Data); err != nil {
		return err
	}
	errCh := make(chan error, 1)
	go func() { errCh <- smtp.SendMail(m.addr, nil, m.from, []string{e.To}, body.Bytes()) }()
	select {
	case err := <-errCh:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
