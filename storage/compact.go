package storage

import (
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// compactTxSize is how many bytes of keys and values Compact copies per
// transaction, which bounds the memory it needs.
const compactTxSize = 64 << 20

// Compact copies the project at src into a new file dst, which must not
// exist, leaving out the free pages that src has accumulated. src is only
// read. If the copy fails, dst is removed.
func Compact(src, dst string) error {
	in, err := Open(src, Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := openBolt(dst, Options{Timeout: defaultTimeout}, true)
	if err != nil {
		return fmt.Errorf("make a copy of %s: %w", src, err)
	}
	err = safely(src, func() error { return bolt.Compact(out, in.db, compactTxSize) })
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return nil
}
