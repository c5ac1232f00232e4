/*
 * disp-count - record-level rows -> events and totals per group.
 *
 * One pass over the input into the counts layer's table, keyed by the group
 * values, so memory follows the number of groups.  With --merge the input
 * is itself a counts table and rows with the same key are summed: counting
 * a file then equals merging the counts of any split of it, which lets
 * shards be counted apart and combined.  --ledger writes, per input, what
 * went into the counts, and with --merge checks that shards' counts add up
 * to their ledgers (bin/ledger.c).
 */
#include "counts.h"
#include "err.h"
#include "ledger.h"
#include "num.h"
#include "opts.h"
#include "tally.h"
#include "writer.h"

#include <stdlib.h>
#include <string.h>

enum { O_MERGE = 256, O_ABSENT_OK, O_THREADS, O_LEDGER };

static const opt_def OPTS[] = {
	{"group", 'g', "COLS", "group by these columns (comma-separated)"},
	{"events", 'e', "COL", "a row is an event when COL is 1/true/yes, not when\n"
			       "0/false/no (any case); other values are errors"},
	{"events", 'e', "COL=V", "a row is an event when COL equals V exactly"},
	{"flags", 'f', "COL,COL...", "count, for each COL, the rows where it is 1/true/yes\n"
				     "(0/false/no: not), in a column named COL"},
	{"weight", 'w', "COL", "each row counts COL times (a non-negative integer)"},
	{"merge", O_MERGE, NULL, "input is counts (group columns, [events,] total, or\n"
				 "with -f the COLs [and total]): sum them"},
	{"absent-ok", O_ABSENT_OK, NULL, "with -e COL=V, V may occur in no row"},
	{"threads", O_THREADS, "N", "count on N threads (default: one per core, at\n"
				   "most 8)"},
	{"ledger", O_LEDGER, "FILE", "write each input's rows read, counted and rejected\n"
				     "to FILE (CSV); with --merge, check that the counts\n"
				     "add up to these shards' ledgers (repeatable)"},
	{NULL, 0, NULL, NULL}};

static const opt_spec SPEC = {
	"-g COL[,COL...] [-e COL | -e COL=VALUE | -f COL,COL...] [-w COL] [--merge]\n"
	"       [--ledger FILE]... [FILE]...",
	"Counts rows per group (CSV with a header; stdin when no FILE), writing the\n"
	"group columns, then events (with -e, or --merge of counts with events) or\n"
	"one count per -f column, then total.\n",
	OPTS, OPT_DELIM | OPT_PRETTY, NULL};

struct counter {
	counts_table t;
	tally ty;                 /* the fast reader; also keeps -e COL=V's values */
	char *glist;
	const char *ecol, *evalue, *wcol;
	char *flist;              /* -f: the flag columns, comma-separated */
	int merge, absent_ok, has_total, threads;
	size_t ei, wi, *fi;
	char **ledgers;           /* --ledger: one to write, or with --merge */
	size_t nledger;           /* any number to check */
	ledger lg, *lgp;          /* lgp: the ledger being written, or NULL */
};

static void on_opt(void *ctx, int key, char *arg)
{
	struct counter *c = ctx;
	switch (key) {
	case 'g': c->glist = arg; break;
	case 'e': c->ecol = arg; break;
	case 'f': c->flist = arg; break;
	case 'w': c->wcol = arg; break;
	case O_MERGE: c->merge = 1; break;
	case O_ABSENT_OK: c->absent_ok = 1; break;
	case O_THREADS:
		if (num_parse_int(arg, 1, 64, &c->threads))
			err_usage("--threads: not a number of threads from 1 to 64: '%s'", arg);
		break;
	case O_LEDGER:
		c->ledgers = xrealloc(c->ledgers, (c->nledger + 1) * sizeof *c->ledgers);
		c->ledgers[c->nledger++] = arg;
		break;
	}
}

static int on_header(void *ctx, const csvin_row *h)
{
	struct counter *c = ctx;
	if (h->nf == 0)
		return 0;  /* empty input: no rows will come; write the header */
	counts_bind(&c->t, h);
	if (c->t.ncount) {
		c->fi = xmalloc(c->t.ncount * sizeof *c->fi);
		for (size_t j = 0; j < c->t.ncount; j++)
			c->fi[j] = csvin_column(h, c->t.countcols[j]);
	}
	if (c->merge && c->t.ncount) {
		/* Counts per flag column, and a total if there is one. */
		long ti = csvin_find(h, "total");
		c->has_total = ti >= 0;
		c->t.ti = (size_t)(ti >= 0 ? ti : 0);
	} else if (c->merge) {
		long e = csvin_find(h, "events");
		c->t.has_events = e >= 0;
		c->ei = (size_t)(e >= 0 ? e : 0);
		c->t.ti = csvin_column(h, "total");
	} else {
		c->t.has_events = c->ecol != NULL;
		if (c->ecol)
			c->ei = csvin_column(h, c->ecol);
		if (c->wcol)
			c->wi = csvin_column(h, c->wcol);
		c->ty.ei = c->ecol ? (long)c->ei : -1;
		c->ty.evalue = c->evalue;
		c->ty.evlen = c->evalue ? strlen(c->evalue) : 0;
		c->ty.wi = c->wcol ? (long)c->wi : -1;
		c->ty.fi = c->fi;
	}
	return 0;
}

/* Flag field i (column col) of row r: one of the six spellings. */
static int flag(const csvin_row *r, size_t i, const char *col)
{
	int v = tally_flag(r->f[i], r->len[i]);
	if (v < 0)
		err_data(r->file, r->line, col, "not an event flag (1/0, true/false, yes/no)",
			 r->f[i]);
	return v;
}

/* Whether row r is an event: COL=V compares exactly (and remembers what
 * does occur); a flag must be one of the six spellings. */
static int is_event(struct counter *c, const csvin_row *r)
{
	const char *v = r->f[c->ei];
	if (!c->evalue)
		return flag(r, c->ei, c->ecol);
	if (strcmp(v, c->evalue) == 0 && strlen(c->evalue) == r->len[c->ei])
		return 1;
	tally_note(&c->ty.values, c->evalue, c->ty.evlen, v, r->len[c->ei]);
	return 0;
}

static int on_row(void *ctx, const csvin_row *r)
{
	struct counter *c = ctx;
	counts_table *t = &c->t;
	int64_t ev = 0, n = 1;
	const char *ntext = "1", *etext = "1";
	size_t nf = t->ncount;
	if (c->merge && nf) {
		for (size_t j = 0; j < nf; j++)
			t->cv[j] = counts_parse(t, r, c->fi[j], t->countcols[j]);
		if (c->has_total)
			n = counts_parse(t, r, t->ti, "total"), ntext = r->f[t->ti];
		else
			n = 0;
	} else if (nf) {
		if (c->wcol)
			n = counts_parse(t, r, c->wi, c->wcol), ntext = r->f[c->wi];
		for (size_t j = 0; j < nf; j++)
			t->cv[j] = flag(r, c->fi[j], t->countcols[j]) ? n : 0;
	} else if (c->merge) {
		if (t->has_events)
			ev = counts_parse(t, r, c->ei, "events"), etext = r->f[c->ei];
		n = counts_parse(t, r, t->ti, "total"), ntext = r->f[t->ti];
		if (ev > n)
			err_data(r->file, r->line, "events", "events exceed total",
				 r->f[c->ei]);
	} else {
		if (c->wcol)
			n = counts_parse(t, r, c->wi, c->wcol), ntext = r->f[c->wi];
		if (c->ecol && is_event(c, r))
			ev = n, etext = ntext, c->ty.values.matched++;
	}
	counts_group *g = counts_group_for(t, r);
	for (size_t j = 0; j < nf; j++)
		counts_add(t, &g->count[j], t->cv[j], r, c->merge ? t->countcols[j] : c->wcol,
			   c->merge ? r->f[c->fi[j]] : ntext);
	counts_add(t, &g->events, ev, r, c->merge ? "events" : c->wcol, etext);
	counts_add(t, &g->total, n, r, c->merge ? "total" : c->wcol, ntext);
	if (c->lgp)
		ledger_add(c->lgp, r->file, 1, 1, n, ev);
	return 0;
}

/* Each input's line in the ledger starts before it is opened, so that an
 * error in it is laid at its door. */
static void on_input(void *ctx, const char *name)
{
	struct counter *c = ctx;
	ledger_add(c->lgp, name, 0, 0, 0, 0);
}

/* --merge --ledger: the counts' sums against the shards' ledgers, before
 * anything is written; exit 1 when they do not add up. */
static void check_ledgers(const struct counter *c)
{
	const counts_table *t = &c->t;
	if (!c->has_total)
		err_die(EX_DATA, "--ledger: the counts have no total column to check "
			"the ledgers against");
	ledger_sum total = {0, 0}, events = {0, 0};
	for (size_t i = 0; i < t->n; i++) {
		ledger_sum_add(&total, t->g[i].total);
		ledger_sum_add(&events, t->g[i].events);
	}
	if (ledger_check(c->ledgers, c->nledger, total, !t->ncount && t->has_events,
			 events))
		err_exit(EX_CHECK);
}

/* -e COL=V that matched no row: most often a misspelt value. */
static void never_matched(const struct counter *c)
{
	const tally_values *v = &c->ty.values;
	fprintf(stderr, "%s: -e %s=%s: no row has that value in column '%s'",
		err_prog, err_show(c->ecol), err_show(c->evalue), err_show(c->ecol));
	if (v->caseless)
		fprintf(stderr, "; did you mean '%s'?", err_show(v->caseless));
	if (v->nseen) {
		fputs(" (values seen: ", stderr);
		for (size_t i = 0; i < v->nseen; i++)
			fprintf(stderr, "%s'%s'", i ? ", " : "", err_show(v->seen[i]));
		fputs(v->nseen == TALLY_SEEN ? ", ...)" : ")", stderr);
	}
	fputs("; --absent-ok allows it\n", stderr);
	err_exit(EX_DATA);
}

/* A group whose values are its columns' own names is a header among the
 * rows (files joined with cat): with no count column to reject its words,
 * it would be counted as a group.  Refused, whichever reader counted it. */
static void header_among_rows(const counts_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		size_t j = 0;
		while (j < t->nkey && t->g[i].klen[j] == strlen(t->keycols[j]) &&
		       memcmp(t->g[i].key[j], t->keycols[j], t->g[i].klen[j]) == 0)
			j++;
		if (j < t->nkey)
			continue;
		fprintf(stderr, "%s: a row holds the header's names (", err_prog);
		for (j = 0; j < t->nkey; j++)
			fprintf(stderr, "%s'%s'", j ? ", " : "", err_show(t->keycols[j]));
		fputs(") as its group: the header again among the rows (files joined "
		      "with cat? name them as arguments instead)\n", stderr);
		err_exit(EX_DATA);
	}
}

static void write_counts(const struct counter *c, const opt_common *oc)
{
	const counts_table *t = &c->t;
	size_t nk = t->nkey, nc = 0;
	wr_col *cols = xmalloc((nk + t->ncount + 2) * sizeof *cols);
	for (size_t i = 0; i < nk; i++)
		cols[nc++] = (wr_col){t->keycols[i], WR_TEXT};
	int events = !t->ncount && (c->merge ? t->has_events : c->ecol != NULL);
	if (events)
		cols[nc++] = (wr_col){"events", WR_NUM};
	for (size_t j = 0; j < t->ncount; j++)
		cols[nc++] = (wr_col){t->countcols[j], WR_NUM};
	if (c->has_total)
		cols[nc++] = (wr_col){"total", WR_NUM};
	wr_opts wo = {oc->delim, oc->pretty, 6};
	wr_table *w = wr_begin(stdout, &wo, cols, nc);
	for (size_t i = 0; i < t->n; i++) {
		for (size_t j = 0; j < nk; j++)
			wr_text(w, t->g[i].key[j], t->g[i].klen[j]);
		if (events)
			wr_int(w, t->g[i].events);
		for (size_t j = 0; j < t->ncount; j++)
			wr_int(w, t->g[i].count[j]);
		if (c->has_total)
			wr_int(w, t->g[i].total);
		wr_end_row(w);
	}
	wr_finish(w);
	free(cols);
}

/* Splits a list at commas (a column name with a comma cannot be chosen). */
static const char **split(char *list, size_t *n)
{
	const char **cols = xmalloc((strlen(list) + 1) * sizeof *cols);
	*n = 0;
	for (char *p = list;; p++) {
		cols[(*n)++] = p;
		p += strcspn(p, ",");
		if (!*p)
			break;
		*p = '\0';
	}
	return cols;
}

static int on_body(void *ctx, csvin_body *b)
{
	return tally_body(&((struct counter *)ctx)->ty, b);
}

/*
 * The fast reader when it applies: counting (not --merge), a delimiter it
 * knows, and not turned off.  DISP_COUNT_READER=strict reads with libcsv
 * only and DISP_COUNT_BLOCK=BYTES sets the fast reader's block size: the
 * differential test compares the two on every input, at every block size.
 */
static csvin_body_fn fast_reader(struct counter *c)
{
	const char *r = getenv("DISP_COUNT_READER"), *b = getenv("DISP_COUNT_BLOCK");
	char d = c->ty.delim;
	if (c->merge || d == '"' || d == '\r' || d == '\n' || d == '\0' ||
	    (r && strcmp(r, "strict") == 0))
		return NULL;
	if (b) {
		int64_t v;
		if (num_count(b, 1 << 30, &v) || v < 1)
			err_usage("DISP_COUNT_BLOCK: not a block size from 1 to 2^30 bytes: '%s'", b);
		c->ty.block = (size_t)v;
	}
	return on_body;
}

int main(int argc, char **argv)
{
	struct counter c = {.has_total = 1};
	opt_common oc;
	err_init("disp-count");
	int first = opt_parse(argc, argv, &SPEC, &oc, on_opt, &c);
	if (!c.glist)
		err_usage("-g COL is required");
	if (c.merge && (c.ecol || c.wcol))
		err_usage("--merge reads the events and total columns; -e and -w do not apply");
	if (c.flist && c.ecol)
		err_usage("-e and -f do not go together (-f counts each flag column)");
	char *ecol = NULL;
	if (c.ecol) {
		const char *eq = strchr(c.ecol, '=');
		if (eq) {  /* COL=VALUE: split at the first '=' */
			ecol = xmalloc((size_t)(eq - c.ecol) + 1);
			memcpy(ecol, c.ecol, (size_t)(eq - c.ecol));
			ecol[eq - c.ecol] = '\0';
			c.evalue = eq + 1;
			c.ecol = ecol;
		}
		if (!*c.ecol)
			err_usage("-e needs a column name");
	}
	c.t.keycols = split(c.glist, &c.t.nkey);
	if (c.flist) {
		c.t.countcols = split(c.flist, &c.t.ncount);
		c.t.cv = xmalloc(c.t.ncount * sizeof *c.t.cv);
		for (size_t j = 0; j < c.t.ncount; j++)
			if (!*c.t.countcols[j])
				err_usage("-f: an empty column name");
	}
	if (c.nledger > 1 && !c.merge)
		err_usage("--ledger: one file when counting (several go with --merge)");
	c.t.max_count = INT64_MAX;
	tally_init(&c.ty, &c.t, oc.delim);
	if (c.threads)
		c.ty.threads = c.threads;
	if (c.nledger && !c.merge) {
		ledger_open(&c.lg, c.ledgers[0], c.ecol != NULL);
		c.lgp = c.ty.lg = &c.lg;
	}
	csvin_read_inputs(argv + first, argc - first, oc.delim, c.lgp ? on_input : NULL,
			  on_header, on_row, fast_reader(&c), &c);
	if (c.lgp)
		ledger_done(c.lgp);
	if (c.evalue && c.ty.values.matched == 0 && c.t.n > 0 && !c.absent_ok)
		never_matched(&c);
	if (!c.merge)
		header_among_rows(&c.t);
	if (c.nledger && c.merge)
		check_ledgers(&c);
	counts_sort(&c.t);
	write_counts(&c, &oc);
	tally_values_free(&c.ty.values);
	free((void *)c.t.keycols);
	free((void *)c.t.countcols);
	free(c.fi);
	counts_free(&c.t);
	free(ecol);
	opt_close_stdout();
	if (c.lgp) {
		ledger_finish(c.lgp, 0);
		ledger_free(c.lgp);
	}
	free(c.ledgers);
	return 0;
}
