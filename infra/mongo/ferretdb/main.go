// A FerretDB (MongoDB wire protocol over SQLite) for tests and local runs, built from the Go module proxy by
// infra/mongo/scripts/ferretdb.sh. Embedding the library needs no version file and builds in about a minute.
// Telemetry is off in embedded mode (the library disables and locks it).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27018", "TCP address to serve the MongoDB wire protocol on")
	data := flag.String("data", "data", "directory of the SQLite backend's files (one file per database)")
	flag.Parse()

	if err := os.MkdirAll(*data, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: cannot create %s: %v\n", *data, err)
		os.Exit(1)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *data + "/",
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	go func() {
		// MongoDBURI waits until the listener is bound: the line the start script waits for.
		fmt.Printf("ferretdb: serving %s (sqlite backend in %s)\n", f.MongoDBURI(), *data)
	}()
	_ = f.Run(ctx)
	fmt.Println("ferretdb: stopped")
}
