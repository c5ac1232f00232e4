/*
 * disp-plot - charts of any filter's output, as gnuplot scripts.
 *
 * Reads a table (disp-rate's, say) through the kit, writes a gnuplot
 * script with its data inline, and either prints it (so that `| gnuplot >
 * chart.png` works and a CI job can diff it: the script depends on the
 * input alone) or, with -o, runs gnuplot on it.  KIND is the chart:
 *   forest  each group's estimate and interval (ratios on a log axis)
 *   rates   each group's rate and interval, the reference's as a line
 */
#include "csvin.h"
#include "err.h"
#include "gnuplot.h"
#include "num.h"
#include "opts.h"
#include "published.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { O_TITLE = 256, O_XLABEL, O_CLAIM, O_FORMAT, O_PER, O_WIDTH };

static const opt_def OPTS[] = {
	{"output", 'o', "FILE", "run gnuplot and write FILE (.png, .svg or .pdf)"},
	{"group", 'g', "COL", "the label column (default: the first column)"},
	{"column", 'c', "COL", "the estimate: COL, COL_lo, COL_hi (forest default: rr,\n"
			       "else rd, else or; rates: rate)"},
	{"title", O_TITLE, "TEXT", "the chart's title"},
	{"xlabel", O_XLABEL, "TEXT", "the axis label (default: from the column)"},
	{"claim", O_CLAIM, "FILE", "forest: mark the published values of a disp-check\n"
				   "output beside the intervals"},
	{"per", O_PER, "K", "rates: multiply rates by K (say 100 for percent)"},
	{"format", O_FORMAT, "F", "without -o: the script's terminal, png (default),\n"
				  "svg or pdf"},
	{"width", O_WIDTH, "PX", "the chart's width in pixels (default: 900)"},
	{NULL, 0, NULL, NULL}};

static const opt_spec SPEC = {
	"KIND [OPTION]... [FILE]...",
	"Charts of a filter's output (KIND: forest, rates) as a gnuplot script on\n"
	"stdout, or with -o an image drawn by gnuplot.\n",
	OPTS, OPT_DELIM, NULL};

struct opts {
	const char *out, *gcol, *col, *title, *xlabel, *claim;
	double per;
	int format, width;
};

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	switch (key) {
	case 'o':
		o->out = arg;
		if (gp_format_of(arg) < 0)
			err_usage("-o takes a .png, .svg or .pdf file: '%s'", err_show(arg));
		break;
	case 'g': o->gcol = arg; break;
	case 'c': o->col = arg; break;
	case O_TITLE: o->title = arg; break;
	case O_XLABEL: o->xlabel = arg; break;
	case O_CLAIM: o->claim = arg; break;
	case O_PER:
		if (num_parse_double(arg, &o->per) || !(o->per > 0))
			err_usage("--per must be a positive number: '%s'", err_show(arg));
		break;
	case O_FORMAT:
		if ((o->format = gp_format_named(arg)) < 0)
			err_usage("--format is png, svg or pdf: '%s'", err_show(arg));
		break;
	case O_WIDTH:
		if (num_parse_int(arg, 300, 10000, &o->width))
			err_usage("--width is a number of pixels, 300 to 10000: '%s'",
				  err_show(arg));
		break;
	}
}

/* One row of the chart. */
struct row {
	char *name;
	double e, lo, hi, p;
	int ref;
	double claim;        /* a published value to mark (NaN: none) */
	char *claim_text;
};

struct chart {
	const struct opts *o;
	int kind;            /* FOREST or RATES */
	long gi, ei, li, hi, pi, ri;
	char *col, *pcol, *refname;
	struct row *r;
	size_t n, cap;
};

enum { FOREST, RATES };

/* ---- reading ------------------------------------------------------------ */

static long need(const csvin_row *h, const char *name)
{
	return (long)csvin_column(h, name);
}

static int on_header(void *ctx, const csvin_row *h)
{
	struct chart *c = ctx;
	if (h->nf == 0)
		err_data(h->file, 1, NULL, "no header row (empty input)", NULL);
	c->gi = c->o->gcol ? need(h, c->o->gcol) : 0;
	const char *col = c->o->col;
	if (!col && c->kind == RATES)
		col = "rate";
	static const char *const TRY[] = {"rr", "rd", "or"};
	for (size_t i = 0; !col && i < 3; i++)
		if (csvin_find(h, TRY[i]) >= 0)
			col = TRY[i];
	if (!col)
		col = "rr";   /* so that the error names the column wanted */
	c->col = xstrdup(col);
	char name[256];
	c->ei = need(h, col);
	snprintf(name, sizeof name, "%s_lo", col);
	c->li = need(h, name);
	snprintf(name, sizeof name, "%s_hi", col);
	c->hi = need(h, name);
	c->pi = csvin_find(h, "p_adj");
	c->pcol = xstrdup(c->pi >= 0 ? "p_adj" : "p");
	if (c->pi < 0)
		c->pi = csvin_find(h, "p");
	c->ri = csvin_find(h, "ref");
	return 0;
}

static double cell(const csvin_row *r, long i, const char *col)
{
	double x;
	if (i < 0)
		return NAN;
	if (num_cell(r->f[i], &x) == NUM_BAD)
		err_data(r->file, r->line, col, "not a number (or inf, nan, empty)", r->f[i]);
	return x;
}

static int on_row(void *ctx, const csvin_row *r)
{
	struct chart *c = ctx;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->r = xrealloc(c->r, c->cap * sizeof *c->r);
	}
	struct row *w = &c->r[c->n++];
	char lo[260], hi[260];
	snprintf(lo, sizeof lo, "%s_lo", c->col);
	snprintf(hi, sizeof hi, "%s_hi", c->col);
	*w = (struct row){xstrdup(r->f[c->gi]), cell(r, c->ei, c->col), cell(r, c->li, lo),
			  cell(r, c->hi, hi), cell(r, c->pi, c->pcol), 0, NAN, NULL};
	if (c->ri >= 0 && !c->refname && *r->f[c->ri])
		c->refname = xstrdup(r->f[c->ri]);
	return 0;
}

/* Published values from a disp-check output, for the groups of the chart,
 * put on its scale: rr and or as they are, pct_more 1 + v/100, pct_less
 * 1 - v/100, diff v/100 (rd as a fraction). */
struct claims {
	struct chart *c;
	long ki, pi, gi;
};

static int claim_header(void *ctx, const csvin_row *h)
{
	struct claims *k = ctx;
	k->ki = need(h, "kind"), k->pi = need(h, "published"), k->gi = need(h, "group");
	return 0;
}

static int claim_row(void *ctx, const csvin_row *r)
{
	struct claims *k = ctx;
	const char *kind = r->f[k->ki], *col = k->c->col;
	pub_value v;
	if (pub_parse(r->f[k->pi], &v) || v.word || v.n != 1)
		return 0;    /* words and ranges have no one point to mark */
	double x = dsp_decimal_double(v.d[0]);
	if ((strcmp(kind, "rr") == 0 && strcmp(col, "rr") == 0) ||
	    (strcmp(kind, "or") == 0 && strcmp(col, "or") == 0))
		;
	else if (strcmp(kind, "pct_more") == 0 && strcmp(col, "rr") == 0)
		x = 1 + x / 100;
	else if (strcmp(kind, "pct_less") == 0 && strcmp(col, "rr") == 0)
		x = 1 - x / 100;
	else if (strcmp(kind, "diff") == 0 && strcmp(col, "rd") == 0)
		x /= 100;
	else
		return 0;
	for (size_t i = 0; i < k->c->n; i++)
		if (strcmp(k->c->r[i].name, r->f[k->gi]) == 0) {
			k->c->r[i].claim = x;
			free(k->c->r[i].claim_text);
			k->c->r[i].claim_text = xstrdup(r->f[k->pi]);
		}
	return 0;
}

/* ---- scales --------------------------------------------------------------- */

/* Whether the column is a ratio, drawn on a log axis. */
static int is_ratio(const char *col)
{
	return strcmp(col, "rd") != 0 && strcmp(col, "rate") != 0;
}

/* A number for a label: three significant digits, trailing zeros kept
 * ("1.40"), inf and nan spelled so. */
static const char *short_num(char *buf, double x)
{
	if (isnan(x))
		return strcpy(buf, "nan");
	if (isinf(x))
		return strcpy(buf, x > 0 ? "inf" : "-inf");
	if (x == 0)
		return strcpy(buf, "0");
	snprintf(buf, 32, fabs(x) >= 1e5 || fabs(x) < 1e-3 ? "%.2e" : "%#.3g", x);
	size_t n = strlen(buf);
	if (n && buf[n - 1] == '.')
		buf[n - 1] = '\0';
	return buf;
}

/* Ticks for a log axis from a to b: the coarsest of a few ladders of
 * mantissas that gives at least four. */
static void log_tics(FILE *fp, double a, double b)
{
	static const double L1[] = {1, 2, 5}, L2[] = {1, 1.5, 2, 3, 5, 7},
		L3[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8},
		L4[] = {1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.2, 2.4, 2.6,
			2.8, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9};
	const double *lad[] = {L1, L2, L3, L4};
	const size_t len[] = {3, 6, 10, 24};
	for (size_t l = 0; l < 4; l++) {
		int count = 0;
		for (int e = (int)floor(log10(a)) - 1; e <= (int)ceil(log10(b)); e++)
			for (size_t i = 0; i < len[l]; i++) {
				double t = lad[l][i] * pow(10, e);
				count += t >= a && t <= b;
			}
		if (count < 4 && l < 3)
			continue;
		fputs("set xtics (", fp);
		int first = 1;
		for (int e = (int)floor(log10(a)) - 1; e <= (int)ceil(log10(b)); e++)
			for (size_t i = 0; i < len[l]; i++) {
				double t = lad[l][i] * pow(10, e);
				char buf[32];
				if (t >= a && t <= b) {
					fprintf(fp, "%s\"%s\" %.17g", first ? "" : ", ",
						short_num(buf, t), t);
					first = 0;
				}
			}
		fputs(") nomirror\n", fp);
		return;
	}
}

/* The axis range: every finite bound and estimate, and the null value,
 * with a margin; a log axis only over positive values. */
static void axis_range(const struct chart *c, double null, int log, double *a, double *b)
{
	double lo = null, hi = null;
	for (size_t i = 0; i < c->n; i++) {
		const struct row *r = &c->r[i];
		double v[4] = {r->e, r->lo, r->hi, r->claim};
		for (int k = 0; k < 4; k++)
			if (isfinite(v[k]) && (!log || v[k] > 0)) {
				lo = v[k] < lo ? v[k] : lo;
				hi = v[k] > hi ? v[k] : hi;
			}
	}
	if (log) {
		double m = pow(hi / lo, 0.08);
		if (m < 1.02)
			m = 1.02;
		*a = lo / m, *b = hi * m;
	} else {
		double m = (hi - lo) * 0.08;
		if (m == 0)
			m = fabs(hi) > 0 ? fabs(hi) * 0.1 : 1;
		*a = lo - m, *b = hi + m;
		if (c->kind == RATES && lo >= 0)
			*a = 0;
	}
}

