/*
 * gnuplot.c - script pieces and running gnuplot (see gnuplot.h).
 */
#include "gnuplot.h"
#include "err.h"
#include "text.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const char *const gp_palette[8] = {"#0072B2", "#D55E00", "#009E73", "#E69F00",
	"#CC79A7", "#56B4E9", "#F0E442", "#000000"};

int gp_format_named(const char *name)
{
	return strcmp(name, "png") == 0 ? GP_PNG : strcmp(name, "svg") == 0 ? GP_SVG :
	       strcmp(name, "pdf") == 0 ? GP_PDF : -1;
}

int gp_format_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot ? gp_format_named(dot + 1) : -1;
}

void gp_terminal(FILE *fp, gp_format f, int w, int h, const char *path)
{
	const char *font = "font \"DejaVu Sans,11\"";
	if (f == GP_PNG)
		fprintf(fp, "set terminal pngcairo size %d,%d %s noenhanced\n", w, h, font);
	else if (f == GP_SVG)
		fprintf(fp, "set terminal svg size %d,%d %s noenhanced\n", w, h, font);
	else
		fprintf(fp, "set terminal pdfcairo size %.2fin,%.2fin %s noenhanced\n",
			w / 96.0, h / 96.0, font);
	if (path) {
		fputs("set output ", fp);
		gp_string(fp, path);
		putc('\n', fp);
	}
}

/* The inside of a string literal for s[0..n). */
static void literal(FILE *fp, const char *s, size_t n)
{
	char *e = xmalloc(4 * n + 1);
	text_escape(e, s, n);
	for (const char *p = e; *p; p++) {
		if (*p == '"' || *p == '\\')
			putc('\\', fp);
		putc(*p, fp);
	}
	free(e);
}

void gp_string(FILE *fp, const char *s)
{
	putc('"', fp);
	literal(fp, s, strlen(s));
	putc('"', fp);
}

int gp_string_wrapped(FILE *fp, const char *s, size_t width)
{
	size_t n = strlen(s), start = 0;
	int lines = 1;
	putc('"', fp);
	while (n - start > width) {
		/* The last space within the width, else the first after it. */
		size_t cut = start + width;
		while (cut > start && s[cut] != ' ')
			cut--;
		if (cut == start) {
			const char *sp = strchr(s + start + width, ' ');
			if (!sp)
				break;
			cut = (size_t)(sp - s);
		}
		literal(fp, s + start, cut - start);
		fputs("\\n", fp);
		start = cut + 1;
		lines++;
	}
	literal(fp, s + start, n - start);
	putc('"', fp);
	return lines;
}

void gp_run(const char *script, size_t len)
{
	int fd[2];
	if (pipe(fd) != 0)
		err_die(EX_IOERR_, "cannot run gnuplot: %s", strerror(errno));
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		err_die(EX_IOERR_, "cannot run gnuplot: %s", strerror(errno));
	if (pid == 0) {
		/* The image goes to the file the script names; should gnuplot
		 * fail to open it, it must not write the image to our stdout. */
		int null = open("/dev/null", O_WRONLY);
		dup2(fd[0], 0);
		if (null >= 0)
			dup2(null, 1);
		close(fd[0]);
		close(fd[1]);
		execlp("gnuplot", "gnuplot", (char *)NULL);
		_exit(errno == ENOENT ? 127 : 126);
	}
	close(fd[0]);
	/* A gnuplot that dies early must not kill us with SIGPIPE. */
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	for (size_t off = 0; off < len;) {
		ssize_t k = write(fd[1], script + off, len - off);
		if (k <= 0)
			break;
		off += (size_t)k;
	}
	close(fd[1]);
	signal(SIGPIPE, old);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		err_die(EX_NOPROG, "gnuplot is not installed (Debian: apt-get install "
			"gnuplot-nox); without -o the script is written to stdout");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		err_die(EX_PROGFAIL, "gnuplot failed (its message is above)");
}

/* A number for a label: three significant digits, trailing zeros kept
 * ("1.40"), inf and nan spelled so. */
const char *gp_short_num(char *buf, double x)
{
	if (isnan(x))
		return strcpy(buf, "nan");
	if (isinf(x))
		return strcpy(buf, x > 0 ? "inf" : "-inf");
	if (x == 0)
		return strcpy(buf, "0");
	snprintf(buf, 32, fabs(x) >= 1e5 || fabs(x) < 1e-3 ? "%.2e" : "%#.3g", x);
	size_t n = strlen(buf);
	if (n && buf[n - 1] == '.')
		buf[n - 1] = '\0';
	return buf;
}

/* Ticks for a log axis from a to b: the coarsest of a few ladders of
 * mantissas that gives at least four. */
void gp_log_tics(FILE *fp, const char *axis, double a, double b)
{
	static const double L1[] = {1, 2, 5}, L2[] = {1, 1.5, 2, 3, 5, 7},
		L3[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8},
		L4[] = {1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.2, 2.4, 2.6,
			2.8, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9};
	const double *lad[] = {L1, L2, L3, L4};
	const size_t len[] = {3, 6, 10, 24};
	if (!(a > 0 && a <= b && b <= DBL_MAX))
		return;   /* gnuplot's own */
	int e0 = (int)floor(log10(a)), e1 = (int)ceil(log10(b));
	if (e1 - e0 > 12) {
		/* Many decades (a table's extreme ratios): a power of ten every
		 * few, some eight in all. */
		int step = (e1 - e0 + 7) / 8;
		fprintf(fp, "set %stics (", axis);
		for (int e = e0 + 1, first = 1; e < e1; e += step, first = 0)
			fprintf(fp, "%s\"1e%d\" 1e%d", first ? "" : ", ", e, e);
		fputs(") nomirror\n", fp);
		return;
	}
	for (size_t l = 0; l < 4; l++) {
		int count = 0;
		for (int e = e0 - 1; e <= e1; e++)
			for (size_t i = 0; i < len[l]; i++) {
				double t = lad[l][i] * pow(10, e);
				count += t >= a && t <= b;
			}
		if (count < 4 && l < 3)
			continue;
		fprintf(fp, "set %stics (", axis);
		int first = 1;
		for (int e = e0 - 1; e <= e1; e++)
			for (size_t i = 0; i < len[l]; i++) {
				double t = lad[l][i] * pow(10, e);
				if (t >= a && t <= b) {
					fprintf(fp, "%s\"%.6g\" %.15g", first ? "" : ", ", t, t);
					first = 0;
				}
			}
		fputs(") nomirror\n", fp);
		return;
	}
}
