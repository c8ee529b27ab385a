package formats

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipMember is a member of a .zip a test builds.
type zipMember struct {
	name     string
	data     string
	mode     fs.FileMode // 0 means a plain file
	declared uint64      // the size the header declares; 0 means the true one
}

// writeZip writes a .zip of members, deflated, to a new file and returns
// its path. A member may declare a size other than its own, as a harmful
// archive may.
func writeZip(t *testing.T, members ...zipMember) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		var packed bytes.Buffer
		fw, err := flate.NewWriter(&packed, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(m.data))
		fw.Close()
		h := &zip.FileHeader{
			Name:               m.name,
			Method:             zip.Deflate,
			CRC32:              crc32.ChecksumIEEE([]byte(m.data)),
			CompressedSize64:   uint64(packed.Len()),
			UncompressedSize64: uint64(len(m.data)),
		}
		if m.declared != 0 {
			h.UncompressedSize64 = m.declared
		}
		if m.mode != 0 {
			h.SetMode(m.mode)
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(packed.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "corpus.zip")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBratZipLimits(t *testing.T) {
	const limit = 4 << 10
	article := zipMember{name: "doc.txt", data: "Bo said so."}
	ann := zipMember{name: "doc.ann", data: "T1\tSOURCE 0 2\tBo\n"}
	big := strings.Repeat("Bo said so, and so on. ", 3<<10) // 69 KiB, deflated to a few hundred bytes
	half := strings.Repeat("x", limit/2+1)
	tests := []struct {
		name    string
		members []zipMember
		limit   int64
		want    string // what the error holds; "" for none
		tooBig  bool   // the error is ErrZipTooLarge
	}{
		{"within the limit", []zipMember{article, ann}, limit, "", false},
		{"the default limit", []zipMember{article, ann, {name: "big.txt", data: big}}, 0, "", false},
		{"member past the limit", []zipMember{article, {name: "corpus/big.txt", data: big}}, limit,
			"corpus.zip: corpus/big.txt: decompresses to more than the limit of 4096 bytes for a member", true},
		// The header says 1 TiB: reading must not take its word and
		// allocate that, but stop at the limit.
		{"size declared huge", []zipMember{{name: "big.txt", data: big, declared: 1 << 40}}, limit,
			"big.txt: decompresses to more than the limit of 4096 bytes", true},
		{"members past the limit together", []zipMember{{name: "a.txt", data: half}, {name: "b.txt", data: half}}, limit,
			"b.txt: with the members read before it, the .zip decompresses to more than the limit of 4096 bytes", true},
		{"climbs out", []zipMember{article, {name: "../evil.txt", data: "x"}}, limit,
			`corpus.zip: member "../evil.txt": its path leaves the archive's folder`, false},
		{"climbs out inside", []zipMember{{name: `a\..\..\evil.txt`, data: "x"}, article}, limit,
			`member "a\\..\\..\\evil.txt": its path leaves the archive's folder`, false},
		{"absolute", []zipMember{article, {name: "/etc/evil.txt", data: "x"}}, limit,
			`member "/etc/evil.txt": absolute path`, false},
		{"drive letter", []zipMember{article, {name: "C:/evil.txt", data: "x"}}, limit,
			`member "C:/evil.txt": absolute path`, false},
		{"symbolic link", []zipMember{article, {name: "link.txt", data: "/etc/passwd", mode: fs.ModeSymlink | 0o777}}, limit,
			`member "link.txt": a symbolic link`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeZip(t, tt.members...)
			o := toolImportOptions()
			o.ZipLimit = tt.limit
			docs, _, err := importBratPath(path, o)
			if tt.want == "" {
				if err != nil || len(docs) == 0 {
					t.Fatalf("got %d documents, %v; want them imported", len(docs), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %d documents, error %v; want an error holding %q", len(docs), err, tt.want)
			}
			if errors.Is(err, ErrZipTooLarge) != tt.tooBig {
				t.Errorf("errors.Is(%v, ErrZipTooLarge) = %v, want %v", err, !tt.tooBig, tt.tooBig)
			}
			if !strings.HasPrefix(err.Error(), "import "+path+": ") {
				t.Errorf("error %q does not name the archive first", err)
			}
		})
	}
}

// TestZipFSStopsAtTheLimit checks that a member is read no further than
// one byte past the limit, whatever the size of the reads.
func TestZipFSStopsAtTheLimit(t *testing.T) {
	path := writeZip(t, zipMember{name: "big.txt", data: strings.Repeat("a", 1<<20)})
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	fsys, err := newZipFS(&z.Reader, 1000)
	if err != nil {
		t.Fatal(err)
	}
	f, err := fsys.Open("big.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	read := 0
	for range 10 {
		n, err := f.Read(buf)
		read += n
		if err != nil {
			if !errors.Is(err, ErrZipTooLarge) {
				t.Fatalf("error %v, want ErrZipTooLarge", err)
			}
			break
		}
	}
	if read != 1001 {
		t.Errorf("read %d bytes, want 1001: the limit and one byte to see it passed", read)
	}
}
