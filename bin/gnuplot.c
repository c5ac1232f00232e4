/*
 * gnuplot.c - script pieces and running gnuplot (see gnuplot.h).
 */
#include "gnuplot.h"
#include "err.h"
#include "text.h"

#include <errno.h>
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
