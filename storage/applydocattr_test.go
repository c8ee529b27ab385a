package storage

import (
	"errors"
	"strings"
	"testing"

	"spanmark/annotate"
)

func TestApplySetsDocumentAttributes(t *testing.T) {
	topic := annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("defence")})
	tests := []struct {
		name    string
		e       annotate.Edit
		want    annotate.Attributes
		wantErr error
	}{
		{"set", annotate.Edit{DocumentAttributes: topic, SetDocumentAttributes: true}, topic, nil},
		{"with an annotation, one transaction", annotate.Edit{
			PutAnnotations:     []annotate.Annotation{ann("a1", 0, 5, "PERSON")},
			DocumentAttributes: topic, SetDocumentAttributes: true,
		}, topic, nil},
		{"clear all", annotate.Edit{SetDocumentAttributes: true}, nil, nil},
		{"flag unset leaves them", annotate.Edit{DocumentAttributes: annotate.Attributes{}}, topic, nil},
		{"a claim's attribute", annotate.Edit{
			DocumentAttributes: annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")}), SetDocumentAttributes: true,
		}, topic, annotate.ErrInvalid},
		{"bool for text, and an annotation with it", annotate.Edit{
			PutAnnotations:     []annotate.Annotation{ann("a1", 0, 5, "PERSON")},
			DocumentAttributes: annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.BoolValue(true)}), SetDocumentAttributes: true,
		}, topic, annotate.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newProject(t)
			d, err := s.AddDocument(annotate.Document{Title: "t", Text: "Alice said so.", Attributes: topic})
			if err != nil {
				t.Fatal(err)
			}
			err = s.Apply(d.ID, tt.e)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Apply = %v, want %v", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "document "+d.ID) {
				t.Errorf("error %q does not name the document %s", err, d.ID)
			}
			got := load(t, s, d.ID)
			if !got.Document.Attributes.Equal(tt.want) {
				t.Errorf("attributes %v, want %v", got.Document.Attributes, tt.want)
			}
			if err != nil && len(got.Annotations) != 0 {
				t.Errorf("a refused edit stored %+v", got.Annotations)
			}
			infos, err := s.Documents()
			if err != nil || len(infos) != 1 || !infos[0].Attributes.Equal(tt.want) {
				t.Errorf("Documents = %+v, %v; want attributes %v", infos, err, tt.want)
			}
		})
	}
}
