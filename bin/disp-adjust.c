/*
 * disp-adjust - p-values adjusted for multiple comparisons, appended to
 * any CSV.
 *
 * The adjustment of a family needs all its p-values, so the rows are kept
 * until the input ends (memory follows the number of rows, unlike the
 * other filters: a table of tests is short).  Empty p cells (the reference
 * row of disp-rate) and nan are not tests: they pass through and do not
 * count.
 */
#include "csvin.h"
#include "err.h"
#include "hash.h"
#include "methodopt.h"
#include "num.h"
#include "opts.h"
#include "writer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { O_NAME = 256, O_GROUP_BY, O_METHODS };

static const opt_def OPTS[] = {
	{"p", 'p', "COL", "the p-value column (default: p)"},
	{"method", 'm', "M", "the adjustment (default: holm)"},
	{"name", O_NAME, "NAME", "the name of the added column (default: p_adj)"},
	{"group-by", O_GROUP_BY, "COLS", "adjust within each family of rows with the same\n"
					 "values of these columns (comma-separated)"},
	{"methods", O_METHODS, NULL, "list every method with its citation, as CSV"},
	{NULL, 0, NULL, NULL}};

/* The one kind of method this filter has, chosen here with -m. */
static const dsp_kind *adjust_kind(void)
{
	return dsp_kind_find("--adjust", 0);
}

static void kinds(dsp_kind k[2])
{
	k[0] = *adjust_kind();
	k[0].option = "--method";
	k[1] = (dsp_kind){0};
}

static void help(FILE *fp)
{
	dsp_kind k[2];
	kinds(k);
	mo_help_kinds(fp, k);
}

static const opt_spec SPEC = {
	"[-p COL] [-m METHOD] [--group-by COLS] [FILE]...",
	"Adds a column of p-values adjusted for multiple comparisons (as R's\n"
	"p.adjust) to a CSV table; empty p cells pass through and do not count.\n",
	OPTS, OPT_DELIM | OPT_DIGITS | OPT_PRETTY, help};

struct opts {
	const char *pcol, *method, *name;
	char *groupby;
};

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	switch (key) {
	case 'p': o->pcol = arg; break;
	case 'm': o->method = arg; break;
	case O_NAME: o->name = arg; break;
	case O_GROUP_BY: o->groupby = arg; break;
	case O_METHODS: {
		dsp_kind k[2];
		kinds(k);
		mo_list_kinds(stdout, k);
		opt_close_stdout();
		err_exit(0);
	}
	}
}

struct table {
	const struct opts *o;
	size_t pi, ng, *gi;       /* p column, family columns */
	char **head;              /* the header */
	size_t nf;
	char ***rows;             /* every row's fields */
	double *p;                /* its p (NaN: not a test) */
	char *empty;              /* its p cell is empty */
	size_t *family;
	size_t n, cap;
	ht *families;
	char **fkeys;             /* each family's key */
	size_t nfam;
};

static int on_header(void *ctx, const csvin_row *h)
{
	struct table *t = ctx;
	if (h->nf == 0)
		err_data(h->file, 1, NULL, "no header row (empty input)", NULL);
	t->pi = csvin_column(h, t->o->pcol);
	if (csvin_find(h, t->o->name) >= 0)
		err_data(h->file, 1, t->o->name, "is already a column (choose another "
			 "with --name)", NULL);
	t->nf = h->nf;
	t->head = xmalloc(h->nf * sizeof *t->head);
	for (size_t i = 0; i < h->nf; i++)
		t->head[i] = xstrdup(h->f[i]);
	if (t->o->groupby) {
		char *list = xstrdup(t->o->groupby);
		t->gi = xmalloc((strlen(list) + 1) * sizeof *t->gi);
		for (char *c = strtok(list, ","); c; c = strtok(NULL, ","))
			t->gi[t->ng++] = csvin_column(h, c);
		free(list);
	}
	t->families = ht_new();
	return 0;
}

/* The family of row r: its values of the --group-by columns, each
 * preceded by its length so that no two keys run together. */
static size_t family_of(struct table *t, const csvin_row *r)
{
	size_t len = 0;
	for (size_t i = 0; i < t->ng; i++)
		len += sizeof(size_t) + r->len[t->gi[i]];
	char *key = xmalloc(len ? len : 1), *k = key;
	for (size_t i = 0; i < t->ng; i++) {
		memcpy(k, &r->len[t->gi[i]], sizeof(size_t));
		memcpy(k + sizeof(size_t), r->f[t->gi[i]], r->len[t->gi[i]]);
		k += sizeof(size_t) + r->len[t->gi[i]];
	}
	size_t f = ht_find(t->families, key, len);
	if (f != HT_NONE) {
		free(key);
		return f;
	}
	t->fkeys = xrealloc(t->fkeys, (t->nfam + 1) * sizeof *t->fkeys);
	t->fkeys[t->nfam] = key;
	ht_put(t->families, key, len, t->nfam);
	return t->nfam++;
}

static int on_row(void *ctx, const csvin_row *r)
{
	struct table *t = ctx;
	double p;
	int kind = num_cell(r->f[t->pi], &p);
	if (kind == NUM_BAD || (kind == NUM_OK && !isnan(p) && !(p >= 0 && p <= 1)))
		err_data(r->file, r->line, t->o->pcol, "not a p-value (a number in "
			 "[0, 1], nan, or empty)", r->f[t->pi]);
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->rows = xrealloc(t->rows, t->cap * sizeof *t->rows);
		t->p = xrealloc(t->p, t->cap * sizeof *t->p);
		t->family = xrealloc(t->family, t->cap * sizeof *t->family);
		t->empty = xrealloc(t->empty, t->cap);
	}
	t->rows[t->n] = xmalloc(r->nf * sizeof **t->rows);
	for (size_t i = 0; i < r->nf; i++)
		t->rows[t->n][i] = xstrdup(r->f[i]);
	t->p[t->n] = kind == NUM_OK ? p : NAN;
	t->empty[t->n] = kind == NUM_EMPTY;
	t->family[t->n] = family_of(t, r);
	t->n++;
	return 0;
}

/* Each family's tests adjusted together; q[i] NaN where row i is none. */
static double *adjusted(const struct table *t, const dsp_kind *k, const dsp_method *m)
{
	double *q = xmalloc((t->n ? t->n : 1) * sizeof *q);
	double *p = xmalloc((t->n ? t->n : 1) * sizeof *p);
	double *a = xmalloc((t->n ? t->n : 1) * sizeof *a);
	size_t *at = xmalloc((t->n ? t->n : 1) * sizeof *at);
	for (size_t i = 0; i < t->n; i++)
		q[i] = NAN;
	for (size_t f = 0; f < t->nfam; f++) {
		size_t n = 0;
		for (size_t i = 0; i < t->n; i++)
			if (t->family[i] == f && !isnan(t->p[i]))
				at[n] = i, p[n++] = t->p[i];
		mo_check(m->fn.adjust(n, p, a), k, m, "family", "");
		for (size_t j = 0; j < n; j++)
			q[at[j]] = a[j];
	}
	free(p), free(a), free(at);
	return q;
}

int main(int argc, char **argv)
{
	struct opts o = {.pcol = "p", .name = "p_adj"};
	opt_common oc;
	err_init("disp-adjust");
	int first = opt_parse(argc, argv, &SPEC, &oc, on_opt, &o);
	dsp_kind kk[2];
	kinds(kk);
	const dsp_kind *k = &kk[0];
	const dsp_method *m = mo_pick(k, o.method);
	struct table t = {.o = &o};
	csvin_read(argv + first, argc - first, oc.delim, on_header, on_row, &t);
	double *q = adjusted(&t, k, m);

	wr_col *cols = xmalloc((t.nf + 1) * sizeof *cols);
	for (size_t i = 0; i < t.nf; i++)
		cols[i] = (wr_col){t.head[i], i == t.pi ? WR_NUM : WR_TEXT};
	cols[t.nf] = (wr_col){o.name, WR_NUM};
	wr_opts wo = {oc.delim, oc.pretty, oc.digits};
	wr_table *w = wr_begin(stdout, &wo, cols, t.nf + 1);
	for (size_t i = 0; i < t.n; i++) {
		for (size_t f = 0; f < t.nf; f++) {
			wr_str(w, t.rows[i][f]);
			free(t.rows[i][f]);
		}
		/* Empty stays empty (not a test); nan stays nan. */
		if (t.empty[i])
			wr_empty(w);
		else
			wr_num(w, q[i]);
		free(t.rows[i]);
		wr_end_row(w);
	}
	wr_finish(w);
	for (size_t i = 0; i < t.nf; i++)
		free(t.head[i]);
	for (size_t f = 0; f < t.nfam; f++)
		free(t.fkeys[f]);
	free(t.head), free(t.rows), free(t.p), free(t.family), free(t.fkeys), free(t.gi);
	free(t.empty);
	free(cols), free(q);
	ht_free(t.families);
	opt_close_stdout();
	return 0;
}
