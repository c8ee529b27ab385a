/*
 * paintwait measures what a user sees of a GUI program: how long after its
 * start, and after each input it is sent, the screen stops changing.
 *
 *   paintwait [-n NAME] [-i MS] [-q MS] [-t MS] [-c PERMILLE] [-o PREFIX]
 *             [-r L,T,R,B] [-v] [-a ACTION]... -- COMMAND [ARG...]
 *
 * It starts COMMAND itself, so that the clock starts at the fork. Every -i
 * ms (default 2) it asks the DAMAGE extension whether anything was drawn
 * and, if so, grabs the whole screen with XShmGetImage and compares it with
 * the last picture. A stage ends once the screen has not changed for -q ms
 * (default 300): its figure is the time of the last change, not the end of
 * the quiet, since that is when the user saw the final picture. The final
 * picture must have at least PERMILLE ‰ of its pixels coloured (-c,
 * default 0), so that a blank window, or one that pauses half-drawn, is not
 * taken for the painted article; and the first stage needs a window whose
 * name starts with NAME (default "Spanmark"). Then each ACTION is sent and
 * measured the same way from the moment it is sent; it must change the
 * screen. Actions:
 *
 *   key:KEYSYM[+KEYSYM...]   press the keys in order, release them in
 *                            reverse (XTest), e.g. key:Control_L+Next
 *   resize:WxH               resize the window, as a window manager does
 *
 * -r also times a region of the window, the window less L, T, R and B
 * pixels at its left, top, right and bottom (so that it follows the
 * window's size, as a layout with fixed side bars does): each stage still
 * ends when the whole window is still, and its line gets a second figure,
 * the time of the region's last change once the window is there (0 when
 * it did not change), so that one run gives both.
 *
 * Each figure is printed on stdout as "open MS" or "ACTION MS" ("open MS
 * REGION_MS" with -r); COMMAND's
 * output goes to stderr. -o writes each stage's final picture to
 * PREFIX.N.ppm, to check what was measured; -v lists the changes on stderr.
 * A stage that does not settle within -t ms (default 20000), a window that
 * never appears or a command that exits is an error: a message on stderr
 * and exit status 1. COMMAND is always terminated before paintwait exits.
 *
 * The pointer is moved to the screen's bottom-right corner first, off the
 * window, so that no hover effect or tooltip changes the picture, and the
 * window is given the keyboard focus when it appears, as a window manager
 * would (Xvfb has none).
 */
#define _GNU_SOURCE
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/Xdamage.h>
#include <X11/extensions/XTest.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static Display *dpy;
static pid_t child;
static const char *name = "Spanmark";
static double interval = 2, quiet = 300, timeout = 20000, permille;
static int verbose, damage_event;
static int inset[4], has_region; /* -r: left, top, right, bottom */
static Damage damage;
static int newest = -1; /* which of the two grabs holds the latest picture */

/* grab is one shared-memory image of the root window. */
struct grab {
	XImage *img;
	XShmSegmentInfo shm;
};

/* area is the part of the screen watched: the window, once it is found. */
struct area {
	int x, y, w, h;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* stop terminates the command: SIGTERM, then SIGKILL after 2 s. */
static void stop(void)
{
	if (child <= 0)
		return;
	kill(child, SIGTERM);
	for (int i = 0; i < 200 && waitpid(child, NULL, WNOHANG) == 0; i++)
		usleep(10000);
	if (kill(child, SIGKILL) == 0)
		waitpid(child, NULL, 0);
	child = 0;
}

/* die reports an error, terminates the command and exits with status 1. */
static void die(const char *fmt, ...)
{
	va_list ap;
	fputs("paintwait: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	stop();
	exit(1);
}

/* on_signal and on_io_error never leave the command running: paintwait
 * may be cut off by timeout(1), or lose the X server. */
static void on_signal(int sig)
{
	if (child > 0)
		kill(child, SIGKILL);
	_exit(128 + sig);
}

static int on_io_error(Display *d)
{
	(void)d;
	die("lost the X server");
	return 0;
}

static void grab_init(struct grab *g, Screen *s)
{
	g->img = XShmCreateImage(dpy, DefaultVisualOfScreen(s), DefaultDepthOfScreen(s), ZPixmap, NULL,
				 &g->shm, WidthOfScreen(s), HeightOfScreen(s));
	if (!g->img || g->img->bits_per_pixel != 32)
		die("need a 32-bit TrueColor screen (Xvfb -screen 0 WxHx24)");
	g->shm.shmid = shmget(IPC_PRIVATE, g->img->bytes_per_line * g->img->height, IPC_CREAT | 0600);
	g->shm.shmaddr = g->img->data = shmat(g->shm.shmid, NULL, 0);
	g->shm.readOnly = False;
	int ok = g->shm.shmid >= 0 && g->img->data != (void *)-1 && XShmAttach(dpy, &g->shm);
	XSync(dpy, False);
	if (g->shm.shmid >= 0)
		shmctl(g->shm.shmid, IPC_RMID, NULL); /* freed once both sides detach */
	if (!ok)
		die("cannot share memory with the X server");
}

/* row returns the first byte of area a's row y in img. */
static unsigned char *row(const XImage *img, struct area a, int y)
{
	return (unsigned char *)img->data + (long)(a.y + y) * img->bytes_per_line + 4L * a.x;
}

/* differs reports whether two pictures differ in area a. */
static int differs(const XImage *p, const XImage *q, struct area a)
{
	for (int y = 0; y < a.h; y++)
		if (memcmp(row(p, a, y), row(q, a, y), 4L * a.w))
			return 1;
	return 0;
}

/* coloured counts the pixels of area a, in ‰, whose channels differ by 48
 * or more: text and the theme are greys, highlights are colours. */
static double coloured(const XImage *img, struct area a)
{
	long n = 0;
	for (int y = 0; y < a.h; y++) {
		const unsigned char *p = row(img, a, y);
		for (int x = 0; x < a.w; x++, p += 4) {
			int hi = p[0] > p[1] ? p[0] : p[1], lo = p[0] < p[1] ? p[0] : p[1];
			hi = p[2] > hi ? p[2] : hi;
			lo = p[2] < lo ? p[2] : lo;
			n += hi - lo >= 48;
		}
	}
	return 1000.0 * n / ((double)a.w * a.h + 1);
}

/* write_ppm saves an image, its masks assumed to be 0xff0000, 0xff00, 0xff. */
static void write_ppm(const XImage *img, const char *prefix, int stage)
{
	char path[4096];
	snprintf(path, sizeof path, "%s.%d.ppm", prefix, stage);
	FILE *f = fopen(path, "wb");
	if (!f)
		die("cannot write %s", path);
	fprintf(f, "P6\n%d %d\n255\n", img->width, img->height);
	for (int y = 0; y < img->height; y++)
		for (int x = 0; x < img->width; x++) {
			unsigned long px = XGetPixel((XImage *)img, x, y);
			fputc(px >> 16 & 0xff, f), fputc(px >> 8 & 0xff, f), fputc(px & 0xff, f);
		}
	if (fclose(f))
		die("cannot write %s", path);
}

/* drawn reports whether anything was drawn on the screen since it was last
 * called. The DAMAGE extension tells, which spares the grab and the
 * comparison (a third of a core at one every 2 ms) while nothing is. */
static int drawn(void)
{
	int any = 0;
	while (XPending(dpy)) {
		XEvent e;
		XNextEvent(dpy, &e);
		any |= e.type == damage_event + XDamageNotify;
	}
	if (any)
		XDamageSubtract(dpy, damage, None, None);
	return any;
}

/* has_name reports whether window w's name (the UTF-8 _NET_WM_NAME, else
 * WM_NAME) starts with the name sought. */
static int has_name(Window w)
{
	Atom props[2] = {XInternAtom(dpy, "_NET_WM_NAME", False), XA_WM_NAME};
	for (int i = 0; i < 2; i++) {
		Atom type;
		int format;
		unsigned long n, after;
		unsigned char *v = NULL;
		if (XGetWindowProperty(dpy, w, props[i], 0, 256, False, AnyPropertyType, &type, &format, &n,
				       &after, &v) == Success && v) {
			int ok = format == 8 && strncmp((char *)v, name, strlen(name)) == 0;
			XFree(v);
			if (ok)
				return 1;
		}
	}
	return 0;
}

/* find_window returns the mapped top-level window with the name, or 0. */
static Window find_window(void)
{
	Window root, parent, *kids, found = 0;
	unsigned int n;
	if (!XQueryTree(dpy, DefaultRootWindow(dpy), &root, &parent, &kids, &n))
		return 0;
	for (unsigned int i = 0; i < n && !found; i++) {
		XWindowAttributes a;
		if (XGetWindowAttributes(dpy, kids[i], &a) && a.map_state == IsViewable && has_name(kids[i]))
			found = kids[i];
	}
	if (kids)
		XFree(kids);
	return found;
}

/* watched returns the window's area on the screen, or the whole screen
 * while there is no window yet. Only the window's pixels count: when it
 * shrinks, the screen beside it changes at once, before the program has
 * done anything. */
static struct area watched(Window win, const XImage *img)
{
	struct area a = {0, 0, img->width, img->height};
	XWindowAttributes wa;
	if (win && XGetWindowAttributes(dpy, win, &wa)) {
		int x1 = wa.x + wa.width < a.w ? wa.x + wa.width : a.w;
		int y1 = wa.y + wa.height < a.h ? wa.y + wa.height : a.h;
		a.x = wa.x > 0 ? wa.x : 0, a.y = wa.y > 0 ? wa.y : 0;
		a.w = x1 > a.x ? x1 - a.x : 0, a.h = y1 > a.y ? y1 - a.y : 0;
	}
	return a;
}

/* region returns the part of area a that -r names (empty when a is too
 * small for the insets). */
static struct area region(struct area a)
{
	struct area r = {a.x + inset[0], a.y + inset[1], a.w - inset[0] - inset[2], a.h - inset[1] - inset[3]};
	if (r.w < 0)
		r.w = 0;
	if (r.h < 0)
		r.h = 0;
	return r;
}

/* settle grabs the screen until it has been still for the quiet period,
 * and returns the time of its last change after t0, and in *rlast that of
 * the last change of the -r region while the window was there. Before the
 * first stage's window appears, it looks for it. */
static double settle(struct grab g[2], double t0, Window *win, const char *what, double *rlast)
{
	int changed = 0, grabs = 0;
	double last = 0, share = -1, next = now_ms(), lookup = 0;
	*rlast = t0;
	struct area a = watched(*win, g[0].img);
	for (;;) {
		int status;
		if (waitpid(child, &status, WNOHANG) == child) {
			child = 0;
			if (WIFEXITED(status))
				die("%s: the command exited with status %d", what, WEXITSTATUS(status));
			die("%s: the command was killed by signal %d", what, WTERMSIG(status));
		}
		if (!*win && now_ms() >= lookup) {
			if ((*win = find_window()))
				XSetInputFocus(dpy, *win, RevertToParent, CurrentTime);
			lookup = now_ms() + 20;
		}
		double t = now_ms();
		int spare = newest == 0; /* the buffer not holding the reference */
		if (newest < 0 || drawn()) {
			XShmGetImage(dpy, DefaultRootWindow(dpy), g[spare].img, 0, 0, AllPlanes);
			grabs++;
			a = watched(*win, g[spare].img);
			if (newest < 0 || differs(g[spare].img, g[newest].img, a)) {
				if (has_region && *win && (newest < 0 || differs(g[spare].img, g[newest].img, region(a))))
					*rlast = t;
				changed = newest >= 0, newest = spare, last = t, share = -1;
				if (verbose && changed)
					fprintf(stderr, "paintwait: %s: change at %.1f ms, %.1f‰ coloured\n", what,
						t - t0, coloured(g[newest].img, a));
			}
		}
		if (*win && changed && t - last >= quiet) {
			if (share < 0)
				share = coloured(g[newest].img, a);
			if (share >= permille) {
				if (verbose)
					fprintf(stderr, "paintwait: %s: settled after %d grabs\n", what, grabs);
				return last - t0;
			}
		}
		if (t - t0 > timeout) {
			if (!*win)
				die("no window named %s* appeared within %.0f ms", name, timeout);
			if (!changed)
				die("%s: the screen did not change within %.0f ms", what, timeout);
			die("%s: the screen did not settle within %.0f ms (last change at %.0f ms, %.1f‰ coloured, %.1f‰ needed)",
			    what, timeout, last - t0, share, permille);
		}
		/* Every interval, or an interval after the grab when it fell behind. */
		next = next + interval > now_ms() ? next + interval : now_ms() + interval;
		struct timespec ts = {(time_t)(next / 1e3), (long)(next * 1e6) % 1000000000L};
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
	}
}

/* act sends one action to the window. */
static void act(Window win, const char *action)
{
	unsigned int w, h;
	if (sscanf(action, "resize:%ux%u", &w, &h) == 2) {
		XResizeWindow(dpy, win, w, h);
	} else if (strncmp(action, "key:", 4) == 0) {
		KeyCode codes[8];
		int n = 0;
		char buf[256], *save = NULL;
		snprintf(buf, sizeof buf, "%s", action + 4);
		for (char *k = strtok_r(buf, "+", &save); k && n < 8; k = strtok_r(NULL, "+", &save)) {
			KeySym sym = XStringToKeysym(k);
			if (sym == NoSymbol || !(codes[n] = XKeysymToKeycode(dpy, sym)))
				die("%s: no key %s", action, k);
			XTestFakeKeyEvent(dpy, codes[n++], True, CurrentTime);
		}
		while (n > 0)
			XTestFakeKeyEvent(dpy, codes[--n], False, CurrentTime);
	} else {
		die("unknown action %s (key:KEYSYM[+KEYSYM...] or resize:WxH)", action);
	}
	XSync(dpy, False);
}

int main(int argc, char **argv)
{
	const char *actions[16], *prefix = NULL;
	int nact = 0, opt, ev, err, major, minor;
	while ((opt = getopt(argc, argv, "n:i:q:t:c:o:r:a:v")) != -1) {
		switch (opt) {
		case 'n': name = optarg; break;
		case 'i': interval = atof(optarg); break;
		case 'q': quiet = atof(optarg); break;
		case 't': timeout = atof(optarg); break;
		case 'c': permille = atof(optarg); break;
		case 'o': prefix = optarg; break;
		case 'v': verbose = 1; break;
		case 'r':
			if (sscanf(optarg, "%d,%d,%d,%d", &inset[0], &inset[1], &inset[2], &inset[3]) != 4)
				die("-r wants LEFT,TOP,RIGHT,BOTTOM insets in pixels, not %s", optarg);
			has_region = 1;
			break;
		case 'a':
			if (nact == 16)
				die("at most 16 actions");
			actions[nact++] = optarg;
			break;
		default: die("usage: paintwait [-n NAME] [-i MS] [-q MS] [-t MS] [-c PERMILLE] [-o PREFIX] [-r L,T,R,B] [-v] [-a ACTION]... -- COMMAND [ARG...]");
		}
	}
	if (optind >= argc)
		die("no COMMAND to start");
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	XSetIOErrorHandler(on_io_error);
	if (!(dpy = XOpenDisplay(NULL)))
		die("cannot open display %s", getenv("DISPLAY") ? getenv("DISPLAY") : "(DISPLAY unset)");
	if (!XShmQueryExtension(dpy) || !XTestQueryExtension(dpy, &ev, &err, &major, &minor) ||
	    !XDamageQueryExtension(dpy, &damage_event, &err))
		die("the X server lacks MIT-SHM, XTEST or DAMAGE");
	Screen *s = DefaultScreenOfDisplay(dpy);
	struct grab g[2];
	grab_init(&g[0], s);
	grab_init(&g[1], s);
	damage = XDamageCreate(dpy, RootWindowOfScreen(s), XDamageReportNonEmpty);
	XWarpPointer(dpy, None, RootWindowOfScreen(s), 0, 0, 0, 0, WidthOfScreen(s) - 1, HeightOfScreen(s) - 1);
	XSync(dpy, False);

	double t0 = now_ms();
	if ((child = fork()) == 0) {
		dup2(2, 1); /* stdout carries only the figures */
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "paintwait: cannot run %s\n", argv[optind]);
		_exit(127);
	}
	if (child < 0)
		die("cannot fork");
	Window win = 0;
	for (int stage = 0; stage <= nact; stage++) {
		const char *what = stage ? actions[stage - 1] : "open";
		if (stage) {
			t0 = now_ms();
			act(win, what);
		}
		double rlast, ms = settle(g, t0, &win, what, &rlast);
		if (has_region)
			printf("%s %.1f %.1f\n", what, ms, rlast - t0);
		else
			printf("%s %.1f\n", what, ms);
		fflush(stdout);
		if (prefix)
			write_ppm(g[newest].img, prefix, stage);
	}
	stop();
	return 0;
}
