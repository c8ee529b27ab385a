package storage

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// errLoadAfterWalk is returned by the load function of EachText when it
// is called after its document's call of fn returned: the read
// transaction it would read from may be over.
var errLoadAfterWalk = errors.New("load called after its document's turn in EachText")

// dropEvery is how many documents a walk reads between two calls of
// dropResident: about 8 MB of the benchmark project's file.
const dropEvery = 256

// EachText calls fn for every document's info and text in the order of
// Documents, from one read transaction, decoding no annotation: a search
// reads every text but the annotations of only the documents that have a
// match, which are few. load decodes the document's annotations and
// relations within the same transaction, so they agree with the text. An
// error from fn stops the walk and is returned as it is; fn must not
// change the store. The pages read are dropped from the process's
// resident memory as the walk goes (dropResident), so that a walk of a
// large project does not hold the whole file.
func (s *Store) EachText(fn func(annotate.DocumentInfo, string, func() (*annotate.DocumentData, error)) error) error {
	var fnErr error
	err := s.view(func(tx *bolt.Tx) error {
		codes, err := codesIn(tx)
		if err != nil {
			return err
		}
		texts := tx.Bucket(bucketText)
		n := 0
		return tx.Bucket(bucketInfo).ForEach(func(_, v []byte) error {
			if n++; n%dropEvery == 0 {
				dropResident(tx)
			}
			in, err := decodeInfo(v, codes)
			if err != nil {
				return err
			}
			// The text is copied: the walk's pages are valid only in the
			// transaction, and fn may keep the string.
			text := string(texts.Get([]byte(in.ID)))
			turn := true
			load := func() (*annotate.DocumentData, error) {
				if !turn {
					return nil, fmt.Errorf("document %s: %w", in.ID, errLoadAfterWalk)
				}
				return s.readIn(tx, in, codes, text)
			}
			fnErr = fn(in, text, load)
			turn = false
			return fnErr
		})
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return fmt.Errorf("read documents of %s: %w", s.path, err)
	}
	return nil
}

// readIn decodes the annotations and relations of the document in, whose
// text is text, within tx.
func (s *Store) readIn(tx *bolt.Tx, in annotate.DocumentInfo, codes *attrCodes, text string) (*annotate.DocumentData, error) {
	ref := &docRef{info: in, codes: codes}
	var err error
	if ref.ann, ref.rel, err = docBuckets(tx, in.ID); err != nil {
		return nil, fmt.Errorf("read documents of %s: %w", s.path, err)
	}
	d, err := ref.readText(tx, text)
	if err != nil {
		return nil, fmt.Errorf("read documents of %s: document %s: %w", s.path, in.ID, err)
	}
	return d, nil
}
