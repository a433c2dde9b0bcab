module example.com/qt

go 1.22
