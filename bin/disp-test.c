/*
 * disp-test - tests of the whole group x outcome table: is there any
 * difference in rates across all the groups at once (chi-square, G, the
 * exact test), and, with the groups in order, a trend?
 *
 * The counts table is read whole (one row per group), the tests chosen
 * with --tests are run on the k x 2 table of events and non-events, and
 * one row is written per test: its statistic, df, p, the Monte Carlo
 * standard error where there is one, and a note of what was computed.
 */
#include "alternative.h"
#include "counts.h"
#include "dsp.h"
#include "err.h"
#include "methodopt.h"
#include "num.h"
#include "opts.h"
#include "table.h"
#include "writer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { O_TESTS = 256, O_ORDER, O_SCORE, O_DRAWS, O_SEED, O_LIMIT, O_METHODS, O_ALT };

#define DRAWS 100000
#define LIMIT 1e8

static const opt_def OPTS[] = {
	OPT_COUNT_COLUMNS,
	{"tests", O_TESTS, "LIST", "tests to run, comma-separated (default: chi2,g,exact,\n"
				   "and trend with --order or --score)"},
	{"order", O_ORDER, "G1,G2,...", "the groups in order, for trend (scores 1, 2, ...)"},
	{"score", O_SCORE, "COL", "a numeric score per group, for trend"},
	{"draws", O_DRAWS, "N", "Monte Carlo draws (default: 100000; 0: none)"},
	{"seed", O_SEED, "S", "Monte Carlo seed (default: 1)"},
	{"exact-limit", O_LIMIT, "STEPS", "the exact test's work limit, beyond which it is\n"
					  "Monte Carlo (default: 10^8)"},
	{"alternative", O_ALT, "A", "two-sided (default); greater or less for trend only:\n"
				    "the rates rise (fall) with the score (adds a column\n"
				    "alternative)"},
	{"methods", O_METHODS, NULL, "list every test with its citation, as CSV"},
	{NULL, 0, NULL, NULL}};

static void help_tests(FILE *fp)
{
	mo_help_kinds(fp, dsp_table_kinds);
}

static const opt_spec SPEC = {
	"[OPTION]... [FILE]...",
	"Tests of the whole table of events by group (CSV with a header, as\n"
	"disp-rate reads; stdin when no FILE): any difference across all groups\n"
	"(chi-square, G, exact), and a trend across ordered groups.\n",
	OPTS, OPT_DELIM | OPT_DIGITS | OPT_PRETTY, help_tests};

#define MAXTEST 16

struct opts {
	const char *gcol, *ecol, *ncol, *tests, *order, *score, *alt;
	unsigned long draws, seed;
	double limit;
};

static double whole(const char *opt, const char *arg, double max)
{
	double v;
	if (num_parse_double(arg, &v) || !(v >= 0 && v <= max) || v != floor(v))
		err_usage("%s must be a whole number from 0 to %.17g: '%s'", opt, max,
			  err_show(arg));
	return v;
}

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	switch (key) {
	case 'g': o->gcol = arg; break;
	case 'e': o->ecol = arg; break;
	case 'n': o->ncol = arg; break;
	case O_TESTS: o->tests = arg; break;
	case O_ORDER: o->order = arg; break;
	case O_SCORE: o->score = arg; break;
	case O_ALT: o->alt = arg; break;
	case O_DRAWS: o->draws = (unsigned long)whole("--draws", arg, 1e12); break;
	case O_SEED: o->seed = (unsigned long)whole("--seed", arg, 4294967295.0); break;
	case O_LIMIT:
		o->limit = whole("--exact-limit", arg, 1e15);
		if (o->limit < 1)
			err_usage("--exact-limit must be at least 1: '%s'", err_show(arg));
		break;
	case O_METHODS:
		mo_list_kinds(stdout, dsp_table_kinds);
		opt_close_stdout();
		err_exit(0);
	}
}

/* The tests of --tests (or the default), in the order given. */
static size_t pick_tests(const struct opts *o, const dsp_method **m)
{
	const dsp_kind *k = dsp_table_kinds;
	int ordered = o->order || o->score;
	const char *list = o->tests ? o->tests :
			   ordered ? "chi2,g,exact,trend" : "chi2,g,exact";
	size_t n = 0;
	char *copy = xstrdup(list), *save = NULL;
	for (char *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		const dsp_method *t = mo_pick(k, name);
		for (size_t i = 0; i < n; i++)
			if (m[i] == t)
				err_usage("--tests names '%s' twice", err_show(name));
		if (n == MAXTEST)
			err_usage("--tests: too many tests");
		m[n++] = t;
	}
	free(copy);
	if (n == 0)
		err_usage("--tests names no test: '%s'", err_show(list));
	for (size_t i = 0; i < n; i++) {
		if (m[i]->fn.table == dsp_kt_trend && !ordered)
			err_usage("--tests trend needs the groups' order: --order G1,G2,... "
				  "or --score COL");
		if (m[i]->fn.table == dsp_kt_exact_mc && o->draws == 0)
			err_usage("--tests exact-mc needs draws: --draws 0 allows none");
	}
	if (o->order && o->score)
		err_usage("--order and --score both give the trend's scores: use one");
	return n;
}

/* The score column, read beside the counts. */
struct scores {
	const char *col;
	size_t ci;
	double *s;
	size_t cap;
};

static void score_header(void *ctx, const csvin_row *h)
{
	struct scores *sc = ctx;
	sc->ci = csvin_column(h, sc->col);
}

static void score_row(void *ctx, const csvin_row *r, size_t i)
{
	struct scores *sc = ctx;
	double v;
	if (num_cell(r->f[sc->ci], &v) != NUM_OK || !isfinite(v))
		err_data(r->file, r->line, sc->col, "the score must be a finite number",
			 r->f[sc->ci]);
	if (i >= sc->cap) {
		sc->cap = 2 * i + 16;
		sc->s = xrealloc(sc->s, sc->cap * sizeof *sc->s);
	}
	sc->s[i] = v;
}

/* Scores 1..k from --order: every group once, and only groups of the
 * table. */
static double *order_scores(const counts_table *t, const char *order)
{
	double *s = xmalloc(t->n * sizeof *s);
	for (size_t i = 0; i < t->n; i++)
		s[i] = 0;
	char *copy = xstrdup(order), *p = copy;
	double pos = 0;
	for (;;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		long i = counts_find(t, p);
		if (i < 0) {
			fprintf(stderr, "%s: --order: group '%s' is not in the table (groups:",
				err_prog, err_show(p));
			for (size_t j = 0; j < t->n && j < 20; j++)
				fprintf(stderr, "%s %s", j ? "," : "",
					err_show_n(t->g[j].key[0], t->g[j].klen[0]));
			fprintf(stderr, t->n > 20 ? ", ... %zu in all)\n" : ")\n", t->n);
			err_exit(EX_DATA);
		}
		if (s[i] != 0)
			err_usage("--order names group '%s' twice", err_show(p));
		s[i] = ++pos;
		if (!comma)
			break;
		p = comma + 1;
	}
	free(copy);
	for (size_t i = 0; i < t->n; i++)
		if (s[i] == 0)
			err_die(EX_DATA, "group '%s' is not in --order (every group must be "
				"placed)", err_show_n(t->g[i].key[0], t->g[i].klen[0]));
	return s;
}

/* The table's margins, for the notes: events and totals of all groups. */
struct margins {
	double m, N;
	size_t k;   /* groups read, with a total of 0 or not */
};

/* What was computed, in words. */
static void note(char *buf, size_t size, const dsp_method *m, const dsp_ktest *r,
		 const struct opts *o, const struct margins *mg)
{
	size_t n = 0;
#define ADD(...) (n += (size_t)snprintf(buf + n, n < size ? size - n : 0, __VA_ARGS__))
	int trend = m->fn.table == dsp_kt_trend;
	const char *margin = mg->m == 0 ? "no events in any group" :
			     mg->m == mg->N ? "only events in every group" : NULL;
	const char *dir = r->direction > 0 ? "rise" : r->direction < 0 ? "fall" : "are flat";
	switch (r->how) {
	case DSP_KT_NONE:
		ADD(r->groups ? "no test: a single group" :
		    "no test: no group has a positive total");
		break;
	case DSP_KT_UNDEFINED:
		ADD("undefined: %s", margin ? margin : "every group has the same score");
		break;
	case DSP_KT_ASYMPTOTIC:
		if (trend && o->order)
			ADD("Cochran-Armitage, scores 1, 2, ... in --order; rates %s with "
			    "the score", dir);
		else if (trend)
			ADD("Cochran-Armitage, scores from column '%s'; rates %s with the "
			    "score", o->score, dir);
		else
			ADD("%s, asymptotic", m->fn.table == dsp_kt_g ? "likelihood ratio" :
			    "Pearson");
		if (r->small)
			ADD("; %zu of %zu expected counts below 5", r->small, 2 * r->groups);
		break;
	case DSP_KT_EXACT:
		if (margin)
			ADD("exact: %s, one table has these margins", margin);
		else
			ADD(r->groups == 2 ? "exact (Fisher)" : "exact, network algorithm");
		break;
	case DSP_KT_MONTE_CARLO: {
		char se[NUM_MAX];
		ADD("Monte Carlo, %lu draws, seed %lu, se %s", r->draws, r->seed,
		    num_fmt(se, r->se, 2));
		if (m->fn.table == dsp_kt_exact)
			ADD("; exact needs more than %.3g steps (--exact-limit)", o->limit);
		break;
	}
	}
	if (mg->k > r->groups && r->groups > 0)
		ADD("; %zu group%s with total 0 left out", mg->k - r->groups,
		    mg->k - r->groups > 1 ? "s" : "");
#undef ADD
}

int main(int argc, char **argv)
{
	struct opts o = {.ecol = "events", .ncol = "total", .draws = DRAWS, .seed = 1,
			 .limit = LIMIT};
	opt_common c;
	err_init("disp-test");
	int first = opt_parse(argc, argv, &SPEC, &c, on_opt, &o);
	const dsp_method *tests[MAXTEST];
	size_t nt = pick_tests(&o, tests);
	dsp_alternative alt;
	mo_alternative(o.alt, 0, &alt);   /* (the trend test has no interval) */
	for (size_t i = 0; i < nt && alt != DSP_TWO_SIDED; i++)
		if (tests[i]->fn.table != dsp_kt_trend)
			err_usage("--alternative %s: --tests %s has no one-sided form (a test of "
				  "the whole table, k - 1 df, has no direction; disp-rate "
				  "--alternative compares each group), only trend", o.alt,
				  tests[i]->name);

	counts_table t = {.nkey = 1, .keycols = &o.gcol, .events = o.ecol, .total = o.ncol};
	struct scores sc = {.col = o.score};
	if (o.score)
		counts_read_each(&t, argv + first, argc - first, c.delim, score_header,
				 score_row, &sc);
	else
		counts_read(&t, argv + first, argc - first, c.delim);
	if (t.n == 0)
		err_die(EX_DATA, "no groups: the input has a header but no rows");

	double *x = xmalloc(2 * t.n * sizeof *x), *n = x + t.n;
	for (size_t i = 0; i < t.n; i++)
		x[i] = (double)t.g[i].events, n[i] = (double)t.g[i].total;
	double *score = o.order ? order_scores(&t, o.order) : sc.s;
	dsp_ktable kt = {t.n, x, n, score, o.limit, o.draws, o.seed};
	struct margins mg = {0, 0, t.n};
	for (size_t i = 0; i < t.n; i++)
		mg.m += x[i], mg.N += n[i];

	static const wr_col COLS[] = {{"test", WR_TEXT}, {"statistic", WR_NUM},
		{"df", WR_NUM}, {"p", WR_NUM}, {"p_se", WR_NUM}, {"method", WR_TEXT}};
	wr_col cols[7];
	size_t ncol = 0;
	for (size_t j = 0; j < 6; j++) {
		cols[ncol++] = COLS[j];
		if (j == 0 && o.alt)
			cols[ncol++] = (wr_col){"alternative", WR_TEXT};
	}
	dsp_ktest res[MAXTEST];
	for (size_t i = 0; i < nt; i++) {
		int rc = tests[i]->fn.table(&kt, &res[i]);
		if (rc == DSP_ERANGE)
			err_die(EX_DATA, "--tests %s: the table is beyond the test's limit (%s)%s",
				tests[i]->name, tests[i]->limit ? tests[i]->limit : "see the man page",
				tests[i]->fn.table == dsp_kt_exact ?
				", and --draws 0 allows no Monte Carlo" : "");
		if (rc == DSP_ENOMEM)
			err_nomem();
		if (rc != DSP_OK)
			err_die(EX_DATA, "--tests %s: invalid table", tests[i]->name);
		if (tests[i]->fn.table == dsp_kt_trend)
			dsp_kt_trend_alt(&res[i], alt);
	}
	wr_opts wo = {c.delim, c.pretty, c.digits};
	wr_table *w = wr_begin(stdout, &wo, cols, ncol);
	for (size_t i = 0; i < nt; i++) {
		const dsp_ktest *r = &res[i];
		char buf[256];
		wr_str(w, tests[i]->name);
		if (o.alt)
			wr_str(w, dsp_alt_name(alt));
		if (r->how == DSP_KT_NONE) {
			wr_empty(w), wr_empty(w), wr_empty(w);
		} else {
			wr_num(w, r->stat);
			if (isnan(r->df))
				wr_empty(w);   /* the exact test has none */
			else
				wr_num(w, r->df);
			wr_num(w, r->p);
		}
		if (r->how == DSP_KT_MONTE_CARLO)
			wr_num(w, r->se);
		else
			wr_empty(w);
		note(buf, sizeof buf, tests[i], r, &o, &mg);
		wr_str(w, buf);
		wr_end_row(w);
	}
	wr_finish(w);
	free(x);
	free(score);
	counts_free(&t);
	opt_close_stdout();
	return 0;
}
