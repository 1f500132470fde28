// Command apiserver serves one variant of the example API on loopback, to
// check with `corslint run -c examples/configs/<variant>.yaml`.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/corslint/corslint/examples/server"
)

func main() {
	variant := flag.String("variant", "broken", "variant to serve: "+fmt.Sprint(server.Names()))
	addr := flag.String("addr", "127.0.0.1:8080", "loopback address to listen on")
	flag.Parse()
	setup, ok := server.Lookup(*variant)
	if !ok {
		fmt.Fprintf(os.Stderr, "apiserver: unknown variant %q; want one of %v\n", *variant, server.Names())
		os.Exit(2)
	}
	host, _, err := net.SplitHostPort(*addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		// The example API is deliberately broken: keep it off the network.
		fmt.Fprintf(os.Stderr, "apiserver: -addr %q: only loopback addresses are allowed\n", *addr)
		os.Exit(2)
	}
	log.Printf("serving variant %q on http://%s: %s", setup.Name, *addr, setup.Story)
	srv := &http.Server{Addr: *addr, Handler: server.Handler(setup), ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
