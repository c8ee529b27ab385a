//go:build !linux

package storage

import bolt "go.etcd.io/bbolt"

// dropResident does nothing where madvise's MADV_DONTNEED is not known to
// leave a shared file mapping intact; see resident_linux.go.
func dropResident(*bolt.Tx) {}
