package cli

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"testing"

	"spanmark/annotate"
)

// walkDocs returns a walk over n documents d0, d1, … that fails with err
// after them (nil: it does not fail), and counts the documents it gave.
func walkDocs(n int, err error, given *int) func(func(*annotate.DocumentData) error) error {
	return func(fn func(*annotate.DocumentData) error) error {
		for i := range n {
			*given++
			if e := fn(&annotate.DocumentData{Document: annotate.Document{ID: fmt.Sprint("d", i)}}); e != nil {
				return e
			}
		}
		return err
	}
}

func TestInOrder(t *testing.T) {
	walkErr, reportErr := errors.New("walk"), errors.New("report")
	for _, tc := range []struct {
		name    string
		docs    int
		workers int
		walkErr error
		failAt  int // the report that fails, from 1; 0 for none
		wantErr error
	}{
		{"none", 0, 2, nil, 0, nil},
		{"one worker", 50, 1, nil, 0, nil},
		{"more workers than processors", 500, 4 * runtime.GOMAXPROCS(0), nil, 0, nil},
		{"walk fails", 30, 3, walkErr, 0, walkErr},
		{"report fails", 200, 2, nil, 5, reportErr},
	} {
		t.Run(tc.name, func(t *testing.T) {
			given := 0
			var got []string
			// A check that takes longer for some documents, so that the
			// workers finish out of order.
			check := func(d *annotate.DocumentData) string {
				var n int
				fmt.Sscanf(d.Document.ID, "d%d", &n)
				for range (n % 7) * 100 {
					runtime.Gosched()
				}
				return d.Document.ID
			}
			err := inOrder(walkDocs(tc.docs, tc.walkErr, &given), tc.workers, check, func(id string) error {
				got = append(got, id)
				if len(got) == tc.failAt {
					return reportErr
				}
				return nil
			})
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
				t.Errorf("error %v, want %v", err, tc.wantErr)
			}
			want := make([]string, 0, tc.docs)
			for i := range tc.docs {
				want = append(want, fmt.Sprint("d", i))
			}
			if tc.failAt > 0 {
				want = want[:tc.failAt]
			}
			if !slices.Equal(got, want) {
				t.Errorf("reported %d: %v…, want %d in walk order", len(got), firstOf(got), len(want))
			}
			// Past a failed report, the walk stops once the queues
			// (4×workers each) and the workers' hands are full.
			if most := len(want) + 9*tc.workers + 1; given > most {
				t.Errorf("the walk gave %d documents, want at most %d", given, most)
			}
		})
	}
}

// firstOf returns the first few of ss.
func firstOf(ss []string) []string { return ss[:min(len(ss), 8)] }
