module spanmark

go 1.25.0
