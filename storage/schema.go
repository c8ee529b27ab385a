package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// schemaJSON is how a schema is stored: JSON with names of its own, so
// that renaming a Go field does not change the file format.
type schemaJSON struct {
	Labels     []labelJSON          `json:"labels"`
	Relations  []relationTypeJSON   `json:"relations"`
	Attributes []annotate.Attribute `json:"attributes,omitempty"`
}

type labelJSON struct {
	Name  string        `json:"name"`
	Kind  annotate.Kind `json:"kind"`
	Color string        `json:"color"`
	Key   string        `json:"key,omitempty"`
}

type relationTypeJSON struct {
	Name     string        `json:"name"`
	FromKind annotate.Kind `json:"from"`
	ToKind   annotate.Kind `json:"to"`
}

func encodeSchema(s annotate.Schema) ([]byte, error) {
	sj := schemaJSON{
		Labels:    make([]labelJSON, len(s.Labels)),
		Relations: make([]relationTypeJSON, len(s.Relations)),
	}
	for i, l := range s.Labels {
		sj.Labels[i] = labelJSON(l)
	}
	for i, rt := range s.Relations {
		sj.Relations[i] = relationTypeJSON(rt)
	}
	sj.Attributes = s.Attributes
	return json.Marshal(sj)
}

func decodeSchema(b []byte) (annotate.Schema, error) {
	var sj schemaJSON
	if err := json.Unmarshal(b, &sj); err != nil {
		return annotate.Schema{}, fmt.Errorf("schema: %w", err)
	}
	s := annotate.Schema{
		Labels:    make([]annotate.Label, len(sj.Labels)),
		Relations: make([]annotate.RelationType, len(sj.Relations)),
	}
	for i, l := range sj.Labels {
		s.Labels[i] = annotate.Label(l)
	}
	for i, rt := range sj.Relations {
		s.Relations[i] = annotate.RelationType(rt)
	}
	s.Attributes = sj.Attributes
	return s, nil
}

// schemaIn returns the schema stored in tx. The result is shared with the
// cache and must not be modified.
func (s *Store) schemaIn(tx *bolt.Tx) (annotate.Schema, error) {
	raw := tx.Bucket(bucketMeta).Get(keySchema)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.schemaRaw != nil && bytes.Equal(raw, s.schemaRaw) {
		return s.schema, nil
	}
	schema, err := decodeSchema(raw)
	if err != nil {
		return annotate.Schema{}, err
	}
	s.schemaRaw, s.schema = bytes.Clone(raw), schema
	return schema, nil
}

// Schema returns the project's labels and relation types.
func (s *Store) Schema() (annotate.Schema, error) {
	var schema annotate.Schema
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		schema, err = s.schemaIn(tx)
		return err
	})
	if err != nil {
		return annotate.Schema{}, fmt.Errorf("read schema of %s: %w", s.path, err)
	}
	return schema.Clone(), nil
}

// SetSchema replaces the schema after validating it, in one transaction,
// and carries every annotation and document along as c says (see
// annotate.Store). A label that disappears must not be used by any
// annotation (annotate.ErrLabelInUse), and every relation must still fit
// its type (annotate.ErrInvalid).
//
// When labels, attributes or values are renamed, labels removed or
// changed in kind, relation types removed or changed, or values may be
// lost, every annotation of the project is read: a rare edit may cost
// that. Stored suggestions and rejections follow renamed labels, and
// those of removed labels are deleted (schemasuggest.go). Other changes,
// such as a new colour or a new attribute, read none.
func (s *Store) SetSchema(schema annotate.Schema, c annotate.SchemaChange) error {
	if err := schema.Validate(); err != nil {
		return fmt.Errorf("set schema: %w", err)
	}
	raw, err := encodeSchema(schema)
	if err != nil {
		return fmt.Errorf("set schema: %w", err)
	}
	err = s.update(func(tx *bolt.Tx) error {
		old, err := s.schemaIn(tx)
		if err != nil {
			return err
		}
		m, err := annotate.NewMigration(old, schema, c)
		if err != nil {
			return err
		}
		codes, err := codesIn(tx)
		if err != nil {
			return err
		}
		if err := carry(tx, old, schema, c, m, &codes); err != nil {
			return err
		}
		if err := relabelSuggestions(tx, suggestLabels(old, schema, c)); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, raw)
	})
	if err != nil {
		return fmt.Errorf("set schema: %w", err)
	}
	return nil
}

// carry carries the records from old to schema as c and m say, and gives
// every attribute name and value of schema a code in *codes, which it
// stores when it changes. A change that only renames is made in the
// codes when they can carry it (renameCodes); other renames, and changes
// that may remove values or make annotations or relations invalid, walk
// every record (conform).
func carry(tx *bolt.Tx, old, schema annotate.Schema, c annotate.SchemaChange, m *annotate.Migration, codes **attrCodes) error {
	was := *codes
	if renamed, ok := was.renameCodes(old, schema, c, m); ok {
		*codes = renamed
	} else if c.Renames() || m.MayLose() || !keepsMeaning(old, schema) {
		// The codes only grow here, so records not rewritten read as
		// before.
		*codes, _ = was.ensure(schema)
		if err := conform(tx, schema, m, *codes); err != nil {
			return err
		}
	}
	*codes, _ = (*codes).ensure(schema)
	if *codes == was {
		return nil
	}
	return putCodes(tx, *codes)
}

// keepsMeaning reports whether every label and relation type of old is in
// new with the same kinds, so that every annotation and relation valid
// under old stays valid under new. (Whether values do is the migration's
// to say.)
func keepsMeaning(old, new annotate.Schema) bool {
	for _, l := range old.Labels {
		if n, ok := new.Label(l.Name); !ok || n.Kind != l.Kind {
			return false
		}
	}
	for _, rt := range old.Relations {
		if n, ok := new.RelationType(rt.Name); !ok || n != rt {
			return false
		}
	}
	return true
}

// conform carries every annotation and document of the project to schema
// with m and checks every annotation and relation against it. Records it
// rewrites take the attribute codes of codes.
func conform(tx *bolt.Tx, schema annotate.Schema, m *annotate.Migration, codes *attrCodes) error {
	uses := make(map[string]int) // annotations per label missing from schema
	err := eachDoc(tx, func(id string, ann, rel records) error {
		anns, err := migrateAnnotations(ann, id, m, codes)
		if err != nil {
			return err
		}
		for _, a := range anns {
			if _, ok := schema.Label(a.Label); !ok {
				uses[a.Label]++
			} else if err := annotate.ValidateAttributes(a, schema); err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
		}
		return rel.ForEach(func(k, v []byte) error {
			r, err := decodeRelation(id, k, v)
			if err != nil {
				return err
			}
			if uses[anns[r.From].Label] > 0 || uses[anns[r.To].Label] > 0 {
				return nil // the label in use is the error to report
			}
			if err := annotate.ValidateRelation(r, anns, schema); err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
			return nil
		})
	})
	if err == nil {
		err = conformDocuments(tx, schema, m, codes)
	}
	if err != nil || len(uses) == 0 {
		return err
	}
	var used []string
	for _, l := range slices.Sorted(maps.Keys(uses)) {
		used = append(used, fmt.Sprintf("%s (%d annotations)", l, uses[l]))
	}
	return fmt.Errorf("annotations still use %s: %w", strings.Join(used, ", "), annotate.ErrLabelInUse)
}

// migrateAnnotations carries the annotations in bucket b to the new
// schema with m and returns all of them, carried, by id. It collects the
// changes before it writes them, because putting into a bucket moves the
// cursor that walks it.
func migrateAnnotations(b records, docID string, m *annotate.Migration, codes *attrCodes) (map[string]annotate.Annotation, error) {
	anns := make(map[string]annotate.Annotation)
	var changed []annotate.Annotation
	err := b.ForEach(func(k, v []byte) error {
		a, err := decodeAnnotation(docID, k, v, codes)
		if err != nil {
			return err
		}
		moved, _, err := m.Annotation(&a)
		if err != nil {
			return fmt.Errorf("document %s: %w", docID, err)
		}
		if moved {
			changed = append(changed, a)
		}
		anns[a.ID] = a
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, a := range changed {
		if err := b.Put([]byte(a.ID), encodeAnnotation(a, codes)); err != nil {
			return nil, fmt.Errorf("annotation %s: %w", a.ID, err)
		}
	}
	return anns, nil
}
