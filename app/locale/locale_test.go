package locale

import "testing"

func TestLanguage(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string // "" when LANGUAGE needs no value
	}{
		{map[string]string{}, ""},
		{map[string]string{"LANG": "C"}, ""},
		{map[string]string{"LANG": "POSIX"}, ""},
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "C.utf8"}, "en"},
		{map[string]string{"LANG": "POSIX.UTF-8"}, "en"},
		{map[string]string{"LANG": "en_US.UTF-8"}, ""},
		{map[string]string{"LANG": "de_DE.UTF-8"}, ""},
		{map[string]string{"LANG": "pt_BR"}, ""},
		{map[string]string{"LANG": "es_419.UTF-8"}, ""},
		{map[string]string{"LANG": "sr_RS.UTF-8@latin"}, "sr_RS"},
		{map[string]string{"LANG": "ca_ES@valencia"}, "ca_ES"},
		{map[string]string{"LANG": "de_DE@euro"}, "de_DE"},
		{map[string]string{"LANG": "nonsense_locale"}, "en"},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr"}, ""},
		// LC_ALL wins over LC_MESSAGES, which wins over LANG.
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"}, "en"},
		{map[string]string{"LC_MESSAGES": "en_GB.UTF-8", "LANG": "C.UTF-8"}, ""},
		{map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "en_GB.UTF-8"}, "en"},
	}
	for _, tt := range tests {
		got, ok := Language(func(k string) string { return tt.env[k] })
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Language(%v) = %q, %v; want %q", tt.env, got, ok, tt.want)
		}
	}
}
