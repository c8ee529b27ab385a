//go:build linux

package storage

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// mappedKB returns the resident kilobytes of this process's mappings of
// the file at path, from /proc/self/smaps.
func mappedKB(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	defer f.Close()
	kb, in := 0, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-"):
			// A mapping's first line; an anonymous one names no file.
			in = len(fields) >= 6 && fields[5] == path
		case in && len(fields) == 3 && fields[0] == "Rss:":
			n, _ := strconv.Atoi(fields[1])
			kb += n
		}
	}
	return kb
}

func TestDropResident(t *testing.T) {
	s := newProject(t)
	want := make(map[string]string)
	for i := range 8 {
		id := fmt.Sprintf("d%d", i)
		want[id] = strings.Repeat(fmt.Sprintf("%s is a long text. ", id), 4000)
		addDoc(t, s, id, want[id])
	}
	texts := func(tx *bolt.Tx) {
		for id, w := range want {
			if got := string(tx.Bucket(bucketText).Get([]byte(id))); got != w {
				t.Errorf("text of %s: %d bytes, want %d", id, len(got), len(w))
			}
		}
	}
	err := s.view(func(tx *bolt.Tx) error {
		texts(tx)
		before := mappedKB(t, s.path)
		dropResident(tx)
		after := mappedKB(t, s.path)
		if before < 8*64 || after >= before/4 {
			t.Errorf("resident pages of the file: %d kB after reading every text, %d kB after dropResident", before, after)
		}
		// The pages come back from the file, unchanged.
		texts(tx)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
