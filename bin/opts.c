/*
 * opts.c - shared option parsing and --help (see opts.h).
 */
#include "opts.h"
#include "err.h"
#include "num.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#ifndef DISP_VERSION
#define DISP_VERSION "unknown"
#endif

enum { K_DIGITS = 1000, K_PRETTY, K_HELP, K_VERSION };

static const opt_def COMMON[] = {
	{"tsv", 't', NULL, "TAB-separated input and output"},
	{"delimiter", 'd', "CHAR", "CHAR-separated input and output (one byte, e.g. ';')"},
	{"level", 'l', "L", "confidence level in (0,1) (default: 0.95)"},
	{"digits", K_DIGITS, "N", "significant digits, 1-17 (default: 6)"},
	{"pretty", K_PRETTY, NULL, "aligned table for reading, not CSV"},
	{"help", K_HELP, NULL, "this help"},
	{"version", K_VERSION, NULL, "version"},
};
#define NCOMMON (sizeof COMMON / sizeof *COMMON)

static int wanted(const opt_def *d, unsigned common)
{
	switch (d->key) {
	case 't': case 'd': return common & OPT_DELIM;
	case 'l': return common & OPT_LEVEL;
	case K_DIGITS: return common & OPT_DIGITS;
	case K_PRETTY: return common & OPT_PRETTY;
	default: return 1;
	}
}

/* One option's line(s) in --help. */
static void help_line(FILE *fp, const opt_def *d)
{
	char left[64];
	int n = d->key < 256 ? snprintf(left, sizeof left, "  -%c, --%s", d->key, d->name)
			     : snprintf(left, sizeof left, "      --%s", d->name);
	if (d->arg)
		snprintf(left + n, sizeof left - (size_t)n, " %s", d->arg);
	fprintf(fp, "%-22s", left);
	if (strlen(left) >= 22)
		fprintf(fp, "\n%22s", "");
	for (const char *h = d->help; *h; h++) {
		putc(*h, fp);
		if (*h == '\n')
			fprintf(fp, "%22s", "");
	}
	putc('\n', fp);
}

static void help(const opt_spec *s)
{
	printf("Usage: %s %s\n%s\n", err_prog, s->synopsis, s->about);
	for (const opt_def *d = s->opts; d->name; d++)
		help_line(stdout, d);
	for (size_t i = 0; i < NCOMMON; i++)
		if (wanted(&COMMON[i], s->common))
			help_line(stdout, &COMMON[i]);
	if (s->more_help)
		s->more_help(stdout);
	printf("\nSee %s(1) for the details.\n", err_prog);
	opt_close_stdout();
	err_exit(0);
}

static void add(struct option *lo, char *so, const opt_def *d)
{
	*lo = (struct option){d->name, d->arg ? required_argument : no_argument,
			      NULL, d->key};
	if (d->key < 256) {
		size_t n = strlen(so);
		so[n++] = (char)d->key;
		if (d->arg)
			so[n++] = ':';
		so[n] = '\0';
	}
}

static char delimiter(const char *arg)
{
	if (strlen(arg) != 1 || strchr("\"\r\n", *arg))
		err_usage("the delimiter must be one byte other than a quote, CR "
			  "or LF: '%s'", err_show(arg));
	return *arg;
}

int opt_parse(int argc, char **argv, const opt_spec *s, opt_common *c,
	      void (*on_opt)(void *ctx, int key, char *arg), void *ctx)
{
	/* Static: an exit from inside the loop (--help, a usage error)
	 * leaves nothing allocated behind. */
	enum { MAXOPT = 64 };
	static struct option lo[MAXOPT + 1];
	static char so[3 * MAXOPT + 2];
	size_t n = 0, k = 0;
	while (s->opts[n].name)
		n++;
	if (n + NCOMMON > MAXOPT)
		abort();   /* a filter with more options than the kit allows */
	strcpy(so, ":");   /* report a missing argument as ':' */
	for (size_t i = 0; i < n; i++)
		add(&lo[k++], so, &s->opts[i]);
	for (size_t i = 0; i < NCOMMON; i++)
		if (wanted(&COMMON[i], s->common))
			add(&lo[k++], so, &COMMON[i]);
	lo[k] = (struct option){NULL, 0, NULL, 0};
	*c = (opt_common){',', 6, 0.95, 0};
	opterr = 0;
	int o;
	while ((o = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (o) {
		case 't': c->delim = '\t'; break;
		case 'd': c->delim = delimiter(optarg); break;
		case 'l':
			if (num_parse_double(optarg, &c->level) ||
			    !(c->level > 0 && c->level < 1))
				err_usage("level must be a number in (0,1): '%s'",
					  err_show(optarg));
			break;
		case K_DIGITS:
			if (num_parse_int(optarg, 1, 17, &c->digits))
				err_usage("--digits must be an integer from 1 to 17: '%s'",
					  err_show(optarg));
			break;
		case K_PRETTY: c->pretty = 1; break;
		case K_HELP: help(s); break;
		case K_VERSION:
			printf("%s (disparity) %s\n", err_prog, DISP_VERSION);
			opt_close_stdout();
			err_exit(0);
		case ':':
			err_usage("option '%s' needs an argument", err_show(argv[optind - 1]));
		case '?':
			err_usage("unknown option '%s'", err_show(argv[optind - 1]));
		default:
			on_opt(ctx, o, optarg);
		}
	}
	return optind;
}

void opt_close_stdout(void)
{
	/* fflush then fclose: either can be where a full disk shows up. */
	int bad = ferror(stdout) | (fflush(stdout) != 0);
	bad |= fclose(stdout) != 0;
	/* A reader that has gone (| head -1) is no error of ours to report:
	 * where SIGPIPE is ignored the end is as quiet as SIGPIPE's, exit 74. */
	if (bad && errno == EPIPE)
		err_exit(EX_IOERR_);
	if (bad)
		err_die(EX_IOERR_, "write error: %s", strerror(errno ? errno : EIO));
}
