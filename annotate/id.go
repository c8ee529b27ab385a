package annotate

import (
	"crypto/rand"
	"encoding/hex"
)

// NewID returns a new random id: 16 lower-case hex digits (64 bits from
// crypto/rand), for documents, annotations and relations. Random ids let
// two annotators' projects be merged without renumbering.
func NewID() string {
	var b [8]byte
	// crypto/rand.Read never returns an error: the runtime aborts the
	// program instead if the system's random source fails.
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
