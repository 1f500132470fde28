package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/corslint/corslint/lint/config"
)

func newInit(e *env) *cobra.Command {
	var path string
	var force bool
	c := &cobra.Command{
		Use:   "init [-c corslint.yaml] [--force]",
		Short: "Write a commented starter config file",
		Long: `init writes a starter config file for corslint run, with every section
commented: edit the origins, the targets and the requests your pages make.
It never overwrites a file unless --force is given; "-c -" prints it instead.
docs/config.md describes every key.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if path == "-" {
				_, err := io.WriteString(e.stdout, config.Starter)
				return err
			}
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(path, flags, 0o644)
			if errors.Is(err, os.ErrExist) {
				return usageErrorf("%s already exists: edit it, or use --force to replace it", path)
			}
			if err != nil {
				return usageErrorf("cannot write %s: %v", path, err)
			}
			if _, err := io.WriteString(f, config.Starter); err != nil {
				_ = f.Close()
				return fmt.Errorf("cannot write %s: %w", path, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("cannot write %s: %w", path, err)
			}
			fmt.Fprintf(e.stderr, "corslint: wrote %s; edit it, then run: corslint run -c %s\n", path, path)
			return nil
		},
	}
	c.Flags().StringVarP(&path, "config", "c", config.DefaultFile, `file to write ("-" for standard output)`)
	c.Flags().BoolVar(&force, "force", false, "replace an existing file")
	return c
}
