# Installs Spanmark from this archive, in the layout of the archives that
# "fyne package" makes. Run "sudo make install"; "sudo make uninstall"
# removes exactly what it installed. PREFIX is /usr/local if
# $(DESTDIR)/usr/local exists, or else /usr.

LOCAL := $(shell test -d $(DESTDIR)/usr/local && echo /local)
PREFIX ?= /usr$(LOCAL)

FILES := bin/spanmark share/applications/spanmark.desktop \
	share/pixmaps/spanmark.png share/mime/packages/spanmark.xml

# The desktop's databases of file types and applications are brought up
# to date where the tools are installed, except in a staging DESTDIR.
UPDATE_DATABASES = @[ -n "$(DESTDIR)" ] || { \
	! command -v update-mime-database >/dev/null || update-mime-database $(PREFIX)/share/mime; \
	! command -v update-desktop-database >/dev/null || update-desktop-database $(PREFIX)/share/applications; }

default:
	# Run "sudo make install" to install the application.
	# Run "sudo make uninstall" to uninstall the application.

install:
	install -Dm00755 usr/local/bin/spanmark $(DESTDIR)$(PREFIX)/bin/spanmark
	install -Dm00644 usr/local/share/applications/spanmark.desktop $(DESTDIR)$(PREFIX)/share/applications/spanmark.desktop
	install -Dm00644 usr/local/share/pixmaps/spanmark.png $(DESTDIR)$(PREFIX)/share/pixmaps/spanmark.png
	install -Dm00644 usr/local/share/mime/packages/spanmark.xml $(DESTDIR)$(PREFIX)/share/mime/packages/spanmark.xml
	$(UPDATE_DATABASES)

uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/,$(FILES))
	$(UPDATE_DATABASES)

.PHONY: default install uninstall
