package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// CountLosses counts the annotations and documents that SetSchema(schema,
// c) with c.DropValues set would take values from, in one read
// transaction that changes nothing.
//
// When the change deletes no attribute or enum value it reads nothing
// else. When it does, it decodes every annotation record once, one at a
// time (a streaming walk: memory does not grow with the project), and
// every document's info record, but no text and no relation. An
// annotation without values is passed over without allocating.
func (s *Store) CountLosses(schema annotate.Schema, c annotate.SchemaChange) (annotate.Losses, error) {
	var l annotate.Losses
	if err := schema.Validate(); err != nil {
		return l, fmt.Errorf("count losses: %w", err)
	}
	c.DropValues = true
	err := s.view(func(tx *bolt.Tx) error {
		old, err := s.schemaIn(tx)
		if err != nil {
			return err
		}
		m, err := annotate.NewMigration(old, schema, c)
		if err != nil || !m.MayLose() {
			return err
		}
		codes, err := codesIn(tx)
		if err != nil {
			return err
		}
		if err := countAnnotationLosses(tx, m, codes, &l); err != nil {
			return err
		}
		return tx.Bucket(bucketInfo).ForEach(func(_, v []byte) error {
			in, err := decodeInfo(v, codes)
			if err != nil {
				return err
			}
			_, lost, err := m.Document(&in)
			countLost(&l, &l.Documents, lost)
			return err
		})
	})
	if err != nil {
		return annotate.Losses{}, fmt.Errorf("count losses in %s: %w", s.path, err)
	}
	return l, nil
}

// countAnnotationLosses adds to l what m takes from the annotations.
func countAnnotationLosses(tx *bolt.Tx, m *annotate.Migration, codes *attrCodes, l *annotate.Losses) error {
	return eachDoc(tx, func(id string, ann, _ records) error {
		return ann.ForEach(func(k, v []byte) error {
			if !holdsValues(v) {
				return nil
			}
			a, err := decodeAnnotation(id, k, v, codes)
			if err != nil {
				return err
			}
			_, lost, err := m.Annotation(&a)
			countLost(l, &l.Annotations, lost)
			return err
		})
	})
}

// countLost counts one holder that lost values in holders, and its lost
// values in l.
func countLost(l *annotate.Losses, holders *int, lost int) {
	if lost > 0 {
		*holders++
		l.Values += lost
	}
}

// holdsValues reports whether the annotation record b has attribute
// values, reading its fixed fields as decodeAnnotation does but without
// copying them: most annotations of a large project hold none, and
// counting must not allocate for them. A damaged record reports true, so
// that decodeAnnotation reports the damage.
func holdsValues(b []byte) bool {
	d := decoder{buf: b}
	d.int() // start
	d.int() // end
	for range 3 {
		d.skipString() // label, note, annotator
	}
	d.time() // created
	d.time() // updated
	return d.err != nil || len(d.buf) > 0
}

// skipString passes over a string field.
func (d *decoder) skipString() {
	n := d.uint()
	if d.err == nil && n > uint64(len(d.buf)) {
		d.err = errCorrupt
	}
	if d.err == nil {
		d.buf = d.buf[n:]
	}
}
