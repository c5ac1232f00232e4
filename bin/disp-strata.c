/*
 * disp-strata - does the gap survive once rank, year or borough are held
 * fixed?  A counts table by group and stratum -> for each group against
 * the reference: the Mantel-Haenszel relative rate (and with options the
 * rate difference and odds ratio), pooled over the strata, with its
 * interval, beside the crude one; the Cochran-Mantel-Haenszel (or exact)
 * test; and a test of whether the strata agree.  Or, with --standardise,
 * directly or indirectly standardised rates.
 *
 * The table is read whole through the counts layer, keyed by the group and
 * the stratum columns (memory follows the number of group-stratum cells,
 * never the rows).  Strata are put in a canonical order (bytewise by key)
 * before anything is summed, so that no result depends on the order of the
 * rows or of the strata; rows are written in the order groups (and strata)
 * are first seen.  Every row is computed before any is written, so that a
 * method's error leaves no partial table.
 */
#include "alternative.h"
#include "counts.h"
#include "err.h"
#include "hash.h"
#include "methodopt.h"
#include "num.h"
#include "opts.h"
#include "writer.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { O_RATIO = 256, O_DIFF, O_ODDS, O_TEST, O_HOMOG, O_STANDARDISE, O_STANDARD,
       O_EACH, O_PER, O_METHODS, O_ALT };

static const opt_def OPTS[] = {
	{"strata", 's', "COL,COL...", "the stratum columns (a stratum is one value of each)"},
	OPT_COUNT_COLUMNS,
	{"exposure", 'x', "COL", "person-time: events per unit of exposure COL (> 0)\n"
				 "instead of events of a total"},
	{"ref", 'r', "GROUP", "reference group (default: the largest total over the strata)"},
	{"ratio", O_RATIO, "M", "interval of the common relative rate"},
	{"diff", O_DIFF, "M", "add rd, rd_lo, rd_hi: the common rate difference by method M\n"
			      "(not with -x)"},
	{"odds", O_ODDS, "M", "add or, or_lo, or_hi: the common odds ratio by method M\n"
			      "(not with -x)"},
	{"test", O_TEST, "M", "test of no association, given the strata"},
	{"homogeneity", O_HOMOG, "M", "test that the strata share one ratio (p_homog)"},
	{"alternative", O_ALT, "A", "two-sided (default), greater or less, as disp-rate:\n"
				    "one-sided tests and bounds (adds a column alternative)"},
	{"standardise", O_STANDARDISE, "M", "instead: standardised rates, direct or indirect"},
	{"standard", O_STANDARD, "COL", "with --standardise: COL holds each stratum's standard\n"
					"population (direct) or rate (indirect)"},
	{"each", O_EACH, NULL, "also a row per group and stratum, each stratum on its own"},
	{"per", O_PER, "K", "scale rate differences and standardised rates by K"},
	{"methods", O_METHODS, NULL, "list every method with its citation, as CSV"},
	{NULL, 0, NULL, NULL}};

static void help(FILE *fp)
{
	mo_help_kinds(fp, dsp_strata_kinds);
}

static const opt_spec SPEC = {
	"-s COL[,COL...] [OPTION]... [FILE]...",
	"A group against the reference within strata (rank, year, borough): the\n"
	"Mantel-Haenszel relative rate pooled over the strata beside the crude one,\n"
	"its interval, the CMH test and a test of homogeneity, from a table of counts\n"
	"by group and stratum (CSV with a header; stdin when no FILE).\n",
	OPTS, OPT_DELIM | OPT_DIGITS | OPT_LEVEL | OPT_PRETTY, help};

/* The comparison kinds of a run, in output order. */
enum { K_RATIO, K_DIFF, K_ODDS, K_TEST, K_HOMOG, NK };
static const char *const KOPT[NK] = {"--ratio", "--diff", "--odds", "--test",
				     "--homogeneity"};

struct opts {
	char *strata;
	const char *gcol, *ecol, *ncol, *xcol, *ref, *stdcol;
	const char *method[NK], *standardise, *alt;
	int each;
	double per;
};

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	switch (key) {
	case 's': o->strata = arg; break;
	case 'g': o->gcol = arg; break;
	case 'e': o->ecol = arg; break;
	case 'n': o->ncol = arg; break;
	case 'x': o->xcol = arg; break;
	case 'r': o->ref = arg; break;
	case O_RATIO: o->method[K_RATIO] = arg; break;
	case O_DIFF: o->method[K_DIFF] = arg; break;
	case O_ODDS: o->method[K_ODDS] = arg; break;
	case O_TEST: o->method[K_TEST] = arg; break;
	case O_HOMOG: o->method[K_HOMOG] = arg; break;
	case O_ALT: o->alt = arg; break;
	case O_STANDARDISE: o->standardise = arg; break;
	case O_STANDARD: o->stdcol = arg; break;
	case O_EACH: o->each = 1; break;
	case O_PER:
		if (num_parse_double(arg, &o->per) || !(o->per > 0))
			err_usage("--per must be a positive number: '%s'", err_show(arg));
		break;
	case O_METHODS:
		mo_list_kinds(stdout, dsp_strata_kinds);
		opt_close_stdout();
		err_exit(0);
	}
}

/* The kind of disp-strata for option opt (with -x when pt), or NULL. */
static const dsp_kind *skind(const char *opt, int pt)
{
	for (const dsp_kind *k = dsp_strata_kinds; k->option; k++)
		if (strcmp(k->option, opt) == 0 && k->person_time == pt)
			return k;
	return NULL;
}

/* ---- the table: groups, strata and their cells ---------------------------- */

struct group {
	const char *name;
	size_t len;
	size_t *cell;          /* its entries of t.g, by stratum rank */
	size_t nc, cap;
	int64_t events, total;
	double exposure;
};

struct stratum {
	const counts_group *first;   /* the entry where it was first seen */
	size_t rank;                 /* bytewise order of its key */
	double std;                  /* --standard: its value */
};

struct data {
	counts_table t;
	size_t ns;                   /* stratum columns */
	int pt, has_std;
	size_t *gid, *sid;           /* per entry */
	struct group *g;
	size_t ng;
	struct stratum *s;
	size_t nst;
	size_t *byrank;              /* stratum ids in rank order */
	char *kbuf;                  /* index_data's key buffer: kept here so
	                              * that an error exit leaves it reachable */
	size_t ref;
};

/* The stratum key of entry e: fields 1 .. ns, length-prefixed. */
static size_t stratum_key(const struct data *d, const counts_group *e, char **buf,
			  size_t *cap)
{
	size_t n = 0;
	for (size_t i = 1; i <= d->ns; i++)
		n += sizeof(size_t) + e->klen[i];
	if (n > *cap)
		*buf = xrealloc(*buf, *cap = 2 * n);
	n = 0;
	for (size_t i = 1; i <= d->ns; i++) {
		memcpy(*buf + n, &e->klen[i], sizeof(size_t));
		memcpy(*buf + n + sizeof(size_t), e->key[i], e->klen[i]);
		n += sizeof(size_t) + e->klen[i];
	}
	return n;
}

static const struct data *sort_data;

static int cmp_rank(const void *pa, const void *pb)
{
	const counts_group *a = sort_data->s[*(const size_t *)pa].first;
	const counts_group *b = sort_data->s[*(const size_t *)pb].first;
	for (size_t i = 1; i <= sort_data->ns; i++) {
		size_t n = a->klen[i] < b->klen[i] ? a->klen[i] : b->klen[i];
		int c = memcmp(a->key[i], b->key[i], n);
		if (c)
			return c;
		if (a->klen[i] != b->klen[i])
			return a->klen[i] < b->klen[i] ? -1 : 1;
	}
	return 0;
}

static int cmp_cell(const void *pa, const void *pb)
{
	size_t a = sort_data->s[sort_data->sid[*(const size_t *)pa]].rank;
	size_t b = sort_data->s[sort_data->sid[*(const size_t *)pb]].rank;
	return a < b ? -1 : a > b;
}

/* A stratum's name for messages and notes: its fields joined by ", ". */
static void stratum_name(const struct data *d, size_t s, char *buf, size_t size)
{
	const counts_group *e = d->s[s].first;
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 1; i <= d->ns && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%.*s", i > 1 ? ", " : "",
				      (int)e->klen[i], e->key[i]);
}

/* The standard of entry e (its last key field), checked. */
static double parse_standard(const struct data *d, const counts_group *e,
			     const char *col)
{
	double v;
	const char *text = e->key[d->ns + 1];
	if (num_parse_double(text, &v) || !(v >= 0))
		err_data(e->file, e->line, col, "a standard must be a non-negative number", text);
	return v;
}

static void index_data(struct data *d, const char *stdcol)
{
	counts_table *t = &d->t;
	ht *gh = ht_new(), *sh = ht_new();
	size_t cap = 0;
	d->gid = xmalloc(t->n * sizeof *d->gid);
	d->sid = xmalloc(t->n * sizeof *d->sid);
	d->g = xmalloc(t->n * sizeof *d->g);
	d->s = xmalloc(t->n * sizeof *d->s);
	char **skeys = xmalloc(t->n * sizeof *skeys);
	for (size_t i = 0; i < t->n; i++) {
		const counts_group *e = &t->g[i];
		size_t at = ht_find(gh, e->key[0], e->klen[0]);
		if (at == HT_NONE) {
			at = d->ng++;
			d->g[at] = (struct group){e->key[0], e->klen[0], NULL, 0, 0, 0, 0, 0};
			ht_put(gh, e->key[0], e->klen[0], at);
		}
		d->gid[i] = at;
		struct group *g = &d->g[at];
		if (g->nc == g->cap)
			g->cell = xrealloc(g->cell, (g->cap = g->cap ? 2 * g->cap : 4) *
					   sizeof *g->cell);
		g->cell[g->nc++] = i;
		g->events += e->events;
		g->total += e->total;
		g->exposure += e->exposure;
		size_t n = stratum_key(d, e, &d->kbuf, &cap);
		const char *buf = d->kbuf;
		size_t sat = ht_find(sh, buf, n);
		if (sat == HT_NONE) {
			sat = d->nst++;
			skeys[sat] = memcpy(xmalloc(n), buf, n);
			ht_put(sh, skeys[sat], n, sat);
			d->s[sat] = (struct stratum){e, 0, 0};
			if (d->has_std)
				d->s[sat].std = parse_standard(d, e, stdcol);
		} else if (d->has_std) {
			double v = parse_standard(d, e, stdcol);
			if (v != d->s[sat].std) {
				char msg[512], name[256];
				stratum_name(d, sat, name, sizeof name);
				snprintf(msg, sizeof msg, "stratum '%s' has another standard on "
					 "line %ld ('%s'): a stratum has one standard",
					 err_show(name), d->s[sat].first->line,
					 err_show(d->s[sat].first->key[d->ns + 1]));
				err_data(e->file, e->line, stdcol, msg, e->key[d->ns + 1]);
			}
		}
		d->sid[i] = sat;
	}
	/* With the standard in the key, a group and stratum repeated with the
	 * same standard is a repeated key (the counts layer's error), and with
	 * another standard a stratum with two (the error above). */
	d->byrank = xmalloc(d->nst * sizeof *d->byrank);
	for (size_t s = 0; s < d->nst; s++)
		d->byrank[s] = s;
	sort_data = d;
	qsort(d->byrank, d->nst, sizeof *d->byrank, cmp_rank);
	for (size_t r = 0; r < d->nst; r++)
		d->s[d->byrank[r]].rank = r;
	for (size_t g = 0; g < d->ng; g++)
		qsort(d->g[g].cell, d->g[g].nc, sizeof *d->g[g].cell, cmp_cell);
	ht_free(gh);
	ht_free(sh);
	for (size_t s = 0; s < d->nst; s++)
		free(skeys[s]);
	free(skeys);
	free(d->kbuf);
	d->kbuf = NULL;
}

/* The reference group: -r, or the largest total (exposure) over the
 * strata, the first seen on a tie, with the counts layer's rules and
 * messages, on a table of the groups' sums. */
static size_t find_ref(struct data *d, const char *ref)
{
	counts_table f = {0};
	counts_group *fg = xmalloc(d->ng * sizeof *fg);
	char **keys = xmalloc(d->ng * sizeof *keys);
	size_t *lens = xmalloc(d->ng * sizeof *lens);
	for (size_t i = 0; i < d->ng; i++) {
		keys[i] = (char *)d->g[i].name;
		lens[i] = d->g[i].len;
		fg[i] = (counts_group){0};
		fg[i].key = &keys[i];
		fg[i].klen = &lens[i];
		fg[i].total = d->g[i].total;
		fg[i].exposure = d->g[i].exposure;
	}
	f.g = fg;
	f.n = d->ng;
	f.exposure = d->pt ? "x" : NULL;
	size_t r = counts_ref(&f, ref);
	free(fg), free(keys), free(lens);
	return r;
}

/* The count and denominator of entry i (the total, or the exposure). */
static double cell_n(const struct data *d, size_t i)
{
	return d->pt ? d->t.g[i].exposure : (double)d->t.g[i].total;
}

/* ---- notes ------------------------------------------------------------------ */

struct note {
	char *s;
	size_t n, cap;
};

static void note_add(struct note *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void note_add(struct note *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (k < 0)
		return;
	if (b->n + (size_t)k + 1 > b->cap)
		b->s = xrealloc(b->s, b->cap = 2 * (b->n + (size_t)k + 1));
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	b->n += (size_t)k;
}

#define NOTE_MAX 5   /* strata named in a pooled row's note */

/* ---- a run ------------------------------------------------------------------ */

struct run {
	const struct data *d;
	const dsp_kind *k[NK];       /* NULL: not computed */
	const dsp_method *m[NK];
	dsp_strata_test_fn test;     /* the test (the --ratio's score test for score) */
	dsp_strata_test_fn sgreater; /* and its one-sided form, or NULL */
	dsp_alternative alt;
	int show_alt;                /* --alternative given: its column is written */
	double level, per;
	int each;
};

/* The numbers of one output row. */
struct row {
	size_t g;
	long s;          /* the stratum (--each), or -1: pooled over the strata */
	long cell;       /* the group's entry in stratum s, or -1 */
	size_t used;     /* strata in the comparison */
	double e[NK], lo[NK], hi[NK], ce[NK], clo[NK], chi[NK];
	double x, n;     /* pooled: the group's sums */
	char *note;
};

/* The kind's scale: rate differences by --per. */
static double scale(const struct run *r, int k)
{
	return k == K_DIFF ? r->per : 1;
}

/* The chosen methods on the strata s (an estimate, its interval, a p-value
 * per kind), into e, lo, hi; what names the comparison in messages. */
static void compute_kinds(const struct run *r, const dsp_strata *s, int homog,
			  const char *what, double *e, double *lo, double *hi)
{
	for (int k = 0; k < NK; k++) {
		e[k] = lo[k] = hi[k] = NAN;
		if (!r->k[k] || (k == K_HOMOG && !homog))
			continue;
		const dsp_kind *kd = r->k[k];
		int rc;
		if (kd->shape == DSP_STRATA) {
			e[k] = dsp_strata_estimate(kd)(s) * scale(r, k);
			rc = dsp_alt_strata(kd, r->m[k], r->alt, s, r->level, &lo[k], &hi[k]);
			lo[k] *= scale(r, k), hi[k] *= scale(r, k);
		} else {
			/* homogeneity has no direction: always two-sided */
			rc = k == K_TEST ? dsp_alt_stest(r->test, r->sgreater, r->alt, s, &e[k]) :
					   r->m[k]->fn.stest(s, &e[k]);
		}
		mo_check(rc, kd, r->m[k], "group", what);
	}
}

/* Fills the arrays with the strata where both the group and the reference
 * are (a total above 0), in rank order, and notes the others. */
static size_t pair_strata(const struct data *d, size_t g, double *x1, double *n1,
			  double *x2, double *n2, struct note *nt)
{
	const struct group *a = &d->g[g], *b = &d->g[d->ref];
	size_t i = 0, j = 0, k = 0, out = 0;
	char name[256];
	while (i < a->nc || j < b->nc) {
		size_t ra = i < a->nc ? d->s[d->sid[a->cell[i]]].rank : SIZE_MAX;
		size_t rb = j < b->nc ? d->s[d->sid[b->cell[j]]].rank : SIZE_MAX;
		double na = ra <= rb ? cell_n(d, a->cell[i]) : 0;
		double nb = rb <= ra ? cell_n(d, b->cell[j]) : 0;
		size_t s = ra <= rb ? d->sid[a->cell[i]] : d->sid[b->cell[j]];
		if (na > 0 && nb > 0) {
			x1[k] = (double)d->t.g[a->cell[i]].events;
			n1[k] = na;
			x2[k] = (double)d->t.g[b->cell[j]].events;
			n2[k++] = nb;
		} else if (na > 0 || nb > 0) {
			if (out < NOTE_MAX) {
				stratum_name(d, s, name, sizeof name);
				note_add(nt, "%s'%s' (no %.*s)", out ? ", " : "left out, one group "
					 "only: ", name, na > 0 ? (int)b->len : (int)a->len,
					 na > 0 ? b->name : a->name);
			}
			out++;
		}
		if (ra <= rb) i++;
		if (rb <= ra) j++;
	}
	if (out > NOTE_MAX)
		note_add(nt, " and %zu more", out - NOTE_MAX);
	return k;
}

/* The pooled row of group g (not the reference). */
static void compute_pooled(const struct run *r, size_t g, struct row *v)
{
	const struct data *d = r->d;
	size_t cap = d->g[g].nc + d->g[d->ref].nc + 1;
	double *x1 = xmalloc(4 * cap * sizeof *x1), *n1 = x1 + cap, *x2 = n1 + cap,
	       *n2 = x2 + cap;
	struct note nt = {0};
	size_t k = pair_strata(d, g, x1, n1, x2, n2, &nt);
	char what[512];
	snprintf(what, sizeof what, "%.*s", (int)d->g[g].len, d->g[g].name);
	v->used = k;
	for (int j = 0; j < NK; j++)
		v->e[j] = v->lo[j] = v->hi[j] = v->ce[j] = v->clo[j] = v->chi[j] = NAN;
	if (k > 0) {
		dsp_strata s = {k, x1, n1, x2, n2};
		compute_kinds(r, &s, 1, what, v->e, v->lo, v->hi);
	} else {
		note_add(&nt, "%sno stratum has both %.*s and %.*s", nt.n ? "; " : "",
			 (int)d->g[g].len, d->g[g].name, (int)d->g[d->ref].len,
			 d->g[d->ref].name);
	}
	/* The crude comparison: the same methods on the table summed over
	 * every stratum, as disp-rate would see it. */
	const struct group *a = &d->g[g], *b = &d->g[d->ref];
	double cx1 = (double)a->events, cn1 = d->pt ? a->exposure : (double)a->total;
	double cx2 = (double)b->events, cn2 = d->pt ? b->exposure : (double)b->total;
	if (cn1 > 0 && cn2 > 0) {
		dsp_strata s = {1, &cx1, &cn1, &cx2, &cn2};
		compute_kinds(r, &s, 0, what, v->ce, v->clo, v->chi);
	}
	v->note = nt.s;
	free(x1);
}

/* A row of group g in stratum s (--each): the stratum's table alone. */
static void compute_stratum(const struct run *r, size_t g, size_t s, long cell,
			    long rcell, struct row *v)
{
	const struct data *d = r->d;
	struct note nt = {0};
	for (int j = 0; j < NK; j++)
		v->e[j] = v->lo[j] = v->hi[j] = v->ce[j] = v->clo[j] = v->chi[j] = NAN;
	double na = cell >= 0 ? cell_n(d, (size_t)cell) : 0;
	double nb = rcell >= 0 ? cell_n(d, (size_t)rcell) : 0;
	v->used = 0;
	if (g == d->ref)
		v->used = na > 0;
	else if (!(na > 0))
		note_add(&nt, "no %.*s in this stratum", (int)d->g[g].len, d->g[g].name);
	else if (!(nb > 0))
		note_add(&nt, "no %.*s (the reference) in this stratum",
			 (int)d->g[d->ref].len, d->g[d->ref].name);
	else {
		double x1 = (double)d->t.g[cell].events, x2 = (double)d->t.g[rcell].events;
		dsp_strata st = {1, &x1, &na, &x2, &nb};
		char name[256], what[512];
		stratum_name(d, s, name, sizeof name);
		snprintf(what, sizeof what, "%.*s' in stratum '%s", (int)d->g[g].len,
			 d->g[g].name, name);
		compute_kinds(r, &st, 0, what, v->e, v->lo, v->hi);
		v->used = 1;
		if (x1 == 0 && x2 == 0)
			note_add(&nt, "no events in either group");
		else if (!d->pt && x1 == na && x2 == nb)
			note_add(&nt, "all events in both groups");
	}
	v->note = nt.s;
}

/* ---- writing ----------------------------------------------------------------- */

static size_t columns(const struct run *r, wr_col *c, char names[][64])
{
	const struct data *d = r->d;
	size_t n = 0, nn = 0;
	c[n++] = (wr_col){d->t.keyname[0], WR_TEXT};
	if (r->each) {
		for (size_t i = 1; i <= d->ns; i++)
			c[n++] = (wr_col){d->t.keyname[i], WR_TEXT};
		c[n++] = (wr_col){"scope", WR_TEXT};
	}
	c[n++] = (wr_col){"events", WR_NUM};
	c[n++] = (wr_col){d->pt ? "exposure" : "total", WR_NUM};
	if (r->show_alt)
		c[n++] = (wr_col){"alternative", WR_TEXT};
	c[n++] = (wr_col){"ref", WR_TEXT};
	c[n++] = (wr_col){"strata", WR_NUM};
	for (int k = 0; k < NK; k++) {
		const dsp_kind *kd = r->k[k];
		if (!kd)
			continue;
		const char *col = kd->column;
		if (kd->shape == DSP_STRATA) {
			static const char *const FMT[] = {"%s", "%s_lo", "%s_hi", "crude_%s",
							  "crude_%s_lo", "crude_%s_hi"};
			for (int f = 0; f < 6; f++) {
				snprintf(names[nn], 64, FMT[f], col);
				c[n++] = (wr_col){names[nn++], WR_NUM};
			}
		} else {
			c[n++] = (wr_col){col, WR_NUM};
			if (k == K_TEST)
				c[n++] = (wr_col){"crude_p", WR_NUM};
		}
	}
	c[n++] = (wr_col){"note", WR_TEXT};
	return n;
}

/* The reference against itself: the null value, no interval, no test
 * (a stratum's row has no crude columns). */
static void write_self(wr_table *w, const dsp_kind *kd, int k, int pooled)
{
	if (kd->shape == DSP_STRATA) {
		double null = kd->quantity == DSP_DIFFERENCE ? 0 : 1;
		wr_num(w, null), wr_empty(w), wr_empty(w);
		if (pooled)
			wr_num(w, null);
		else
			wr_empty(w);
		wr_empty(w), wr_empty(w);
	} else {
		wr_empty(w);
		if (k == K_TEST)
			wr_empty(w);
	}
}

static void write_row(wr_table *w, const struct run *r, const struct row *v)
{
	const struct data *d = r->d;
	const struct group *g = &d->g[v->g];
	int self = v->g == d->ref, pooled = v->s < 0;
	wr_text(w, g->name, g->len);
	if (r->each) {
		const counts_group *e = pooled ? NULL : d->s[v->s].first;
		for (size_t i = 1; i <= d->ns; i++)
			if (e)
				wr_text(w, e->key[i], e->klen[i]);
			else
				wr_empty(w);
		wr_str(w, pooled ? "pooled" : "stratum");
	}
	if (pooled) {
		wr_int(w, g->events);
		if (d->pt)
			wr_num(w, g->exposure);
		else
			wr_int(w, g->total);
	} else if (v->cell >= 0) {
		const counts_group *e = &d->t.g[v->cell];
		wr_int(w, e->events);
		if (!d->pt)
			wr_int(w, e->total);
		else if (e->exposure_text)
			wr_str(w, e->exposure_text);
		else
			wr_num(w, e->exposure);
	} else {
		wr_empty(w), wr_empty(w);
	}
	if (r->show_alt)
		wr_str(w, dsp_alt_name(r->alt));
	wr_text(w, d->g[d->ref].name, d->g[d->ref].len);
	wr_int(w, (int64_t)v->used);
	for (int k = 0; k < NK; k++) {
		const dsp_kind *kd = r->k[k];
		if (!kd)
			continue;
		if (self) {
			write_self(w, kd, k, pooled);
			continue;
		}
		if (kd->shape == DSP_STRATA) {
			wr_num(w, v->e[k]), wr_num(w, v->lo[k]), wr_num(w, v->hi[k]);
			if (pooled)
				wr_num(w, v->ce[k]), wr_num(w, v->clo[k]), wr_num(w, v->chi[k]);
			else
				wr_empty(w), wr_empty(w), wr_empty(w);
		} else if (k == K_TEST) {
			wr_num(w, v->e[k]);
			if (pooled)
				wr_num(w, v->ce[k]);
			else
				wr_empty(w);
		} else if (pooled) {
			wr_num(w, v->e[k]);
		} else {
			wr_empty(w);
		}
	}
	wr_str(w, v->note ? v->note : "");
	wr_end_row(w);
}

/* ---- standardisation --------------------------------------------------------- */

struct srow {
	size_t used;
	double e, lo, hi, crude, rr, crude_rr, expected;
	char *note;
};

/* The standard of stratum s: --standard's value, or (direct) the strata's
 * total over every group, or (indirect) the reference's rate (NaN where the
 * reference is not in the stratum). */
static void standards(const struct data *d, int direct, double *st)
{
	for (size_t s = 0; s < d->nst; s++)
		st[s] = d->has_std ? d->s[s].std : direct ? 0 : NAN;
	if (d->has_std)
		return;
	for (size_t i = 0; i < d->t.n; i++) {
		if (direct)
			st[d->sid[i]] += cell_n(d, i);
		else if (d->gid[i] == d->ref && cell_n(d, i) > 0)
			st[d->sid[i]] = (double)d->t.g[i].events / cell_n(d, i);
	}
}

static void compute_standard(const struct data *d, const dsp_method *m, int direct,
			     const double *st, double level, size_t g, struct srow *v)
{
	const struct group *a = &d->g[g];
	size_t cap = d->nst + 1, k = 0, missing = 0;
	double *x = xmalloc(3 * cap * sizeof *x), *n = x + cap, *w = n + cap;
	char *present = xmalloc(d->nst + 1);
	struct note nt = {0};
	char name[256];
	memset(present, 0, d->nst + 1);
	/* In rank order, so that sums do not depend on the input's order. */
	for (size_t c = 0; c < a->nc; c++) {
		size_t i = a->cell[c], s = d->sid[i];
		if (!(cell_n(d, i) > 0))
			continue;
		present[s] = 1;
		if (direct && !(st[s] > 0))
			continue;
		if (!direct && isnan(st[s])) {
			if (missing++ < NOTE_MAX) {
				stratum_name(d, s, name, sizeof name);
				note_add(&nt, "%s'%s'", missing > 1 ? ", " : "no standard rate "
					 "(no reference) in: ", name);
			}
			continue;
		}
		x[k] = (double)d->t.g[i].events;
		n[k] = cell_n(d, i);
		w[k++] = st[s];
	}
	if (direct)
		for (size_t r = 0; r < d->nst; r++) {
			size_t s = d->byrank[r];
			if (st[s] > 0 && !present[s] && missing++ < NOTE_MAX) {
				stratum_name(d, s, name, sizeof name);
				note_add(&nt, "%s'%s'", missing > 1 ? ", " : "no rate in "
					 "strata of the standard: ", name);
			}
		}
	if (missing > NOTE_MAX)
		note_add(&nt, " and %zu more", missing - NOTE_MAX);
	v->used = k;
	v->e = v->lo = v->hi = v->expected = NAN;
	if (!missing && k > 0) {
		char what[256];
		snprintf(what, sizeof what, "%.*s", (int)a->len, a->name);
		int rc = m->fn.standard(k, x, n, w, level, &v->e, &v->lo, &v->hi);
		mo_check(rc, skind("--standardise", 0), m, "group", what);
		if (!direct) {
			v->expected = 0;
			for (size_t j = 0; j < k; j++)
				v->expected += n[j] * w[j];
		}
	} else if (!missing) {
		note_add(&nt, "no stratum of the standard has %.*s", (int)a->len, a->name);
	}
	double tn = d->pt ? a->exposure : (double)a->total;
	v->crude = tn > 0 ? (double)a->events / tn : NAN;
	v->note = nt.s;
	free(x), free(present);
}

/* x / y as a ratio: inf when only y is 0, NaN when both are. */
static double ratio(double x, double y)
{
	return y == 0 ? (x == 0 || isnan(x) ? NAN : INFINITY) : x / y;
}

static void run_standard(struct data *d, const char *method, const opt_common *c,
			 double per)
{
	const dsp_kind *kd = skind("--standardise", 0);
	const dsp_method *m = mo_pick(kd, method);
	int direct = strcmp(m->name, "direct") == 0;
	double *st = xmalloc((d->nst + 1) * sizeof *st);
	standards(d, direct, st);
	struct srow *v = xmalloc(d->ng * sizeof *v);
	for (size_t g = 0; g < d->ng; g++)
		compute_standard(d, m, direct, st, c->level, g, &v[g]);
	/* With the reference's own rates, its ratio is 1 by construction. */
	int self_std = !direct && !d->has_std;
	const struct srow *rv = &v[d->ref];
	wr_col cols[16];
	size_t nc = 0;
	cols[nc++] = (wr_col){d->t.keyname[0], WR_TEXT};
	cols[nc++] = (wr_col){"events", WR_NUM};
	cols[nc++] = (wr_col){d->pt ? "exposure" : "total", WR_NUM};
	if (!direct)
		cols[nc++] = (wr_col){"expected", WR_NUM};
	cols[nc++] = (wr_col){"ref", WR_TEXT};
	cols[nc++] = (wr_col){"strata", WR_NUM};
	if (direct) {
		static const char *const C[] = {"rate", "rate_lo", "rate_hi", "crude_rate",
						"rr", "crude_rr"};
		for (int i = 0; i < 6; i++)
			cols[nc++] = (wr_col){C[i], WR_NUM};
	} else {
		static const char *const C[] = {"smr", "smr_lo", "smr_hi", "crude_rr"};
		for (int i = 0; i < 4; i++)
			cols[nc++] = (wr_col){C[i], WR_NUM};
	}
	cols[nc++] = (wr_col){"note", WR_TEXT};
	wr_opts wo = {c->delim, c->pretty, c->digits};
	wr_table *w = wr_begin(stdout, &wo, cols, nc);
	for (size_t g = 0; g < d->ng; g++) {
		const struct group *a = &d->g[g];
		int self = g == d->ref;
		wr_text(w, a->name, a->len);
		wr_int(w, a->events);
		if (d->pt)
			wr_num(w, a->exposure);
		else
			wr_int(w, a->total);
		if (!direct)
			wr_num(w, v[g].expected);
		wr_text(w, d->g[d->ref].name, d->g[d->ref].len);
		wr_int(w, (int64_t)v[g].used);
		double crr = self ? 1 : ratio(v[g].crude, rv->crude);
		if (direct) {
			wr_num(w, v[g].e * per), wr_num(w, v[g].lo * per), wr_num(w, v[g].hi * per);
			wr_num(w, v[g].crude * per);
			if (self)
				wr_num(w, 1);
			else
				wr_num(w, isnan(v[g].e) || isnan(rv->e) ? NAN : ratio(v[g].e, rv->e));
			wr_num(w, crr);
		} else if (self && self_std) {
			wr_num(w, 1), wr_empty(w), wr_empty(w), wr_num(w, 1);
		} else {
			wr_num(w, v[g].e), wr_num(w, v[g].lo), wr_num(w, v[g].hi);
			wr_num(w, crr);
		}
		wr_str(w, v[g].note ? v[g].note : "");
		wr_end_row(w);
	}
	wr_finish(w);
	for (size_t g = 0; g < d->ng; g++)
		free(v[g].note);
	free(v), free(st);
}

/* ---- main ---------------------------------------------------------------------- */

/* Splits -s at commas, in place; a name twice or empty is a usage error. */
static size_t parse_strata(char *list, const char ***names)
{
	size_t cap = strlen(list) / 2 + 2, n = 0;
	*names = xmalloc(cap * sizeof **names);
	for (char *p = list;;) {
		char *end = p + strcspn(p, ",");
		int last = *end == '\0';
		*end = '\0';
		if (!*p)
			err_usage("--strata: an empty column name");
		for (size_t j = 0; j < n; j++)
			if (strcmp((*names)[j], p) == 0)
				err_usage("--strata: column '%s' is listed twice", err_show(p));
		(*names)[n++] = p;
		if (last)
			break;
		p = end + 1;
	}
	return n;
}

static void pick_methods(struct run *r, const struct opts *o, int pt)
{
	for (int k = 0; k < NK; k++) {
		const dsp_kind *kd = skind(KOPT[k], pt);
		if (!kd) {
			if (o->method[k])
				err_usage("%s is not defined for person-time rates (-x)", KOPT[k]);
			continue;
		}
		if (kd->optional && !o->method[k])
			continue;
		r->k[k] = kd;
		r->m[k] = mo_pick(kd, o->method[k]);
	}
	r->test = r->m[K_TEST]->fn.stest;
	if ((r->m[K_TEST]->flags & DSP_COMPANION) && r->m[K_RATIO]->sscore)
		r->test = r->m[K_RATIO]->sscore;
	r->sgreater = dsp_sgreater_of(r->m[K_TEST], r->m[K_RATIO]);
	r->show_alt = mo_alternative(o->alt, r->level, &r->alt);
	if (r->alt != DSP_TWO_SIDED && !r->sgreater)
		err_usage("--test %s has no one-sided form", r->m[K_TEST]->name);
}

int main(int argc, char **argv)
{
	struct opts o = {.ecol = "events", .ncol = "total", .per = 1};
	opt_common c;
	err_init("disp-strata");
	int first = opt_parse(argc, argv, &SPEC, &c, on_opt, &o);
	if (!o.strata)
		err_usage("--strata COL[,COL...] is required");
	if (o.stdcol && !o.standardise)
		err_usage("--standard is for --standardise");
	if (o.standardise) {
		for (int k = 0; k < NK; k++)
			if (o.method[k])
				err_usage("%s does not apply with --standardise", KOPT[k]);
		if (o.each)
			err_usage("--each does not apply with --standardise (each stratum's "
				  "rates are disp-rate's)");
		if (o.alt)
			err_usage("--alternative does not apply with --standardise (its rates "
				  "have two-sided intervals only)");
	}
	struct data d = {0};
	d.pt = o.xcol != NULL;
	d.has_std = o.stdcol != NULL;
	struct run r = {.d = &d, .level = c.level, .per = o.per, .each = o.each};
	if (!o.standardise)
		pick_methods(&r, &o, d.pt);
	else
		mo_pick(skind("--standardise", 0), o.standardise);   /* a usage error first */

	const char **snames;
	d.ns = parse_strata(o.strata, &snames);
	const char **keys = xmalloc((d.ns + 2) * sizeof *keys);
	keys[0] = o.gcol;
	for (size_t i = 0; i < d.ns; i++) {
		if (o.gcol && strcmp(o.gcol, snames[i]) == 0)
			err_usage("the group column '%s' is also a stratum column", err_show(o.gcol));
		keys[i + 1] = snames[i];
	}
	if (o.stdcol)
		keys[d.ns + 1] = o.stdcol;
	d.t = (counts_table){.nkey = d.ns + 1 + (o.stdcol != NULL), .keycols = keys,
			     .events = o.ecol, .total = o.ncol, .exposure = o.xcol};
	counts_read(&d.t, argv + first, argc - first, c.delim);
	counts_table *t = &d.t;
	for (size_t i = 1; i < t->nkey; i++) {
		if (t->ki[i] == t->ki[0])
			err_die(EX_DATA, "the group column '%s' is also a stratum column (it is "
				"the first column unless -g names another)", err_show(t->keyname[0]));
		if (t->ki[i] == t->ei || t->ki[i] == t->ti)
			err_die(EX_DATA, "the column '%s' is both a stratum (or the standard) "
				"and a count", err_show(t->keyname[i]));
	}
	if (t->n == 0)
		err_die(EX_DATA, "no groups: the input has a header but no rows");
	index_data(&d, o.stdcol);
	d.ref = find_ref(&d, o.ref);

	if (o.standardise) {
		run_standard(&d, o.standardise, &c, o.per);
	} else {
		/* Rows: per group, its strata (--each, first seen order, where it
		 * or the reference is), then the pooled row. */
		size_t nrow = 0, cap = d.ng;
		struct row *v = xmalloc(cap * sizeof *v);
		long *at = xmalloc((d.nst + 1) * sizeof *at), *rat = xmalloc((d.nst + 1) * sizeof *rat);
		for (size_t s = 0; s < d.nst; s++)
			rat[s] = -1;
		for (size_t c2 = 0; c2 < d.g[d.ref].nc; c2++)
			rat[d.sid[d.g[d.ref].cell[c2]]] = (long)d.g[d.ref].cell[c2];
		for (size_t g = 0; g < d.ng; g++) {
			if (o.each) {
				for (size_t s = 0; s < d.nst; s++)
					at[s] = -1;
				for (size_t c2 = 0; c2 < d.g[g].nc; c2++)
					at[d.sid[d.g[g].cell[c2]]] = (long)d.g[g].cell[c2];
				for (size_t s = 0; s < d.nst; s++) {
					if (at[s] < 0 && rat[s] < 0)
						continue;
					if (nrow == cap)
						v = xrealloc(v, (cap *= 2) * sizeof *v);
					struct row *w = &v[nrow++];
					*w = (struct row){.g = g, .s = (long)s, .cell = at[s]};
					compute_stratum(&r, g, s, at[s], rat[s], w);
				}
			}
			if (nrow == cap)
				v = xrealloc(v, (cap *= 2) * sizeof *v);
			struct row *w = &v[nrow++];
			*w = (struct row){.g = g, .s = -1, .cell = -1};
			if (g != d.ref) {
				compute_pooled(&r, g, w);
			} else {
				w->used = 0;
				for (size_t c2 = 0; c2 < d.g[g].nc; c2++)
					w->used += cell_n(&d, d.g[g].cell[c2]) > 0;
			}
		}
		/* the group, the stratum columns, scope, counts, alternative,
		 * ref, strata, six per kind, note */
		wr_col *cols = xmalloc((8 + d.ns + 6 * NK) * sizeof *cols);
		char names[6 * NK][64];
		wr_opts wo = {c.delim, c.pretty, c.digits};
		wr_table *w = wr_begin(stdout, &wo, cols, columns(&r, cols, names));
		for (size_t i = 0; i < nrow; i++)
			write_row(w, &r, &v[i]);
		wr_finish(w);
		for (size_t i = 0; i < nrow; i++)
			free(v[i].note);
		free(v), free(at), free(rat), free(cols);
	}
	for (size_t g = 0; g < d.ng; g++)
		free(d.g[g].cell);
	free(d.g), free(d.s), free(d.gid), free(d.sid), free(d.byrank);
	free(keys), free(snames);
	counts_free(&d.t);
	opt_close_stdout();
	return 0;
}
