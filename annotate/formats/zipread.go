package formats

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// A brat .zip is read through zipFS, which guards against archives made
// to harm: a few megabytes that decompress to gigabytes, and members
// named to land outside the archive's folder or to point elsewhere.

// DefaultZipLimit is the most bytes the members of a .zip may
// decompress to, each and all together, unless ImportOptions.ZipLimit
// says otherwise: far above any real corpus of articles, far below what
// would exhaust a laptop's memory.
const DefaultZipLimit = 256 << 20

// ErrZipTooLarge is returned when a member of a .zip, or all of them
// together, decompress to more than the limit.
var ErrZipTooLarge = errors.New("decompresses to more than the limit")

// zipFS is a .zip as an fs.FS whose files stop reading at a limit. It
// counts the bytes actually decompressed, not the sizes the archive
// declares, which a harmful archive can fake.
type zipFS struct {
	z     *zip.Reader
	limit int64
	total int64 // bytes decompressed from all members so far
}

// newZipFS checks every member of z before anything is read: a member
// whose name climbs out of the archive ("..") or is absolute, or that is
// a symbolic link, is refused by name. limit of 0 or less means
// DefaultZipLimit.
func newZipFS(z *zip.Reader, limit int64) (*zipFS, error) {
	if limit <= 0 {
		limit = DefaultZipLimit
	}
	for _, f := range z.File {
		if err := checkZipMember(f); err != nil {
			return nil, err
		}
	}
	return &zipFS{z: z, limit: limit}, nil
}

// checkZipMember refuses a member named to land outside the archive's
// folder, or that is a symbolic link.
func checkZipMember(f *zip.File) error {
	name := strings.ReplaceAll(f.Name, `\`, "/")
	switch {
	case strings.HasPrefix(name, "/") || len(name) >= 2 && name[1] == ':':
		return fmt.Errorf("member %q: absolute path", f.Name)
	case name == ".." || strings.HasPrefix(name, "../") || strings.HasSuffix(name, "/..") || strings.Contains(name, "/../"):
		return fmt.Errorf("member %q: its path leaves the archive's folder", f.Name)
	case f.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("member %q: a symbolic link", f.Name)
	}
	return nil
}

// Open opens the member or folder name; a member reads up to the limit.
func (z *zipFS) Open(name string) (fs.File, error) {
	f, err := z.z.Open(name)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return f, nil
	}
	return &zipFile{File: f, z: z}, nil
}

// ReadFile reads the member name whole, up to the limit. It is what
// fs.ReadFile calls, in place of its own reading, which would allocate
// the size the archive declares before reading a byte.
func (z *zipFS) ReadFile(name string) ([]byte, error) {
	f, err := z.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// zipFile is a member being read, which stops once it, or all members
// together, have decompressed to more than the limit.
type zipFile struct {
	fs.File
	z *zipFS
	n int64 // bytes decompressed from this member so far
}

// Read reads through an io.LimitReader set to one byte past what the
// limit leaves, so that reading past the limit is seen.
func (f *zipFile) Read(p []byte) (int, error) {
	left := min(f.z.limit-f.n, f.z.limit-f.z.total)
	n, err := io.LimitReader(f.File, left+1).Read(p)
	f.n += int64(n)
	f.z.total += int64(n)
	switch {
	case f.n > f.z.limit:
		return n, fmt.Errorf("%w of %s for a member of a .zip", ErrZipTooLarge, byteSize(f.z.limit))
	case f.z.total > f.z.limit:
		return n, fmt.Errorf("with the members read before it, the .zip %w of %s", ErrZipTooLarge, byteSize(f.z.limit))
	}
	return n, err
}

// byteSize writes n bytes in MiB when it is a whole number of them.
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
