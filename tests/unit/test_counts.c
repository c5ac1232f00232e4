/*
 * test_counts.c - the counts layer's several count columns per group
 * (counts_table.ncount): reading them, summing repeated keys with merge,
 * nesting (within) and its message, the default reference by the first
 * column, several files, and that a table of events and totals reads as
 * before beside it.
 */
#include "tap.h"
#include "counts.h"
#include "err.h"

#include <sys/wait.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes text to a temporary file whose name is returned (static). */
#define NPATH 16
static char path[NPATH][64];
static int npath;
static char *file_of(const char *text)
{
	if (npath == NPATH)
		abort();
	char *p = path[npath++];
	strcpy(p, "/tmp/disp-test-counts.XXXXXX");
	int fd = mkstemp(p);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		abort();
	close(fd);
	return p;
}

/* Reads files into t.  A read that should fail runs in a child process,
 * its stderr in a temporary file: it exits as the filters do (and its
 * state stays reachable, as theirs does); the parent gets the exit code
 * (-1: none) and the message in msg. */
static char msg[1024];
static int read_into(counts_table *t, char **files, int n)
{
	fflush(stdout);
	fflush(stderr);
	FILE *tmp = tmpfile();
	pid_t pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0) {
		dup2(fileno(tmp), 2);
		counts_read(t, files, n, ',');
		_exit(100);   /* read without an error */
	}
	int status;
	waitpid(pid, &status, 0);
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	if (code == 100) {   /* then read it here, to look at */
		counts_read(t, files, n, ',');
		code = -1;
	}
	rewind(tmp);
	size_t len = fread(msg, 1, sizeof msg - 1, tmp);
	while (len && msg[len - 1] == '\n')
		len--;   /* one line of TAP */
	msg[len] = '\0';
	fclose(tmp);
	return code;
}

static const char *stages[] = {"a", "b", "c"};
static const long chain[] = {-1, 0, 1};
static const long branch[] = {-1, 0, 0};   /* c comes from a, not b */

static void columns(void)
{
	char *f[] = {file_of("g,c,b,a,x\nX,1,2,10,junk\nY,0,5,20,\nZ,3,3,3,z\n")};
	counts_table t = {.nkey = 1, .ncount = 3, .countcols = stages, .within = chain};
	int rc = read_into(&t, f, 1);
	tap_ok(rc == -1 && t.n == 3, "three groups read (%d: %s)", rc, msg);
	tap_ok(t.g[0].count[0] == 10 && t.g[0].count[1] == 2 && t.g[0].count[2] == 1 &&
	       t.g[2].count[0] == 3 && t.g[2].count[2] == 3,
	       "counts by column name, in the order asked for, not the file's");
	tap_ok(counts_ref(&t, NULL) == 1, "the default reference has the largest first count");
	tap_ok(counts_ref(&t, "Z") == 2, "a reference by name");
	counts_free(&t);
}

static void merged(void)
{
	char *f[] = {file_of("g,a,b,c\nX,10,4,1\nY,3,3,0\n"),
		     file_of("g,a,b,c\nX,5,5,5\n")};
	counts_table t = {.nkey = 1, .ncount = 3, .countcols = stages, .within = chain,
			  .merge = 1};
	int rc = read_into(&t, f, 2);
	tap_ok(rc == -1 && t.n == 2 && t.g[0].count[0] == 15 && t.g[0].count[1] == 9 &&
	       t.g[0].count[2] == 6, "merge sums each column over files (%d: %s)", rc, msg);
	counts_free(&t);

	counts_table u = {.nkey = 1, .ncount = 3, .countcols = stages};
	rc = read_into(&u, f, 2);
	tap_ok(rc == EX_DATA && strstr(msg, ": group appears twice (first in ") &&
	       strstr(msg, "sum the rows with disp-count --merge -f): 'X'"),
	       "without merge a repeated key is an error that names the merge (%s)", msg);
	counts_free(&u);
}

static void nesting(void)
{
	char *f[] = {file_of("g,a,b,c\nok,10,4,4\nbad,10,4,5\n")};
	counts_table t = {.nkey = 1, .ncount = 3, .countcols = stages, .within = chain};
	int rc = read_into(&t, f, 1);
	char want[512];
	snprintf(want, sizeof want, "%s:3: column 'c': group 'bad' has 5 here, more than "
		 "the 4 at 'b', the stage it comes from (stages are nested): '5'", f[0]);
	tap_ok(rc == EX_DATA && strstr(msg, want), "a count above its base: exit 65 naming "
	       "line, column, group, both counts and the base (%s)", msg);
	counts_free(&t);

	counts_table u = {.nkey = 1, .ncount = 3, .countcols = stages, .within = branch};
	rc = read_into(&u, f, 1);
	tap_ok(rc == -1 && u.n == 2, "with c within a, c above b is no error (%s)", msg);
	counts_free(&u);

	counts_table v = {.nkey = 1, .ncount = 3, .countcols = stages};
	rc = read_into(&v, f, 1);
	tap_ok(rc == -1 && v.n == 2, "without within nothing is nested (%s)", msg);
	counts_free(&v);

	char *g[] = {file_of("k1,k2,a,b,c\nx\ty,z,1,2,0\n")};
	const char *keys[] = {"k1", "k2"};
	counts_table w = {.nkey = 2, .keycols = keys, .ncount = 3, .countcols = stages,
			  .within = chain};
	rc = read_into(&w, g, 1);
	tap_ok(rc == EX_DATA && strstr(msg, "group 'x\\ty, z' has 2 here"),
	       "a key of two columns is named by both, escaped (%s)", msg);
	counts_free(&w);
}

static void limits(void)
{
	char *f[] = {file_of("g,a,b,c\nX,9007199254740993,1,0\n")};
	counts_table t = {.nkey = 1, .ncount = 3, .countcols = stages};
	int rc = read_into(&t, f, 1);
	tap_ok(rc == EX_DATA && strstr(msg, "column 'a': count too large (the limit is 2^53)"),
	       "a count past 2^53 (%s)", msg);
	counts_free(&t);

	char *g[] = {file_of("g,a,b\nX,1,0\n")};
	counts_table u = {.nkey = 1, .ncount = 3, .countcols = stages};
	rc = read_into(&u, g, 1);
	tap_ok(rc == EX_DATA && strstr(msg, "unknown column 'c'"), "a missing column (%s)", msg);
	counts_free(&u);
}

static void events_as_before(void)
{
	char *f[] = {file_of("g,events,total\nX,1,4\nY,2,8\n")};
	counts_table t = {.nkey = 1, .events = "events", .total = "total"};
	int rc = read_into(&t, f, 1);
	tap_ok(rc == -1 && t.n == 2 && t.g[1].events == 2 && t.g[1].total == 8 &&
	       t.g[1].count == NULL && counts_ref(&t, NULL) == 1,
	       "events and totals read as before, with no count columns (%s)", msg);
	counts_free(&t);
}

int main(void)
{
	err_init("test-counts");
	columns();
	merged();
	nesting();
	limits();
	events_as_before();
	for (int i = 0; i < npath; i++)
		unlink(path[i]);
	return tap_done();
}
