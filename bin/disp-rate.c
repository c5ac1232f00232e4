/*
 * disp-rate - counts per group -> rates, relative rates against a reference
 * group, confidence intervals and p-values.
 *
 * The whole table is read first (one row per group, so memory follows the
 * number of groups), because the default reference group, the one with the
 * largest total, is known only at the end.
 */
#include "cli.h"
#include "csvio.h"
#include "dsp.h"
#include "methods.h"
#include "ratio.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct group {
	char *name;
	int64_t events, total;
	long line;
};

struct opts {
	const char *gcol, *ecol, *ncol, *ref;
	double level, per;
	int digits, pretty;
	char delim;
	const dsp_method *ci, *ratio, *test;
};

struct table {
	const struct opts *o;
	const char *gname;        /* the group column's header */
	size_t gi, ei, ni;        /* column indexes */
	struct group *g;
	size_t n, cap;
};

static void usage(FILE *fp)
{
	fprintf(fp,
"Usage: disp-rate [OPTION]... [FILE]...\n"
"Rates, relative rates against a reference group, intervals and p-values\n"
"from a table of counts by group (CSV with a header; stdin when no FILE).\n"
"\n"
"  -g, --group COL     group column (default: the first column)\n"
"  -e, --events COL    events column (default: events)\n"
"  -n, --total COL     total column (default: total)\n"
"  -r, --ref GROUP     reference group (default: the largest total)\n"
"  -l, --level L       confidence level in (0,1) (default: 0.95)\n"
"      --ci M          rate interval (default: %s)\n"
"      --ratio M       relative-rate interval (default: %s)\n"
"      --test M        test against the reference (default: %s)\n"
"      --per K         scale rate, rate_lo, rate_hi by K (e.g. 1000)\n"
"      --digits N      significant digits, 1-17 (default: 6)\n"
"      --pretty        aligned table for reading, not CSV\n"
"  -t, --tsv           TAB-separated input and output\n"
"      --help          this help\n"
"      --version       version\n",
		dsp_ci_methods[0].name, dsp_ratio_methods[0].name,
		dsp_test_methods[0].name);
	const struct { const char *opt; const dsp_method *t; } kinds[] = {
		{"--ci", dsp_ci_methods}, {"--ratio", dsp_ratio_methods},
		{"--test", dsp_test_methods}};
	for (size_t k = 0; k < 3; k++) {
		fprintf(fp, "\nMethods for %s:\n", kinds[k].opt);
		for (const dsp_method *m = kinds[k].t; m->name; m++)
			fprintf(fp, "  %-13s  %s\n", m->name, m->help);
	}
	fprintf(fp, "\nSee disp-rate(1) for the output columns, zero cells and "
		    "citations.\n");
}

static const dsp_method *method(const dsp_method *t, const char *opt,
				const char *name)
{
	const dsp_method *m = dsp_method_find(t, name);
	if (!m)
		cli_usage_error("unknown method for %s: '%s'", opt, name);
	return m;
}

static int on_header(void *ctx, const csv_row *h)
{
	struct table *t = ctx;
	if (h->nf == 0)
		cli_die_data(h->file, 1, NULL, "no header row (empty input)", NULL);
	t->gi = t->o->gcol ? csv_column(h, t->o->gcol) : 0;
	t->ei = csv_column(h, t->o->ecol);
	t->ni = csv_column(h, t->o->ncol);
	t->gname = strdup(h->f[t->gi]);
	return 0;
}

static int64_t count(const csv_row *r, size_t i, const char *col)
{
	int64_t v;
	int rc = cli_parse_count(r->f[i], &v);
	if (rc == 0 && v > (INT64_C(1) << 53))  /* DSP_COUNT_MAX */
		rc = -2;
	if (rc)
		cli_die_data(r->file, r->line, col, rc == -2 ?
			     "count too large (the limit is 2^53)" :
			     "not a non-negative integer", r->f[i]);
	return v;
}

static int on_row(void *ctx, const csv_row *r)
{
	struct table *t = ctx;
	struct group g = {NULL, count(r, t->ei, t->o->ecol),
			  count(r, t->ni, t->o->ncol), r->line};
	if (g.events > g.total)
		cli_die_data(r->file, r->line, t->o->ecol,
			     "events exceed total", r->f[t->ei]);
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->g[i].name, r->f[t->gi]) == 0) {
			char msg[96];
			snprintf(msg, sizeof msg, "group appears twice (first on "
				 "line %ld; sum the rows with disp-count --merge)",
				 t->g[i].line);
			cli_die_data(r->file, r->line, t->gname, msg, r->f[t->gi]);
		}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->g = realloc(t->g, t->cap * sizeof *t->g);
		if (!t->g)
			cli_die(EX_DATA, "out of memory");
	}
	g.name = strdup(r->f[t->gi]);
	t->g[t->n++] = g;
	return 0;
}

/* Index of the reference group: -r, or the largest total (first on ties). */
static size_t reference(const struct table *t)
{
	size_t best = 0;
	if (!t->o->ref) {
		for (size_t i = 1; i < t->n; i++)
			if (t->g[i].total > t->g[best].total)
				best = i;
		return best;
	}
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->g[i].name, t->o->ref) == 0)
			return i;
	fprintf(stderr, "%s: reference group '%s' not found (groups: ",
		cli_prog, t->o->ref);
	for (size_t i = 0; i < t->n; i++)
		fprintf(stderr, "%s%s", i ? ", " : "", t->g[i].name);
	fputs(")\n", stderr);
	exit(EX_DATA);
}

#define NCOL 11

/* Formats one output row as strings; the caller frees nothing (static). */
static void format_row(const struct table *t, size_t i, size_t ref,
		       char out[NCOL][CLI_NUM_MAX])
{
	const struct opts *o = t->o;
	const struct group *g = &t->g[i], *r = &t->g[ref];
	double x = (double)g->events, n = (double)g->total;
	double lo = NAN, hi = NAN, rr = NAN, rlo = NAN, rhi = NAN, p = NAN;
	if (n > 0 && o->ci->fn.ci(x, n, o->level, &lo, &hi) == DSP_ENOCONV)
		fprintf(stderr, "%s: warning: %s interval did not converge for "
			"group '%s'\n", cli_prog, o->ci->name, g->name);
	double x2 = (double)r->events, n2 = (double)r->total;
	if (i != ref && n > 0 && n2 > 0) {
		rr = dsp_rr(x, n, x2, n2);
		if (o->ratio->fn.ratio(x, n, x2, n2, o->level, &rlo, &rhi) == DSP_ENOCONV)
			fprintf(stderr, "%s: warning: %s interval did not converge "
				"for group '%s'\n", cli_prog, o->ratio->name, g->name);
		p = o->test->fn.test(x, n, x2, n2);
	}
	snprintf(out[1], CLI_NUM_MAX, "%lld", (long long)g->events);
	snprintf(out[2], CLI_NUM_MAX, "%lld", (long long)g->total);
	cli_fmt_num(out[3], n > 0 ? x / n * o->per : NAN, o->digits);
	cli_fmt_num(out[4], lo * o->per, o->digits);
	cli_fmt_num(out[5], hi * o->per, o->digits);
	if (i == ref) {
		strcpy(out[7], "1");
		out[8][0] = out[9][0] = out[10][0] = '\0';
		return;
	}
	cli_fmt_num(out[7], rr, o->digits);
	cli_fmt_num(out[8], rlo, o->digits);
	cli_fmt_num(out[9], rhi, o->digits);
	cli_fmt_num(out[10], p, o->digits);
}

static const char *const HEAD[NCOL] = {NULL, "events", "total", "rate",
	"rate_lo", "rate_hi", "ref", "rr", "rr_lo", "rr_hi", "p"};

static void write_csv(const struct table *t, size_t ref)
{
	csv_writer w;
	char cell[NCOL][CLI_NUM_MAX];
	csv_writer_init(&w, stdout, t->o->delim);
	csv_put_str(&w, t->gname);
	for (size_t c = 1; c < NCOL; c++)
		csv_put_str(&w, HEAD[c]);
	csv_end_row(&w);
	for (size_t i = 0; i < t->n; i++) {
		format_row(t, i, ref, cell);
		csv_put_str(&w, t->g[i].name);
		for (size_t c = 1; c < NCOL; c++)
			csv_put_str(&w, c == 6 ? t->g[ref].name : cell[c]);
		csv_end_row(&w);
	}
}

/* An aligned table for terminals: text left, numbers right. */
static void write_pretty(const struct table *t, size_t ref)
{
	char (*cell)[NCOL][CLI_NUM_MAX] = malloc((t->n + 1) * sizeof *cell);
	int width[NCOL];
	if (!cell)
		cli_die(EX_DATA, "out of memory");
	for (size_t i = 0; i < t->n; i++)
		format_row(t, i, ref, cell[i]);
	for (size_t c = 0; c < NCOL; c++) {
		width[c] = (int)strlen(c == 0 ? t->gname : HEAD[c]);
		for (size_t i = 0; i < t->n; i++) {
			const char *s = c == 0 ? t->g[i].name : c == 6 ?
				t->g[ref].name : cell[i][c];
			if ((int)strlen(s) > width[c])
				width[c] = (int)strlen(s);
		}
	}
	for (size_t i = 0; i <= t->n; i++) {
		/* The reference row's last cells are empty: stop before them
		 * so that no line ends in spaces. */
		size_t last = i > 0 && i - 1 == ref ? 7 : NCOL - 1;
		for (size_t c = 0; c <= last; c++) {
			const char *s = i == 0 ? (c == 0 ? t->gname : HEAD[c]) :
				c == 0 ? t->g[i - 1].name : c == 6 ?
				t->g[ref].name : cell[i - 1][c];
			int left = (c == 0 || c == 6) && c != last;
			printf(c ? "  %*s" : "%*s", left ? -width[c] : width[c], s);
		}
		putchar('\n');
	}
	free(cell);
}

int main(int argc, char **argv)
{
	enum { O_CI = 256, O_RATIO, O_TEST, O_PER, O_DIGITS, O_PRETTY, O_HELP,
	       O_VERSION };
	static const struct option lopts[] = {
		{"group", required_argument, NULL, 'g'},
		{"events", required_argument, NULL, 'e'},
		{"total", required_argument, NULL, 'n'},
		{"ref", required_argument, NULL, 'r'},
		{"level", required_argument, NULL, 'l'},
		{"tsv", no_argument, NULL, 't'},
		{"ci", required_argument, NULL, O_CI},
		{"ratio", required_argument, NULL, O_RATIO},
		{"test", required_argument, NULL, O_TEST},
		{"per", required_argument, NULL, O_PER},
		{"digits", required_argument, NULL, O_DIGITS},
		{"pretty", no_argument, NULL, O_PRETTY},
		{"help", no_argument, NULL, O_HELP},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0}};
	struct opts o = {NULL, "events", "total", NULL, 0.95, 1, 6, 0, ',',
			 dsp_ci_methods, dsp_ratio_methods, dsp_test_methods};
	int c;
	cli_init("disp-rate");
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":g:e:n:r:l:t", lopts, NULL)) != -1) {
		switch (c) {
		case 'g': o.gcol = optarg; break;
		case 'e': o.ecol = optarg; break;
		case 'n': o.ncol = optarg; break;
		case 'r': o.ref = optarg; break;
		case 't': o.delim = '\t'; break;
		case 'l':
			if (cli_parse_double(optarg, &o.level) || !(o.level > 0 && o.level < 1))
				cli_usage_error("level must be a number in (0,1): '%s'", optarg);
			break;
		case O_CI: o.ci = method(dsp_ci_methods, "--ci", optarg); break;
		case O_RATIO: o.ratio = method(dsp_ratio_methods, "--ratio", optarg); break;
		case O_TEST: o.test = method(dsp_test_methods, "--test", optarg); break;
		case O_PER:
			if (cli_parse_double(optarg, &o.per) || !(o.per > 0))
				cli_usage_error("--per must be a positive number: '%s'", optarg);
			break;
		case O_DIGITS:
			if (cli_parse_int(optarg, 1, 17, &o.digits))
				cli_usage_error("--digits must be an integer from 1 to 17: '%s'", optarg);
			break;
		case O_PRETTY: o.pretty = 1; break;
		case O_HELP: usage(stdout); cli_close_stdout(); return 0;
		case O_VERSION: cli_version();
		case ':': cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
		default: cli_usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	struct table t = {&o, NULL, 0, 0, 0, NULL, 0, 0};
	csv_read(argv + optind, argc - optind, o.delim, on_header, on_row, &t);
	if (t.n > 0) {
		size_t ref = reference(&t);
		if (o.pretty)
			write_pretty(&t, ref);
		else
			write_csv(&t, ref);
	} else if (o.pretty) {
		printf("%s", t.gname);
		for (size_t k = 1; k < NCOL; k++)
			printf("  %s", HEAD[k]);
		putchar('\n');
	} else {
		csv_writer w;
		csv_writer_init(&w, stdout, o.delim);
		csv_put_str(&w, t.gname);
		for (size_t k = 1; k < NCOL; k++)
			csv_put_str(&w, HEAD[k]);
		csv_end_row(&w);
	}
	for (size_t i = 0; i < t.n; i++)
		free(t.g[i].name);
	free(t.g);
	free((char *)t.gname);
	cli_close_stdout();
	return 0;
}
