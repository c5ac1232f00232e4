/*
 * disp-rate - counts per group -> rates, relative rates against a reference
 * group, confidence intervals and p-values.
 *
 * The whole counts table is read first (one row per group, so memory
 * follows the number of groups), because the default reference group, the
 * one with the largest total, is known only at the end.  Every row is
 * computed into numbers, then written once through the kit's writer.
 */
#include "alternative.h"
#include "counts.h"
#include "err.h"
#include "methodopt.h"
#include "num.h"
#include "opts.h"
#include "writer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { O_CI = 256, O_RATIO, O_DIFF, O_ODDS, O_TEST, O_ADJUST, O_ADJUST_CI, O_PER,
       O_METHODS, O_ALT };

static const opt_def OPTS[] = {
	OPT_COUNT_COLUMNS,
	{"exposure", 'x', "COL", "person-time: events per unit of exposure COL (> 0)\n"
				 "instead of events of a total"},
	{"ref", 'r', "GROUP", "reference group (default: the largest total)"},
	{"ci", O_CI, "M", "rate interval"},
	{"ratio", O_RATIO, "M", "relative-rate interval"},
	{"test", O_TEST, "M", "test against the reference"},
	{"diff", O_DIFF, "M", "add rd, rd_lo, rd_hi: rate difference by method M\n"
			      "(not with -x)"},
	{"odds", O_ODDS, "M", "add or, or_lo, or_hi: odds ratio by method M (not with -x)"},
	{"alternative", O_ALT, "A", "two-sided (default), greater or less: one-sided tests\n"
				    "and bounds; greater: the group's rate above the\n"
				    "reference's (adds a column alternative)"},
	{"adjust", O_ADJUST, "M", "add p_adj: p adjusted for the comparisons by method M"},
	{"adjust-ci", O_ADJUST_CI, "bonferroni", "comparison intervals at level 1 - (1 - L)/k\n"
						 "for k comparisons, to agree with bonferroni"},
	{"per", O_PER, "K", "scale rates and rate differences by K (e.g. 1000)"},
	{"methods", O_METHODS, NULL, "list every method with its citation, as CSV"},
	{NULL, 0, NULL, NULL}};

static const opt_spec SPEC = {
	"[OPTION]... [FILE]...",
	"Rates, relative rates against a reference group, intervals and p-values\n"
	"from a table of counts by group (CSV with a header; stdin when no FILE).\n",
	OPTS, OPT_DELIM | OPT_DIGITS | OPT_LEVEL | OPT_PRETTY, mo_help};

/* The kinds a run computes, in output order (that of dsp_kinds). */
#define MAXKIND 8

struct opts {
	const char *gcol, *ecol, *ncol, *xcol, *ref;
	double per;
	int adjust_ci;
	const char *alt;            /* --alternative as given, or NULL */
	const char *name[MAXKIND];  /* method names given, by kind option */
	const char *option[MAXKIND];
	size_t nname;
};

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	static const struct { int key; const char *option; } KIND[] = {
		{O_CI, "--ci"}, {O_RATIO, "--ratio"}, {O_TEST, "--test"},
		{O_DIFF, "--diff"}, {O_ODDS, "--odds"}, {O_ADJUST, "--adjust"}};
	switch (key) {
	case 'g': o->gcol = arg; return;
	case 'e': o->ecol = arg; return;
	case 'n': o->ncol = arg; return;
	case 'x': o->xcol = arg; return;
	case 'r': o->ref = arg; return;
	case O_ALT: o->alt = arg; return;
	case O_PER:
		if (num_parse_double(arg, &o->per) || !(o->per > 0))
			err_usage("--per must be a positive number: '%s'", err_show(arg));
		return;
	case O_METHODS:
		mo_list(stdout);
		opt_close_stdout();
		err_exit(0);
	case O_ADJUST_CI:
		if (strcmp(arg, "bonferroni"))
			err_usage("--adjust-ci takes bonferroni: '%s'", err_show(arg));
		o->adjust_ci = 1;
		return;
	}
	for (size_t i = 0; i < sizeof KIND / sizeof *KIND; i++)
		if (KIND[i].key == key) {
			size_t j = 0;   /* a repeated option: the last one wins */
			while (j < o->nname && strcmp(o->option[j], KIND[i].option))
				j++;
			o->option[j] = KIND[i].option;
			o->name[j] = arg;
			o->nname += j == o->nname;
		}
}

/* One computed kind: its table row and the chosen method. */
struct pick {
	const dsp_kind *k;
	const dsp_method *m;
	dsp_test_fn test;   /* a test: its function (the companion, maybe) */
	dsp_test_fn greater;  /* and its one-sided form, or NULL */
};

struct run {
	struct pick p[MAXKIND];
	size_t np;
	double level, per;
	double pair_level;   /* of the comparison intervals (--adjust-ci) */
	int pt;
	int show_alt;        /* --alternative given: its column is written */
	dsp_alternative alt;
};

/* Adjustments apply to the p-values of either table, with or without -x. */
static int applies(const dsp_kind *k, int pt)
{
	return k->person_time == pt || k->shape == DSP_ADJUST;
}

/* The kinds of this run (with -x, the person-time ones) and their methods:
 * every kind that is not optional, and the optional ones asked for. */
static void pick_methods(struct run *r, const struct opts *o)
{
	for (size_t j = 0; j < o->nname; j++) {
		const dsp_kind *k = dsp_kind_find(o->option[j], r->pt);
		if (!k && !((k = dsp_kind_find(o->option[j], 0)) && applies(k, r->pt)))
			err_usage("%s is not defined for person-time rates (-x)",
				  o->option[j]);
	}
	const dsp_method *ratio = NULL;
	for (const dsp_kind *k = dsp_kinds; k->option; k++) {
		if (!applies(k, r->pt))
			continue;
		const char *name = NULL;
		int asked = 0;
		for (size_t j = 0; j < o->nname; j++)
			if (strcmp(o->option[j], k->option) == 0)
				name = o->name[j], asked = 1;
		if (k->optional && !asked)
			continue;
		struct pick *p = &r->p[r->np++];
		p->k = k;
		p->m = mo_pick(k, name);
		if (strcmp(k->option, "--ratio") == 0)
			ratio = p->m;
		p->test = k->shape == DSP_TEST ? dsp_test_of(p->m, ratio) : p->m->fn.test;
		p->greater = k->shape == DSP_TEST ? dsp_greater_of(p->m, ratio) : NULL;
		if (r->alt != DSP_TWO_SIDED && k->shape == DSP_TEST && !p->greater)
			err_usage("%s %s has no one-sided form (it orders the tables by a "
				  "two-sided p-value)", k->option, p->m->name);
	}
}

/* A row's numbers: the rate and its interval, then per kind an estimate
 * and its interval (a test: the p-value in est). */
struct row {
	double rate, lo, hi;
	double est[MAXKIND], klo[MAXKIND], khi[MAXKIND];
};

/* Rates, differences (and their bounds) are scaled by --per. */
static int scaled(const dsp_kind *k)
{
	return k->quantity == DSP_PROPORTION || k->quantity == DSP_RATE ||
	       k->quantity == DSP_DIFFERENCE;
}

static void compute(const struct run *r, const counts_table *t, size_t i,
		    size_t ref, struct row *out)
{
	const counts_group *g = &t->g[i], *rg = &t->g[ref];
	double x = (double)g->events, x2 = (double)rg->events;
	double n = r->pt ? g->exposure : (double)g->total;
	double n2 = r->pt ? rg->exposure : (double)rg->total;
	const char *name = g->key[0];
	out->rate = out->lo = out->hi = NAN;
	for (size_t k = 0; k < r->np; k++) {
		const struct pick *p = &r->p[k];
		double s = scaled(p->k) ? r->per : 1, e = NAN, lo = NAN, hi = NAN;
		int both = i != ref && n > 0 && n2 > 0;
		switch (p->k->shape) {
		case DSP_ONE:
			if (n > 0) {
				e = x / n;
				mo_check(dsp_alt_interval(p->k, p->m, r->alt, x, n, 0, 0, r->level,
							  &lo, &hi), p->k, p->m, "group", name);
			}
			out->rate = e * s, out->lo = lo * s, out->hi = hi * s;
			break;
		case DSP_PAIR:
			if (both) {
				e = p->k->estimate(x, n, x2, n2);
				mo_check(dsp_alt_interval(p->k, p->m, r->alt, x, n, x2, n2,
							  r->pair_level, &lo, &hi),
					 p->k, p->m, "group", name);
			}
			break;
		case DSP_TEST:
			if (both)
				mo_check(dsp_alt_test(p->test, p->greater, r->alt, x, n, x2, n2, &e),
					 p->k, p->m, "group", name);
			break;
		case DSP_ADJUST:
			break;   /* once every row's p is known: see adjust() */
		default:
			break;   /* the other filters' shapes: not in dsp_kinds */
		}
		out->est[k] = e * s, out->klo[k] = lo * s, out->khi[k] = hi * s;
	}
}

/*
 * p_adj: the test's p-values over all groups but the reference, adjusted as
 * one family.  A p that is nan (an undefined statistic) is not a test: it
 * is left out of the family and stays nan, as R's p.adjust does with NA.
 */
static void adjust(const struct run *r, const counts_table *t, size_t ref,
		   struct row *v)
{
	size_t ka = r->np, kt = r->np, n = 0;
	for (size_t k = 0; k < r->np; k++) {
		if (r->p[k].k->shape == DSP_ADJUST) ka = k;
		if (r->p[k].k->shape == DSP_TEST) kt = k;
	}
	if (ka == r->np || kt == r->np)
		return;
	double *p = xmalloc(t->n * sizeof *p), *q = xmalloc(t->n * sizeof *q);
	size_t *at = xmalloc(t->n * sizeof *at);
	for (size_t i = 0; i < t->n; i++) {
		v[i].est[ka] = NAN;
		if (i != ref && !isnan(v[i].est[kt]))
			at[n] = i, p[n++] = v[i].est[kt];
	}
	mo_check(r->p[ka].m->fn.adjust(n, p, q), r->p[ka].k, r->p[ka].m, "group",
		 "(all)");
	for (size_t j = 0; j < n; j++)
		v[at[j]].est[ka] = q[j];
	free(p), free(q), free(at);
}

/* The ref column comes before the first kind that compares two groups. */
static size_t first_comparison(const struct run *r)
{
	size_t k = 0;
	while (k < r->np && r->p[k].k->shape == DSP_ONE)
		k++;
	return k;
}

/* The output columns, from the kinds of the run. */
static size_t columns(const struct run *r, const counts_table *t, wr_col *c,
		      char names[][32])
{
	size_t n = 0, nn = 0;
	c[n++] = (wr_col){t->keyname[0], WR_TEXT};
	c[n++] = (wr_col){"events", WR_NUM};
	c[n++] = (wr_col){r->pt ? "exposure" : "total", WR_NUM};
	if (r->show_alt)
		c[n++] = (wr_col){"alternative", WR_TEXT};
	for (size_t k = 0; k < r->np; k++) {
		const dsp_kind *kd = r->p[k].k;
		if (k == first_comparison(r))
			c[n++] = (wr_col){"ref", WR_TEXT};
		c[n++] = (wr_col){kd->column, WR_NUM};
		if (kd->shape == DSP_ONE || kd->shape == DSP_PAIR)
			for (int b = 0; b < 2; b++) {
				snprintf(names[nn], 32, "%s_%s", kd->column, b ? "hi" : "lo");
				c[n++] = (wr_col){names[nn++], WR_NUM};
			}
	}
	return n;
}

static void write_row(wr_table *w, const struct run *r, const counts_table *t,
		      size_t i, size_t ref, const struct row *v)
{
	const counts_group *g = &t->g[i];
	wr_text(w, g->key[0], g->klen[0]);
	wr_int(w, g->events);
	if (!r->pt)
		wr_int(w, g->total);
	else if (g->exposure_text)
		wr_str(w, g->exposure_text);
	else
		wr_num(w, g->exposure);
	if (r->show_alt)
		wr_str(w, dsp_alt_name(r->alt));
	for (size_t k = 0; k < r->np; k++) {
		const dsp_kind *kd = r->p[k].k;
		if (k == first_comparison(r))
			wr_text(w, t->g[ref].key[0], t->g[ref].klen[0]);
		if (kd->shape == DSP_ONE) {
			wr_num(w, v->rate), wr_num(w, v->lo), wr_num(w, v->hi);
		} else if (i == ref) {
			/* The reference against itself: the null value, no
			 * interval, no test. */
			if (kd->shape == DSP_PAIR)
				wr_num(w, kd->quantity == DSP_DIFFERENCE ? 0 : 1);
			else
				wr_empty(w);
			if (kd->shape == DSP_PAIR)
				wr_empty(w), wr_empty(w);
		} else {
			wr_num(w, v->est[k]);
			if (kd->shape == DSP_PAIR)
				wr_num(w, v->klo[k]), wr_num(w, v->khi[k]);
		}
	}
	wr_end_row(w);
}

int main(int argc, char **argv)
{
	struct opts o = {.ecol = "events", .ncol = "total", .per = 1};
	opt_common c;
	err_init("disp-rate");
	int first = opt_parse(argc, argv, &SPEC, &c, on_opt, &o);
	struct run r = {.level = c.level, .per = o.per, .pt = o.xcol != NULL};
	r.pair_level = c.level;
	r.show_alt = mo_alternative(o.alt, r.level, &r.alt);
	pick_methods(&r, &o);

	counts_table t = {.nkey = 1, .keycols = &o.gcol, .events = o.ecol,
			  .total = o.ncol, .exposure = o.xcol};
	counts_read(&t, argv + first, argc - first, c.delim);
	if (t.n == 0)
		err_die(EX_DATA, "no groups: the input has a header but no rows");
	size_t ref = counts_ref(&t, o.ref);
	if (o.adjust_ci) {
		/* Bonferroni's intervals: each comparison at 1 - (1 - L)/k. */
		size_t k = 0;
		for (size_t i = 0; i < t.n; i++)
			k += i != ref;
		if (k > 1)
			r.pair_level = 1 - (1 - c.level) / (double)k;
	}

	struct row *v = xmalloc(t.n * sizeof *v);
	for (size_t i = 0; i < t.n; i++)
		compute(&r, &t, i, ref, &v[i]);
	adjust(&r, &t, ref, v);

	wr_col cols[5 + 4 * MAXKIND];
	char names[2 * MAXKIND][32];
	wr_opts wo = {c.delim, c.pretty, c.digits};
	wr_table *w = wr_begin(stdout, &wo, cols, columns(&r, &t, cols, names));
	for (size_t i = 0; i < t.n; i++)
		write_row(w, &r, &t, i, ref, &v[i]);
	wr_finish(w);
	free(v);
	counts_free(&t);
	opt_close_stdout();
	return 0;
}
