package storage

import (
	"fmt"
	"slices"

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

// keepsAttributes reports whether every attribute of old is in new, bound
// to the same labels, of the same type and, for an enum, with all its
// values, so that every value valid under old stays valid under new.
func keepsAttributes(old, new annotate.Schema) bool {
	for _, a := range old.Attributes {
		i := slices.IndexFunc(new.Attributes, func(n annotate.Attribute) bool {
			return n.Name == a.Name && n.Label == a.Label && n.Kind == a.Kind && n.Type == a.Type
		})
		if i < 0 {
			return false
		}
		for _, v := range a.Values {
			if !slices.ContainsFunc(new.Attributes[i].Values, func(n annotate.EnumValue) bool { return n.Name == v.Name }) {
				return false
			}
		}
	}
	return true
}

// conformDocuments checks every document's attribute values against
// schema.
func conformDocuments(tx *bolt.Tx, schema annotate.Schema) error {
	return tx.Bucket(bucketInfo).ForEach(func(_, v []byte) error {
		in, err := decodeInfo(v)
		if err != nil {
			return err
		}
		doc := annotate.Document{Attributes: in.Attributes}
		if err := annotate.ValidateDocumentAttributes(doc, schema); err != nil {
			return fmt.Errorf("document %s: %w", in.ID, err)
		}
		return nil
	})
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
