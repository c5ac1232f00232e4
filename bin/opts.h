/*
 * opts.h - command-line parsing shared by every filter.
 *
 * A filter lists its own options as data; the kit adds the common ones it
 * asks for (spelled the same in every filter), parses argv with
 * getopt_long, handles the common ones itself, and writes --help from the
 * same lists, so usage text and parsing cannot drift apart.
 */
#ifndef DISP_OPTS_H
#define DISP_OPTS_H

#include <stdio.h>

typedef struct {
	const char *name;  /* long name, without "--" */
	int key;           /* the short letter, or a code >= 256 for none */
	const char *arg;   /* the argument's name in --help; NULL: none */
	const char *help;  /* "\n" starts a continuation line */
} opt_def;

/* The three column options of a filter that reads a counts table by group
 * (-g, -e, -n), the same words in every --help. */
#define OPT_COUNT_COLUMNS \
	{"group", 'g', "COL", "group column (default: the first column)"}, \
	{"events", 'e', "COL", "events column (default: events)"}, \
	{"total", 'n', "COL", "total column (default: total)"}

/* The common options a filter may take. */
enum {
	OPT_DELIM = 1,     /* -t, --tsv and -d, --delimiter CHAR */
	OPT_DIGITS = 2,    /* --digits N */
	OPT_LEVEL = 4,     /* -l, --level L */
	OPT_PRETTY = 8     /* --pretty */
};

/* Their values after parsing (defaults: ',', 6, 0.95, 0). */
typedef struct {
	char delim;
	int digits;
	double level;
	int pretty;
} opt_common;

typedef struct {
	const char *synopsis;      /* "[OPTION]... [FILE]..." */
	const char *about;         /* the lines after the usage line */
	const opt_def *opts;       /* the filter's own, ending with {NULL} */
	unsigned common;           /* OPT_* */
	void (*more_help)(FILE *); /* after the options (may be NULL) */
} opt_spec;

/*
 * Parses argv: common options into *c, each of the filter's own through
 * on_opt(ctx, key, arg) (arg NULL for an option without one).  --help and
 * --version print and exit 0; an unknown option or a missing argument is a
 * usage error.  Returns the index of the first operand.
 */
int opt_parse(int argc, char **argv, const opt_spec *spec, opt_common *c,
	      void (*on_opt)(void *ctx, int key, char *arg), void *ctx);

/* Flushes and closes stdout; a failure is "write error" and exit 74, without
 * the message when the reader has gone (EPIPE, SIGPIPE ignored). */
void opt_close_stdout(void);

#endif
