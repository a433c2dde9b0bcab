module example.com/tmpl

go 1.22
