/*
 * disp-stages - the relative rate index through the decision points of a
 * process: for each group and each stage after the first, the stage's rate
 * out of the stage it comes from (the OJJDP Relative Rate Index method) or
 * out of the first stage, its ratio to the reference group's with an
 * interval and a p-value, and the cumulative rate and relative rate from
 * the first stage.
 *
 * Input is a counts table with one row per group and one count column per
 * stage, read whole through the counts layer (memory follows the number of
 * groups), nested: no stage exceeds the one it comes from.  Every number
 * is disp-rate's, from the same method tables, on the 2x2 table of a stage
 * and its base for the group and the reference group.
 */
#include "alternative.h"
#include "counts.h"
#include "err.h"
#include "methodopt.h"
#include "num.h"
#include "opts.h"
#include "writer.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { O_STAGES = 256, O_BASE, O_CI, O_RATIO, O_TEST, O_PER, O_MIN, O_ALT };

static const opt_def OPTS[] = {
	{"stages", 's', "COL,COL...", "the count columns of the stages, in order; COL/BASE\n"
				      "takes stage BASE (listed before) as COL's denominator"},
	{"group", 'g', "COL", "group column (default: the first column)"},
	{"ref", 'r', "GROUP", "reference group (default: the largest first stage)"},
	{"base", O_BASE, "B", "denominator of each stage's rate: previous (the stage it\n"
			      "comes from, default) or first (the first stage)"},
	{"ci", O_CI, "M", "rate interval (as disp-rate)"},
	{"ratio", O_RATIO, "M", "relative-rate interval (as disp-rate)"},
	{"test", O_TEST, "M", "test against the reference (as disp-rate)"},
	{"alternative", O_ALT, "A", "two-sided (default), greater or less, as disp-rate:\n"
				    "one-sided tests and bounds (adds a column alternative)"},
	{"per", O_PER, "K", "scale rates by K (e.g. 100)"},
	{"min-count", O_MIN, "N", "small is 1 where the stage count of the group or of\n"
				  "the reference is below N (default: 20; 0: never)"},
	{NULL, 0, NULL, NULL}};

static void more_help(FILE *fp);

static const opt_spec SPEC = {
	"--stages COL,COL... [OPTION]... [FILE]...",
	"Rates and relative rates through the stages of a process (the Relative Rate\n"
	"Index): a table of counts, one row per group and one column per stage (CSV\n"
	"with a header; stdin when no FILE).\n",
	OPTS, OPT_DELIM | OPT_DIGITS | OPT_LEVEL | OPT_PRETTY, more_help};

/* The kinds disp-stages computes: disp-rate's rate interval, ratio
 * interval and test (not person-time, not optional). */
enum { K_CI, K_RATIO, K_TEST, NKIND };
static const char *const KIND_OPT[NKIND] = {"--ci", "--ratio", "--test"};

static void more_help(FILE *fp)
{
	dsp_kind k[NKIND + 1];
	for (int i = 0; i < NKIND; i++)
		k[i] = *dsp_kind_find(KIND_OPT[i], 0);
	k[NKIND] = (dsp_kind){0};
	mo_help_kinds(fp, k);
}

struct opts {
	char *stages;
	const char *gcol, *ref, *method[NKIND], *alt;
	int first;       /* --base first */
	double per;
	int64_t min;
};

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	switch (key) {
	case 's': o->stages = arg; break;
	case 'g': o->gcol = arg; break;
	case 'r': o->ref = arg; break;
	case O_BASE:
		if (strcmp(arg, "previous") && strcmp(arg, "first"))
			err_usage("--base must be previous or first: '%s'", err_show(arg));
		o->first = strcmp(arg, "first") == 0;
		break;
	case O_CI: o->method[K_CI] = arg; break;
	case O_RATIO: o->method[K_RATIO] = arg; break;
	case O_TEST: o->method[K_TEST] = arg; break;
	case O_ALT: o->alt = arg; break;
	case O_PER:
		if (num_parse_double(arg, &o->per) || !(o->per > 0))
			err_usage("--per must be a positive number: '%s'", err_show(arg));
		break;
	case O_MIN:
		/* A count, as the input's are (digits only, up to 2^53). */
		if (num_count(arg, INT64_C(1) << 53, &o->min))
			err_usage("--min-count must be a non-negative integer: '%s'",
				  err_show(arg));
		break;
	}
}

/* The stages: names and, for each, the stage it comes from (the one before
 * it, or the BASE of COL/BASE; -1 for the first), which is also its
 * denominator unless --base first.  --stages is split in place at commas
 * and slashes. */
struct stages {
	const char **name;
	long *from;
	size_t n;
	int first;   /* --base first: every stage's denominator is stage 0 */
};

/* The denominator of stage s > 0. */
static size_t base_of(const struct stages *st, size_t s)
{
	return st->first ? 0 : (size_t)st->from[s];
}

static void parse_stages(struct stages *s, char *list)
{
	char *whole = xstrdup(list);   /* for messages */
	size_t cap = strlen(list) + 1;
	s->name = xmalloc(cap * sizeof *s->name);
	s->from = xmalloc(cap * sizeof *s->from);
	s->n = 0;
	for (char *p = list;;) {
		char *end = p + strcspn(p, ","), *slash = memchr(p, '/', (size_t)(end - p));
		int last = *end == '\0';
		*end = '\0';
		const char *bname = NULL;
		if (slash) {
			*slash = '\0';
			bname = slash + 1;
		}
		if (!*p || (bname && !*bname))
			err_usage("--stages: an empty stage name in '%s'", err_show(whole));
		for (size_t j = 0; j < s->n; j++)
			if (strcmp(s->name[j], p) == 0)
				err_usage("--stages: stage '%s' is listed twice", err_show(p));
		long b = (long)s->n - 1;
		if (bname) {
			if (s->n == 0)
				err_usage("--stages: the first stage '%s' has no base", err_show(p));
			b = -1;
			for (size_t j = 0; j < s->n; j++)
				if (strcmp(s->name[j], bname) == 0)
					b = (long)j;
			if (b < 0)
				err_usage("--stages: the base of '%s', '%s', is not a stage "
					  "listed before it", err_show(p), err_show(bname));
		}
		s->name[s->n] = p;
		s->from[s->n++] = b;
		if (last)
			break;
		p = end + 1;
	}
	if (s->n < 2)
		err_usage("--stages needs at least two stages (a first stage and one "
			  "that comes from it)");
	free(whole);
}

/* The methods of a run. */
struct run {
	const dsp_kind *k[NKIND];
	const dsp_method *m[NKIND];
	dsp_test_fn test;   /* the test's function (the ratio's score test for
			     * --test score) */
	dsp_test_fn greater;  /* and its one-sided form, or NULL */
	dsp_alternative alt;
	int show_alt;         /* --alternative given: its column is written */
	double level, per;
	int64_t min;
};

static void pick_methods(struct run *r, const struct opts *o)
{
	for (int i = 0; i < NKIND; i++) {
		r->k[i] = dsp_kind_find(KIND_OPT[i], 0);
		r->m[i] = mo_pick(r->k[i], o->method[i]);
	}
	r->test = dsp_test_of(r->m[K_TEST], r->m[K_RATIO]);
	r->greater = dsp_greater_of(r->m[K_TEST], r->m[K_RATIO]);
	r->show_alt = mo_alternative(o->alt, r->level, &r->alt);
	if (r->alt != DSP_TWO_SIDED && !r->greater)
		err_usage("--test %s has no one-sided form (it orders the tables by a "
			  "two-sided p-value)", r->m[K_TEST]->name);
}

/* One comparison: x of n against the reference's xr of nr. */
struct cmp {
	double rr, lo, hi, p;
};

/* The ratio, its interval and the test of group g against ref; nan where
 * either denominator is 0 (disp-rate's "total = 0"); for the reference
 * itself nothing is computed (the writer writes 1 and empty cells). */
static void compare(const struct run *r, double x, double n, double xr, double nr,
		    int self, const char *what, struct cmp *c)
{
	c->rr = c->lo = c->hi = c->p = NAN;
	if (self || !(n > 0 && nr > 0))
		return;
	c->rr = r->k[K_RATIO]->estimate(x, n, xr, nr);
	mo_check(dsp_alt_interval(r->k[K_RATIO], r->m[K_RATIO], r->alt, x, n, xr, nr,
				  r->level, &c->lo, &c->hi),
		 r->k[K_RATIO], r->m[K_RATIO], "group", what);
	mo_check(dsp_alt_test(r->test, r->greater, r->alt, x, n, xr, nr, &c->p),
		 r->k[K_TEST], r->m[K_TEST], "group", what);
}

static const wr_col COLS[] = {
	{NULL, WR_TEXT},   /* the group column, under its own name */
	{"stage", WR_TEXT}, {"base", WR_TEXT}, {"events", WR_NUM}, {"total", WR_NUM},
	{"rate", WR_NUM}, {"rate_lo", WR_NUM}, {"rate_hi", WR_NUM}, {"ref", WR_TEXT},
	{"rr", WR_NUM}, {"rr_lo", WR_NUM}, {"rr_hi", WR_NUM}, {"p", WR_NUM},
	{"cum_rate", WR_NUM}, {"cum_rr", WR_NUM}, {"cum_rr_lo", WR_NUM},
	{"cum_rr_hi", WR_NUM}, {"cum_p", WR_NUM}, {"small", WR_NUM}};
#define NCOL (sizeof COLS / sizeof *COLS)

/* A ratio and its interval and test; the reference row's are 1 and empty. */
static void write_cmp(wr_table *w, const struct cmp *c, int self)
{
	if (self) {
		wr_num(w, 1), wr_empty(w), wr_empty(w), wr_empty(w);
		return;
	}
	wr_num(w, c->rr), wr_num(w, c->lo), wr_num(w, c->hi), wr_num(w, c->p);
}

/* The numbers of one row: group i at stage s. */
struct row {
	double rate, lo, hi, cum_rate;
	struct cmp stage, cum;
};

static void compute(const struct run *r, const counts_table *t,
		    const struct stages *st, size_t i, size_t ref, size_t s,
		    struct row *v)
{
	const counts_group *g = &t->g[i], *rg = &t->g[ref];
	size_t b = base_of(st, s);
	int self = i == ref;
	double x = (double)g->count[s], n = (double)g->count[b];
	double xr = (double)rg->count[s], nr = (double)rg->count[b];
	double n0 = (double)g->count[0], nr0 = (double)rg->count[0];

	/* For messages: the group and the stage. */
	char what[512];
	snprintf(what, sizeof what, "%.*s' at stage '%s", (int)g->klen[0], g->key[0],
		 st->name[s]);

	v->rate = v->lo = v->hi = NAN;
	if (n > 0) {
		v->rate = x / n;
		mo_check(dsp_alt_interval(r->k[K_CI], r->m[K_CI], r->alt, x, n, 0, 0, r->level,
					  &v->lo, &v->hi), r->k[K_CI], r->m[K_CI], "group", what);
	}
	v->cum_rate = n0 > 0 ? x / n0 : NAN;
	compare(r, x, n, xr, nr, self, what, &v->stage);
	compare(r, x, n0, xr, nr0, self, what, &v->cum);
}

static void write_row(wr_table *w, const struct run *r, const counts_table *t,
		      const struct stages *st, size_t i, size_t ref, size_t s,
		      const struct row *v)
{
	const counts_group *g = &t->g[i], *rg = &t->g[ref];
	size_t b = base_of(st, s);
	int self = i == ref;
	wr_text(w, g->key[0], g->klen[0]);
	wr_str(w, st->name[s]);
	wr_str(w, st->name[b]);
	wr_int(w, g->count[s]);
	wr_int(w, g->count[b]);
	if (r->show_alt)
		wr_str(w, dsp_alt_name(r->alt));
	wr_num(w, v->rate * r->per), wr_num(w, v->lo * r->per), wr_num(w, v->hi * r->per);
	wr_text(w, rg->key[0], rg->klen[0]);
	write_cmp(w, &v->stage, self);
	wr_num(w, v->cum_rate * r->per);
	write_cmp(w, &v->cum, self);
	wr_int(w, g->count[s] < r->min || (!self && rg->count[s] < r->min));
	wr_end_row(w);
}

int main(int argc, char **argv)
{
	struct opts o = {.per = 1, .min = 20};
	opt_common c;
	err_init("disp-stages");
	int first = opt_parse(argc, argv, &SPEC, &c, on_opt, &o);
	if (!o.stages)
		err_usage("--stages COL,COL... is required");
	struct run r = {.level = c.level, .per = o.per, .min = o.min};
	pick_methods(&r, &o);
	struct stages st = {.first = o.first};
	parse_stages(&st, o.stages);
	for (size_t j = 0; o.gcol && j < st.n; j++)
		if (strcmp(o.gcol, st.name[j]) == 0)
			err_usage("the group column '%s' is also a stage", err_show(o.gcol));

	counts_table t = {.nkey = 1, .keycols = &o.gcol, .ncount = st.n,
			  .countcols = st.name, .within = st.from};
	counts_read(&t, argv + first, argc - first, c.delim);
	if (t.n == 0)
		err_die(EX_DATA, "no groups: the input has a header but no rows");
	for (size_t j = 0; j < st.n; j++)
		if (t.ci[j] == t.ki[0])
			err_die(EX_DATA, "the group column '%s' is also a stage (it is the "
				"first column unless -g names another; a table of stage "
				"counts needs a group column, even for one group)", err_show(t.keyname[0]));
	size_t ref = counts_ref(&t, o.ref);

	/* The columns; with --alternative, its column after the counts. */
	wr_col cols[NCOL + 1];
	size_t ncol = 0;
	for (size_t j = 0; j < NCOL; j++) {
		cols[ncol++] = COLS[j];
		if (j == 4 && r.show_alt)
			cols[ncol++] = (wr_col){"alternative", WR_TEXT};
	}
	cols[0].name = t.keyname[0];
	wr_opts wo = {c.delim, c.pretty, c.digits};
	/* Every row is computed before any is written, so that a method's
	 * error (counts beyond its limit) leaves no partial table. */
	if ((st.n - 1) > SIZE_MAX / sizeof(struct row) / t.n)
		err_nomem();
	struct row *v = xmalloc((st.n - 1) * t.n * sizeof *v);
	for (size_t s = 1; s < st.n; s++)
		for (size_t i = 0; i < t.n; i++)
			compute(&r, &t, &st, i, ref, s, &v[(s - 1) * t.n + i]);
	wr_table *w = wr_begin(stdout, &wo, cols, ncol);
	for (size_t s = 1; s < st.n; s++)
		for (size_t i = 0; i < t.n; i++)
			write_row(w, &r, &t, &st, i, ref, s, &v[(s - 1) * t.n + i]);
	wr_finish(w);
	free(v);
	counts_free(&t);
	free(st.name);
	free(st.from);
	opt_close_stdout();
	return 0;
}
