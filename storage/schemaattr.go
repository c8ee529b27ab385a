package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"spanmark/annotate"
)

// attributeJSON is how an attribute definition is stored in the schema's
// JSON. Schemas written before attributes existed have none, which reads
// as an empty list.
type attributeJSON struct {
	Name     string             `json:"name"`
	Type     annotate.AttrType  `json:"type"`
	Label    string             `json:"label,omitempty"`
	Kind     annotate.Kind      `json:"kind,omitempty"`
	Values   []enumValueJSON    `json:"values,omitempty"`
	Default  annotate.AttrValue `json:"default,omitzero"`
	Required bool               `json:"required,omitempty"`
}

type enumValueJSON struct {
	Name string `json:"name"`
	Key  string `json:"key,omitempty"`
}

func attributesToJSON(as []annotate.Attribute) []attributeJSON {
	out := make([]attributeJSON, len(as))
	for i, a := range as {
		out[i] = attributeJSON{Name: a.Name, Type: a.Type, Label: a.Label, Kind: a.Kind,
			Default: a.Default, Required: a.Required}
		for _, v := range a.Values {
			out[i].Values = append(out[i].Values, enumValueJSON(v))
		}
	}
	return out
}

func attributesFromJSON(as []attributeJSON) []annotate.Attribute {
	var out []annotate.Attribute
	for _, a := range as {
		def := annotate.Attribute{Name: a.Name, Type: a.Type, Label: a.Label, Kind: a.Kind,
			Default: a.Default, Required: a.Required}
		for _, v := range a.Values {
			def.Values = append(def.Values, annotate.EnumValue(v))
		}
		out = append(out, def)
	}
	return out
}

// conformDocuments carries every document's attribute values to schema
// with m and checks them against it. Like migrateAnnotations, it writes
// the changed records after the walk.
func conformDocuments(tx *bolt.Tx, schema annotate.Schema, m *annotate.Migration, codes *attrCodes) error {
	b := tx.Bucket(bucketInfo)
	changed := make(map[string][]byte) // seq key → record
	err := b.ForEach(func(k, v []byte) error {
		in, err := decodeInfo(v, codes)
		if err != nil {
			return err
		}
		moved, _, err := m.Document(&in)
		if err != nil {
			return err
		}
		if moved {
			changed[string(k)] = encodeInfo(in, codes)
		}
		doc := annotate.Document{Attributes: in.Attributes}
		if err := annotate.ValidateDocumentAttributes(doc, schema); err != nil {
			return fmt.Errorf("document %s: %w", in.ID, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for k, rec := range changed {
		if err := b.Put([]byte(k), rec); err != nil {
			return fmt.Errorf("document info: %w", err)
		}
	}
	return nil
}

// setDocumentAttributes replaces the document's attribute values in its
// info record with a copy of m, once they fit the schema's document
// attributes; the error names the document.
func setDocumentAttributes(in *annotate.DocumentInfo, m annotate.Attributes, schema annotate.Schema) error {
	doc := annotate.Document{ID: in.ID, Attributes: m}
	if err := annotate.ValidateDocumentAttributes(doc, schema); err != nil {
		return fmt.Errorf("document %s: %w", in.ID, err)
	}
	in.Attributes = m.Clone()
	return nil
}
