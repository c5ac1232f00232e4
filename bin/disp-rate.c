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
#include "diff.h"
#include "odds.h"
#include "ratio.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct group {
	char *name;
	int64_t events, total;
	double exposure;          /* with -x */
	char *exposure_text;      /* as read, echoed to the output */
	long line;
};

struct opts {
	const char *gcol, *ecol, *ncol, *xcol, *ref;
	double level, per;
	int digits, pretty;
	char delim;
	/* Method names as given; resolved once -x is known, since person-time
	 * rates have their own tables. */
	const char *ci_name, *ratio_name, *test_name, *diff_name, *odds_name;
	const dsp_method *ci, *ratio, *test, *diff, *odds;
	dsp_test_fn test_fn;      /* test, or the ratio's score companion */
};

struct table {
	const struct opts *o;
	const char *gname;        /* the group column's header */
	size_t gi, ei, ni;        /* column indexes (ni: total or exposure) */
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
"  -x, --exposure COL  person-time: events per unit of exposure COL (> 0)\n"
"                      instead of events of a total\n"
"  -r, --ref GROUP     reference group (default: the largest total)\n"
"  -l, --level L       confidence level in (0,1) (default: 0.95)\n"
"      --ci M          rate interval (default: %s; with -x: %s)\n"
"      --ratio M       relative-rate interval (default: %s; with -x: %s)\n"
"      --test M        test against the reference (default: %s; with -x: %s)\n"
"      --diff M        add rd, rd_lo, rd_hi: rate difference (not with -x)\n"
"      --odds M        add or, or_lo, or_hi: odds ratio (not with -x)\n"
"      --per K         scale rate, rate_lo, rate_hi by K (e.g. 1000)\n"
"      --digits N      significant digits, 1-17 (default: 6)\n"
"      --pretty        aligned table for reading, not CSV\n"
"  -t, --tsv           TAB-separated input and output\n"
"      --help          this help\n"
"      --version       version\n",
		dsp_ci_methods[0].name, dsp_pt_ci_methods[0].name,
		dsp_ratio_methods[0].name, dsp_pt_ratio_methods[0].name,
		dsp_test_methods[0].name, dsp_pt_test_methods[0].name);
	const struct { const char *opt; const dsp_method *t; } kinds[] = {
		{"--ci", dsp_ci_methods}, {"--ratio", dsp_ratio_methods},
		{"--test", dsp_test_methods}, {"--diff", dsp_diff_methods},
		{"--odds", dsp_odds_methods}, {"--ci with -x", dsp_pt_ci_methods},
		{"--ratio with -x", dsp_pt_ratio_methods},
		{"--test with -x", dsp_pt_test_methods}};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		fprintf(fp, "\nMethods for %s:\n", kinds[k].opt);
		for (const dsp_method *m = kinds[k].t; m->name; m++)
			fprintf(fp, "  %-13s  %s\n", m->name, m->help);
	}
	fprintf(fp, "\nSee disp-rate(1) for the output columns, zero cells and "
		    "citations.\n");
}

/* The method called name in t (the default, t's first row, when name is
 * NULL); an unknown name is a usage error. */
static const dsp_method *method(const dsp_method *t, const char *opt,
				const char *name)
{
	const dsp_method *m = name ? dsp_method_find(t, name) : t;
	if (!m || !m->name)
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
	t->ni = csv_column(h, t->o->xcol ? t->o->xcol : t->o->ncol);
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
	const struct opts *o = t->o;
	struct group g = {NULL, count(r, t->ei, o->ecol), 0, 0, NULL, r->line};
	if (o->xcol) {
		if (cli_parse_double(r->f[t->ni], &g.exposure) || !(g.exposure > 0))
			cli_die_data(r->file, r->line, o->xcol,
				     "exposure must be a positive number", r->f[t->ni]);
		g.exposure_text = strdup(r->f[t->ni]);
	} else {
		g.total = count(r, t->ni, o->ncol);
		if (g.events > g.total)
			cli_die_data(r->file, r->line, o->ecol,
				     "events exceed total", r->f[t->ei]);
	}
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

/* Index of the reference group: -r, or the largest total or exposure
 * (the first on ties). */
static size_t reference(const struct table *t)
{
	size_t best = 0;
	if (!t->o->ref) {
		for (size_t i = 1; i < t->n; i++)
			if (t->o->xcol ? t->g[i].exposure > t->g[best].exposure :
			    t->g[i].total > t->g[best].total)
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

/* The output columns; rd... and or... only with --diff and --odds. */
enum { C_GROUP, C_EVENTS, C_TOTAL, C_RATE, C_RATE_LO, C_RATE_HI, C_REF, C_RR,
       C_RR_LO, C_RR_HI, C_RD, C_RD_LO, C_RD_HI, C_OR, C_OR_LO, C_OR_HI, C_P,
       NCOL };

static const char *const HEAD[NCOL] = {NULL, "events", "total", "rate",
	"rate_lo", "rate_hi", "ref", "rr", "rr_lo", "rr_hi", "rd", "rd_lo",
	"rd_hi", "or", "or_lo", "or_hi", "p"};

static int shown(const struct table *t, int c)
{
	if (c >= C_RD && c <= C_RD_HI)
		return t->o->diff != NULL;
	if (c >= C_OR && c <= C_OR_HI)
		return t->o->odds != NULL;
	return 1;
}

static const char *head(const struct table *t, int c)
{
	return c == C_GROUP ? t->gname : c == C_TOTAL && t->o->xcol ? "exposure" :
	       HEAD[c];
}

/* What a method's status means to the user: a warning when it did not
 * converge, exit 65 naming its limit when the counts are beyond it. */
static void check_status(int rc, const char *opt, const dsp_method *m,
			 const struct group *g)
{
	if (rc == DSP_ENOCONV)
		fprintf(stderr, "%s: warning: %s interval did not converge for "
			"group '%s'\n", cli_prog, m->name, g->name);
	if (rc == DSP_ERANGE)
		cli_die(EX_DATA, "%s %s: group '%s' is beyond the method's limit "
			"(%s)", opt, m->name, g->name, m->limit ? m->limit :
			"see disp-rate(1)");
	if (rc == DSP_ENOMEM)
		cli_die(EX_DATA, "out of memory");
}

/* An interval by a method of the ratio kind. */
static void pair_ci(const dsp_method *m, const char *opt, const struct group *g,
		    double x1, double n1, double x2, double n2,
		    const struct opts *o, double *lo, double *hi)
{
	check_status(m->fn.ratio(x1, n1, x2, n2, o->level, lo, hi), opt, m, g);
}

/* Formats one output row as strings. */
static void format_row(const struct table *t, size_t i, size_t ref,
		       char out[NCOL][CLI_NUM_MAX])
{
	const struct opts *o = t->o;
	const struct group *g = &t->g[i], *r = &t->g[ref];
	double x = (double)g->events, x2 = (double)r->events;
	double n = o->xcol ? g->exposure : (double)g->total;
	double n2 = o->xcol ? r->exposure : (double)r->total;
	double lo = NAN, hi = NAN, p = NAN;
	double v[NCOL];
	for (int c = 0; c < NCOL; c++)
		v[c] = NAN;
	if (n > 0)
		check_status(o->ci->fn.ci(x, n, o->level, &lo, &hi), "--ci", o->ci, g);
	if (i != ref && n > 0 && n2 > 0) {
		v[C_RR] = dsp_rr(x, n, x2, n2);
		pair_ci(o->ratio, "--ratio", g, x, n, x2, n2, o, &v[C_RR_LO], &v[C_RR_HI]);
		if (o->diff) {
			v[C_RD] = dsp_rd(x, n, x2, n2);
			pair_ci(o->diff, "--diff", g, x, n, x2, n2, o, &v[C_RD_LO], &v[C_RD_HI]);
		}
		if (o->odds) {
			v[C_OR] = dsp_or(x, n, x2, n2);
			pair_ci(o->odds, "--odds", g, x, n, x2, n2, o, &v[C_OR_LO], &v[C_OR_HI]);
		}
		check_status(o->test_fn(x, n, x2, n2, &p), "--test", o->test, g);
	}
	snprintf(out[C_EVENTS], CLI_NUM_MAX, "%lld", (long long)g->events);
	if (o->xcol)
		snprintf(out[C_TOTAL], CLI_NUM_MAX, "%s", g->exposure_text);
	else
		snprintf(out[C_TOTAL], CLI_NUM_MAX, "%lld", (long long)g->total);
	cli_fmt_num(out[C_RATE], n > 0 ? x / n * o->per : NAN, o->digits);
	cli_fmt_num(out[C_RATE_LO], lo * o->per, o->digits);
	cli_fmt_num(out[C_RATE_HI], hi * o->per, o->digits);
	out[C_GROUP][0] = out[C_REF][0] = '\0';  /* names: see cell() */
	for (int c = C_RR; c < C_P; c++)
		cli_fmt_num(out[c], v[c], o->digits);
	cli_fmt_num(out[C_P], p, o->digits);
	if (i == ref) {  /* the reference against itself: estimates only */
		for (int c = C_RR; c <= C_P; c++)
			out[c][0] = '\0';
		strcpy(out[C_RR], "1");
		strcpy(out[C_RD], "0");
		strcpy(out[C_OR], "1");
	}
}

/* Cell c of row i, whose numbers are in num. */
static const char *cell(const struct table *t, size_t i, size_t ref, int c,
			char num[NCOL][CLI_NUM_MAX])
{
	return c == C_GROUP ? t->g[i].name : c == C_REF ? t->g[ref].name : num[c];
}

static void write_header_csv(const struct table *t)
{
	csv_writer w;
	csv_writer_init(&w, stdout, t->o->delim);
	for (int c = 0; c < NCOL; c++)
		if (shown(t, c))
			csv_put_str(&w, head(t, c));
	csv_end_row(&w);
}

static void write_csv(const struct table *t, size_t ref)
{
	csv_writer w;
	char num[NCOL][CLI_NUM_MAX];
	write_header_csv(t);
	csv_writer_init(&w, stdout, t->o->delim);
	for (size_t i = 0; i < t->n; i++) {
		format_row(t, i, ref, num);
		for (int c = 0; c < NCOL; c++)
			if (shown(t, c))
				csv_put_str(&w, cell(t, i, ref, c, num));
		csv_end_row(&w);
	}
}

/* An aligned table for terminals: text left, numbers right. */
static void write_pretty(const struct table *t, size_t ref)
{
	char (*num)[NCOL][CLI_NUM_MAX] = malloc((t->n + 1) * sizeof *num);
	int width[NCOL];
	if (!num)
		cli_die(EX_DATA, "out of memory");
	for (size_t i = 0; i < t->n; i++)
		format_row(t, i, ref, num[i]);
	for (int c = 0; c < NCOL; c++) {
		width[c] = (int)strlen(head(t, c));
		for (size_t i = 0; i < t->n; i++) {
			int w = (int)strlen(cell(t, i, ref, c, num[i]));
			if (w > width[c])
				width[c] = w;
		}
	}
	for (size_t i = 0; i <= t->n; i++) {
		/* Stop at the last non-empty cell (the reference row ends in
		 * empty ones) so that no line ends in spaces. */
		int last = 0;
		for (int c = 0; c < NCOL; c++)
			if (shown(t, c) && *(i ? cell(t, i - 1, ref, c, num[i - 1]) :
					      head(t, c)))
				last = c;
		for (int c = 0, first = 1; c <= last; c++) {
			if (!shown(t, c))
				continue;
			const char *s = i ? cell(t, i - 1, ref, c, num[i - 1]) :
					    head(t, c);
			int left = (c == C_GROUP || c == C_REF) && c != last;
			printf(first ? "%*s" : "  %*s", left ? -width[c] : width[c], s);
			first = 0;
		}
		putchar('\n');
	}
	free(num);
}

/* Looks up the methods named on the command line in the tables for counts
 * of a total or, with -x, for person-time. */
static void resolve_methods(struct opts *o)
{
	int pt = o->xcol != NULL;
	if (pt && (o->diff_name || o->odds_name))
		cli_usage_error("%s is not defined for person-time rates (-x)",
				o->diff_name ? "--diff" : "--odds");
	o->ci = method(pt ? dsp_pt_ci_methods : dsp_ci_methods,
		       pt ? "--ci with -x" : "--ci", o->ci_name);
	o->ratio = method(pt ? dsp_pt_ratio_methods : dsp_ratio_methods,
			  pt ? "--ratio with -x" : "--ratio", o->ratio_name);
	o->test = method(pt ? dsp_pt_test_methods : dsp_test_methods,
			 pt ? "--test with -x" : "--test", o->test_name);
	o->test_fn = o->test->fn.test;
	if (!pt && strcmp(o->test->name, "score") == 0 && o->ratio->score)
		o->test_fn = o->ratio->score;
	if (o->diff_name)
		o->diff = method(dsp_diff_methods, "--diff", o->diff_name);
	if (o->odds_name)
		o->odds = method(dsp_odds_methods, "--odds", o->odds_name);
}

int main(int argc, char **argv)
{
	enum { O_CI = 256, O_RATIO, O_TEST, O_DIFF, O_ODDS, O_PER, O_DIGITS,
	       O_PRETTY, O_HELP, O_VERSION };
	static const struct option lopts[] = {
		{"group", required_argument, NULL, 'g'},
		{"events", required_argument, NULL, 'e'},
		{"total", required_argument, NULL, 'n'},
		{"exposure", required_argument, NULL, 'x'},
		{"ref", required_argument, NULL, 'r'},
		{"level", required_argument, NULL, 'l'},
		{"tsv", no_argument, NULL, 't'},
		{"ci", required_argument, NULL, O_CI},
		{"ratio", required_argument, NULL, O_RATIO},
		{"test", required_argument, NULL, O_TEST},
		{"diff", required_argument, NULL, O_DIFF},
		{"odds", required_argument, NULL, O_ODDS},
		{"per", required_argument, NULL, O_PER},
		{"digits", required_argument, NULL, O_DIGITS},
		{"pretty", no_argument, NULL, O_PRETTY},
		{"help", no_argument, NULL, O_HELP},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0}};
	struct opts o = {.ecol = "events", .ncol = "total", .level = 0.95,
			 .per = 1, .digits = 6, .delim = ','};
	int c;
	cli_init("disp-rate");
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":g:e:n:x:r:l:t", lopts, NULL)) != -1) {
		switch (c) {
		case 'g': o.gcol = optarg; break;
		case 'e': o.ecol = optarg; break;
		case 'n': o.ncol = optarg; break;
		case 'x': o.xcol = optarg; break;
		case 'r': o.ref = optarg; break;
		case 't': o.delim = '\t'; break;
		case 'l':
			if (cli_parse_double(optarg, &o.level) || !(o.level > 0 && o.level < 1))
				cli_usage_error("level must be a number in (0,1): '%s'", optarg);
			break;
		case O_CI: o.ci_name = optarg; break;
		case O_RATIO: o.ratio_name = optarg; break;
		case O_TEST: o.test_name = optarg; break;
		case O_DIFF: o.diff_name = optarg; break;
		case O_ODDS: o.odds_name = optarg; break;
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
	resolve_methods(&o);
	struct table t = {&o, NULL, 0, 0, 0, NULL, 0, 0};
	csv_read(argv + optind, argc - optind, o.delim, on_header, on_row, &t);
	if (t.n > 0) {
		size_t ref = reference(&t);
		if (o.pretty)
			write_pretty(&t, ref);
		else
			write_csv(&t, ref);
	} else if (o.pretty) {
		for (int c = 0, first = 1; c < NCOL; c++, first = 0)
			printf(first ? "%s" : "  %s", head(&t, c));
		putchar('\n');
	} else {
		write_header_csv(&t);
	}
	for (size_t i = 0; i < t.n; i++) {
		free(t.g[i].name);
		free(t.g[i].exposure_text);
	}
	free(t.g);
	free((char *)t.gname);
	cli_close_stdout();
	return 0;
}
