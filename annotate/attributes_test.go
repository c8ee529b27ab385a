package annotate

import (
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"testing"
)

// TestAttributesAPI checks each method against what a map gave: With and
// Without keep the names sorted and never change the slice they are
// called on, which the undo history holds.
func TestAttributesAPI(t *testing.T) {
	str := StringValue
	base := AttributesOf(map[string]AttrValue{"kb_id": str("Q1"), "verdict": str("false")})
	tests := []struct {
		name string
		got  Attributes
		want map[string]AttrValue
	}{
		{"add before", base.With("checkworthy", BoolValue(true)),
			map[string]AttrValue{"checkworthy": BoolValue(true), "kb_id": str("Q1"), "verdict": str("false")}},
		{"add between", base.With("source_type", str("media")),
			map[string]AttrValue{"kb_id": str("Q1"), "source_type": str("media"), "verdict": str("false")}},
		{"add after", base.With("zeta", str("z")),
			map[string]AttrValue{"kb_id": str("Q1"), "verdict": str("false"), "zeta": str("z")}},
		{"replace", base.With("verdict", str("true")), map[string]AttrValue{"kb_id": str("Q1"), "verdict": str("true")}},
		{"zero removes", base.With("kb_id", AttrValue{}), map[string]AttrValue{"verdict": str("false")}},
		{"without", base.Without("verdict"), map[string]AttrValue{"kb_id": str("Q1")}},
		{"without absent", base.Without("topic"), map[string]AttrValue{"kb_id": str("Q1"), "verdict": str("false")}},
		{"without the last", base.Without("kb_id").Without("verdict"), nil},
		{"with on nil", Attributes(nil).With("topic", str("x")), map[string]AttrValue{"topic": str("x")}},
		{"clone", base.Clone(), map[string]AttrValue{"kb_id": str("Q1"), "verdict": str("false")}},
		{"clone of empty", Attributes{}.Clone(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.got.Ordered() {
				t.Errorf("%v is not in name order", tt.got)
			}
			if got := maps.Collect(tt.got.All()); !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if len(tt.want) == 0 && tt.got != nil {
				t.Errorf("got %#v, want nil", tt.got)
			}
			for name, v := range tt.want {
				if got, ok := tt.got.Lookup(name); !ok || got != v || tt.got.Get(name) != v {
					t.Errorf("Lookup(%s) = %v, %v; want %v", name, got, ok, v)
				}
			}
			if _, ok := tt.got.Lookup("absent"); ok || !tt.got.Get("absent").IsZero() {
				t.Error("Lookup of an absent name found a value")
			}
		})
	}
	if want := AttributesOf(map[string]AttrValue{"kb_id": str("Q1"), "verdict": str("false")}); !base.Equal(want) {
		t.Errorf("base changed to %v", base)
	}
	if !Attributes(nil).Equal(Attributes{}) || base.Equal(base.With("verdict", str("true"))) {
		t.Error("Equal: nil and empty must be equal, different values not")
	}
}

// TestAttributesOrdered wants an unsorted slice or a name twice told, and
// SortAttributes to sort and name the name that appears twice.
func TestAttributesOrdered(t *testing.T) {
	a, b := Attr{"a", StringValue("1")}, Attr{"b", StringValue("2")}
	tests := []struct {
		name    string
		attrs   []Attr
		ordered bool
		dup     string
	}{
		{"none", nil, true, ""},
		{"sorted", []Attr{a, b}, true, ""},
		{"unsorted", []Attr{b, a}, false, ""},
		{"twice", []Attr{a, b, a}, false, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Attributes(tt.attrs).Ordered(); got != tt.ordered {
				t.Errorf("Ordered = %v, want %v", got, tt.ordered)
			}
			got, dup, ok := SortAttributes(tt.attrs)
			if dup != tt.dup || ok != (tt.dup == "") {
				t.Errorf("SortAttributes: dup %q, %v; want %q", dup, ok, tt.dup)
			}
			if ok && (!got.Ordered() || len(got) != len(tt.attrs)) {
				t.Errorf("SortAttributes = %v", got)
			}
		})
	}
}

// TestAttributesJSON wants the bytes encoding/json wrote for the map
// Attributes was, and them read back to the same values.
func TestAttributesJSON(t *testing.T) {
	tests := []struct {
		name string
		m    map[string]AttrValue
	}{
		{"nil", nil},
		{"claim", map[string]AttrValue{"verdict": StringValue("false"), "checkworthy": BoolValue(true)}},
		{"false bool", map[string]AttrValue{"checkworthy": BoolValue(false)}},
		{"escapes", map[string]AttrValue{"kb_id": StringValue("Q\"1<&>\u2028\n"), "a<b": StringValue("é — “x”")}},
		{"many", map[string]AttrValue{"e": StringValue("5"), "d": StringValue("4"), "c": StringValue("3"),
			"b": StringValue("2"), "a": StringValue("1")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.Marshal(tt.m)
			if err != nil {
				t.Fatal(err)
			}
			vals := AttributesOf(tt.m)
			got, err := json.Marshal(struct{ A Attributes }{vals})
			if err != nil {
				t.Fatal(err)
			}
			if w := `{"A":` + string(want) + `}`; string(got) != w {
				t.Errorf("Marshal = %s, want %s", got, w)
			}
			var back Attributes
			if err := json.Unmarshal(want, &back); err != nil {
				t.Fatal(err)
			}
			if !back.Equal(vals) || !back.Ordered() {
				t.Errorf("read back %v, want %v", back, vals)
			}
		})
	}
}

// TestAttributesJSONRefused wants a name twice, a value of the wrong
// type and what is no object refused, where a map kept the last of two
// values silently.
func TestAttributesJSONRefused(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"name twice", `{"verdict":"false","verdict":"true"}`, "attribute verdict appears twice"},
		{"number", `{"verdict":1}`, "attribute verdict: 1 is neither a string nor true or false"},
		{"array", `["verdict"]`, "is not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Attributes
			err := json.Unmarshal([]byte(tt.in), &m)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("err = %v, want ErrInvalid", err)
			}
			if m != nil {
				t.Errorf("values = %v, want none", m)
			}
		})
	}
}
