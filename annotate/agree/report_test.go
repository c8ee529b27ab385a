package agree

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"spanmark/annotate"
)

// goldenReport compares alice's and bob's work on X and Y; Z is only
// alice's and "Only B." only bob's.
//
// X: PERSON "Kim" agrees; PERSON "Putin" is [8,13) for alice, [8,12) for
// bob; "Pyongyang" is LOC for alice, ORG for bob; the claim, the source
// and the relation agree. Y has no annotations.
//
//	PERSON  a 2, b 2, exact 1: F1 2·1/4 = 0.5; overlap 2: F1 1
//	LOC     a 1, b 0: F1 0;  ORG a 0, b 1: F1 0
//	CLAIM, SOURCE  a 1, b 1, exact 1: F1 1
//	overall a 5, b 5, exact 3: 2·3/10 = 0.6; overlap 4: 2·4/10 = 0.8
//	relations a 1, b 1, matched 1: F1 1
//
// Entity kappa over X (45 non-space code points) and Y (11): N = 56.
// Alice: PERSON 3 + 5 = 8, LOC 9, O 39; bob: PERSON 3 + 4 = 7, ORG 9, O 40.
// Agreeing: PERSON 7, O 39 (alice's O is all O for bob): 46.
// Σ = 8·7 + 39·40 = 56 + 1560 = 1616.
// κ = (56·46 − 1616)/(56² − 1616) = (2576 − 1616)/(3136 − 1616) = 960/1520
// = 12/19. Claims and sources agree everywhere: κ 1.
//
// Attributes, over the exact pairs: the claim's verdict is false for
// alice, mostly_false for bob: 1 pair, agreement 0, κ (1·0 − 0)/(1 − 0)
// = 0 (no category is on both sides, so Σ n_A·n_B = 0). Its checkworthy,
// the source's source_type and the PERSON "Kim" pair's kb_id are unset on
// both sides: agreement and κ 1. The topic of X is politics on both
// sides, Y's unset on both: 2 pairs, agreement 1, and both sides put
// every pair in the category it has: Σ n_A·n_B = 1·1 + 1·1 = 2, κ = (2·2
// − 2)/(2² − 2) = 1.
func goldenReport() Report {
	ax := doc("ax", textX, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}, {17, 26, "LOC"}, {28, 42, "CLAIM"}, {44, 48, "SOURCE"}}, r{3, 4})
	bx := doc("bx", textX, []a{{0, 3, "PERSON"}, {8, 12, "PERSON"}, {17, 26, "ORG"}, {28, 42, "CLAIM"}, {44, 48, "SOURCE"}}, r{3, 4})
	ax.Annotations[3].Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")})
	bx.Annotations[3].Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("mostly_false")})
	ax.Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("politics")})
	bx.Document.Attributes = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("politics")})
	return Compare(
		side("alice", ax, doc("ay", textY, nil), doc("az", textZ, []a{{0, 7, "DATE"}})),
		side("bob", doc("bw", "Only B.", []a{{0, 4, "MISC"}}), bx, doc("by", textY, nil)))
}

func TestReportJSON(t *testing.T) {
	r := goldenReport()
	if got, want := r.Kappa[annotate.KindEntity], 12.0/19; got != want {
		t.Errorf("entity kappa = %v, want %v", got, want)
	}
	got, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "agree", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("JSON() =\n%s\nwant\n%s", got, want)
	}
	if !json.Valid(got) {
		t.Error("JSON() is not valid JSON")
	}
}

func TestReportJSONEmpty(t *testing.T) {
	got, err := Compare(Side{}, Side{}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "documents": {
    "matched": 0,
    "only_a": 0,
    "only_b": 0
  },
  "labels": {},
  "overall": {
    "a": 0,
    "b": 0,
    "exact_f1": 1,
    "overlap_f1": 1
  },
  "kappa": {
    "entity": 1,
    "claim": 1,
    "source": 1
  },
  "relations": {
    "a": 0,
    "b": 0,
    "f1": 1
  },
  "attributes": {}
}
`
	if string(got) != want {
		t.Errorf("JSON() =\n%s\nwant\n%s", got, want)
	}
}

func TestReportWriteTable(t *testing.T) {
	var b bytes.Buffer
	if err := goldenReport().WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "agree", "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("WriteTable wrote\n%s\nwant\n%s", got, want)
	}
}

// failingWriter fails every write.
type failingWriter struct{}

var errWrite = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestReportWriteTableError(t *testing.T) {
	if err := goldenReport().WriteTable(failingWriter{}); !errors.Is(err, errWrite) {
		t.Errorf("WriteTable = %v, want an error wrapping %v", err, errWrite)
	}
}
