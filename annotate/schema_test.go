package annotate

import "testing"

func TestSchemaEqual(t *testing.T) {
	swapped := DefaultSchema()
	swapped.Labels[0], swapped.Labels[1] = swapped.Labels[1], swapped.Labels[0]
	recoloured := DefaultSchema()
	recoloured.Labels[2].Color = "#000000"
	rekeyed := DefaultSchema()
	rekeyed.Labels[2].Key = ""
	rekinded := DefaultSchema()
	rekinded.Labels[0].Kind = KindSource
	noRelations := DefaultSchema()
	noRelations.Relations = nil
	reversed := DefaultSchema()
	reversed.Relations[0].FromKind, reversed.Relations[0].ToKind = KindSource, KindClaim
	extraLabel := DefaultSchema()
	extraLabel.Labels = append(extraLabel.Labels, Label{Name: "EVENT", Kind: KindEntity, Color: "#123456"})

	tests := []struct {
		name string
		a, b Schema
		want bool
	}{
		{"same", DefaultSchema(), DefaultSchema(), true},
		{"both empty", Schema{}, Schema{}, true},
		{"nil and empty slices", Schema{}, Schema{Labels: []Label{}, Relations: []RelationType{}}, true},
		{"labels in another order", DefaultSchema(), swapped, false},
		{"another colour", DefaultSchema(), recoloured, false},
		{"another hotkey", DefaultSchema(), rekeyed, false},
		{"another kind", DefaultSchema(), rekinded, false},
		{"a relation type fewer", DefaultSchema(), noRelations, false},
		{"relation type reversed", DefaultSchema(), reversed, false},
		{"a label more", DefaultSchema(), extraLabel, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Equal(tt.b); got != tt.want {
				t.Errorf("a.Equal(b) = %v, want %v", got, tt.want)
			}
			if got := tt.b.Equal(tt.a); got != tt.want {
				t.Errorf("b.Equal(a) = %v, want %v", got, tt.want)
			}
		})
	}
}
