module example.com/mall/app/frontend

go 1.22
