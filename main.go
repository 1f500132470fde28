// Command corslint checks that browsers accept an API's CORS responses, and
// that the wrong sites do not get in.
package main

import (
	"os"

	"github.com/corslint/corslint/cmd"
)

func main() { os.Exit(cmd.Run()) }
