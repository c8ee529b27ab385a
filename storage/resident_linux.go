//go:build linux

package storage

import (
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// dropResident tells the kernel that this process is done, for now, with
// the pages of the project file it has mapped: bbolt reads the file
// through a memory map, and a walk of a whole project would otherwise
// keep every page of it in the process's resident set (290 MB for the
// benchmark project, as much as lint's whole memory budget). The pages
// stay in the operating system's page cache; a later read maps them again
// with a minor fault. The map is shared and read-only, and bbolt writes
// with pwrite, so no data is lost: MADV_DONTNEED on a shared file mapping
// only forgets the page table entries.
//
// It must be called inside tx: the transaction keeps bbolt from
// remapping the file meanwhile. The advice is only advice, so an error
// is ignored.
func dropResident(tx *bolt.Tx) {
	// bbolt gives the map's address as a number only; passing it on as
	// one, not as a pointer, keeps Go's memory model out of it.
	data := tx.DB().Info().Data
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
}
