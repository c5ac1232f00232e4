/*
 * ledger.c - the row ledger disp-count writes, and the check --merge makes
 * of it (see ledger.h).
 */
#include "ledger.h"
#include "csvin.h"
#include "err.h"
#include "hash.h"
#include "num.h"
#include "writer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void on_exit_write(int code, void *ctx)
{
	ledger_finish(ctx, code);
}

void ledger_open(ledger *lg, const char *path, int has_events)
{
	*lg = (ledger){.path = path, .has_events = has_events, .reading = 1};
	lg->fp = fopen(path, "w");
	if (!lg->fp)
		err_die(EX_IOERR_, "%s: %s", err_show(path), strerror(errno));
	err_on_exit(on_exit_write, lg);
}

static void add(int64_t *sum, int64_t v, const ledger_line *ln, const char *what)
{
	if (__builtin_add_overflow(*sum, v, sum))
		err_die(EX_DATA, "%s: the ledger's %s of the input passes 2^63-1",
			err_show(ln->input), what);
}

void ledger_add(ledger *lg, const char *input, int64_t rows, int64_t counted,
		int64_t total, int64_t events)
{
	ledger_line *ln = lg->n ? &lg->l[lg->n - 1] : NULL;
	if (!ln || (ln->input != input && strcmp(ln->input, input))) {
		if (lg->n == lg->cap) {
			lg->cap = lg->cap ? 2 * lg->cap : 8;
			lg->l = xrealloc(lg->l, lg->cap * sizeof *lg->l);
		}
		ln = &lg->l[lg->n++];
		*ln = (ledger_line){.input = xstrdup(input)};
	}
	add(&ln->rows, rows, ln, "rows");
	add(&ln->counted, counted, ln, "counted rows");
	add(&ln->total, total, ln, "total");
	add(&ln->events, events, ln, "events");
}

void ledger_done(ledger *lg)
{
	lg->reading = 0;
}

void ledger_finish(ledger *lg, int code)
{
	err_on_exit(NULL, NULL);
	if (!lg->fp)
		return;
	/* The record that stopped the run was read but not counted. */
	if (code == EX_DATA && lg->reading && lg->n) {
		lg->l[lg->n - 1].rejected = 1;
		lg->l[lg->n - 1].rows++;
	}
	static const wr_col cols[] = {
		{"input", WR_TEXT}, {"rows", WR_NUM}, {"counted", WR_NUM},
		{"rejected", WR_NUM}, {"events", WR_NUM}, {"total", WR_NUM},
		{"exit", WR_NUM}};
	wr_opts wo = {',', 0, 6};
	FILE *fp = lg->fp;
	lg->fp = NULL;
	wr_table *w = wr_begin(fp, &wo, cols, sizeof cols / sizeof *cols);
	for (size_t i = 0; i < lg->n; i++) {
		const ledger_line *ln = &lg->l[i];
		wr_str(w, ln->input);
		wr_int(w, ln->rows);
		wr_int(w, ln->counted);
		wr_int(w, ln->rejected);
		if (lg->has_events)
			wr_int(w, ln->events);
		else
			wr_empty(w);
		wr_int(w, ln->total);
		wr_int(w, code);
		wr_end_row(w);
	}
	wr_finish(w);
	int bad = ferror(fp) | (fflush(fp) != 0);
	bad |= fclose(fp) != 0;
	if (bad)
		err_die(EX_IOERR_, "%s: write error: %s", err_show(lg->path),
			strerror(errno ? errno : EIO));
}

void ledger_free(ledger *lg)
{
	for (size_t i = 0; i < lg->n; i++)
		free(lg->l[i].input);
	free(lg->l);
	lg->l = NULL;
	lg->n = lg->cap = 0;
}

void ledger_sum_add(ledger_sum *s, int64_t v)
{
	uint64_t lo = s->lo + (uint64_t)v;
	s->hi += lo < s->lo;
	s->lo = lo;
}

static int sum_cmp(ledger_sum a, ledger_sum b)
{
	if (a.hi != b.hi)
		return a.hi < b.hi ? -1 : 1;
	return a.lo < b.lo ? -1 : a.lo > b.lo;
}

/* The sum in decimal: long division of its four 32-bit limbs by 10. */
static const char *sum_str(char buf[48], ledger_sum s)
{
	uint32_t limb[4] = {(uint32_t)(s.hi >> 32), (uint32_t)s.hi,
			    (uint32_t)(s.lo >> 32), (uint32_t)s.lo};
	char *p = buf + 47;
	*p = '\0';
	do {
		uint64_t rem = 0;
		int nonzero = 0;
		for (int i = 0; i < 4; i++) {
			uint64_t cur = (rem << 32) | limb[i];
			limb[i] = (uint32_t)(cur / 10);
			rem = cur % 10;
			nonzero |= limb[i] != 0;
		}
		*--p = (char)('0' + rem);
		if (!nonzero)
			break;
	} while (1);
	return p;
}

/* The state of the check while the ledgers are read. */
struct check {
	size_t problems;
	ledger_sum total, events;
	size_t lines, with_events;
	ht *seen;                 /* input name -> index into the arrays */
	char **name;              /* each input's first line: its name, */
	const char **file;        /* ledger file */
	long *line;               /* and line there */
	size_t n, cap;
};

enum { L_INPUT, L_ROWS, L_COUNTED, L_REJECTED, L_EVENTS, L_TOTAL, L_EXIT, L_NCOL };

static int on_ledger_header(void *ctx, const csvin_row *h)
{
	(void)ctx;
	static const char *want[L_NCOL] = {"input", "rows", "counted", "rejected",
					   "events", "total", "exit"};
	int ok = h->nf == L_NCOL;
	for (size_t i = 0; ok && i < L_NCOL; i++)
		ok = strcmp(h->f[i], want[i]) == 0;
	if (!ok)
		err_data(h->file, h->line, NULL, h->nf ? "not a disp-count ledger (its "
			 "header is not " LEDGER_HEADER ")" : "not a disp-count ledger "
			 "(empty: was its run killed?)", NULL);
	return 0;
}

static int64_t field(const csvin_row *r, int i, const char *col)
{
	int64_t v;
	const char *why = num_count(r->f[i], INT64_MAX, &v);
	if (why)
		err_data(r->file, r->line, col, why, r->f[i]);
	return v;
}

/* One line that does not add up: "LEDGER:LINE: input 'NAME': WHY". */
static void problem(struct check *c, const csvin_row *r, const char *why)
{
	fprintf(stderr, "%s: %s:%ld: input '%s': %s\n", err_prog, err_show(r->file),
		r->line, err_show(r->f[L_INPUT]), why);
	c->problems++;
}

static int on_ledger_row(void *ctx, const csvin_row *r)
{
	struct check *c = ctx;
	int64_t rows = field(r, L_ROWS, "rows"), counted = field(r, L_COUNTED, "counted");
	int64_t rejected = field(r, L_REJECTED, "rejected"), total = field(r, L_TOTAL, "total");
	int64_t code;
	if (num_count(r->f[L_EXIT], 255, &code))
		err_data(r->file, r->line, "exit", "not an exit status (0 to 255)",
			 r->f[L_EXIT]);
	c->lines++;
	if (*r->f[L_EVENTS]) {
		ledger_sum_add(&c->events, field(r, L_EVENTS, "events"));
		c->with_events++;
	}
	ledger_sum_add(&c->total, total);

	char why[160];
	if (code)
		snprintf(why, sizeof why, "its run failed (exit %lld): its shard's "
			 "counts are missing or partial", (long long)code);
	else if (rejected)
		snprintf(why, sizeof why, "%lld rows rejected", (long long)rejected);
	else if (counted != rows)
		snprintf(why, sizeof why, "%lld of %lld rows counted",
			 (long long)counted, (long long)rows);
	if (code || rejected || counted != rows)
		problem(c, r, why);

	/* The same input in two lines: a shard counted twice.  Every piped
	 * shard is "stdin", so those cannot be told apart. */
	const char *name = r->f[L_INPUT];
	if (strcmp(name, "stdin") == 0)
		return 0;
	size_t at = ht_find(c->seen, name, r->len[L_INPUT]);
	if (at != HT_NONE) {
		fprintf(stderr, "%s: %s:%ld: input '%s' is also at %s:%ld: a shard "
			"counted twice\n", err_prog, err_show(r->file), r->line,
			err_show(name), err_show(c->file[at]), c->line[at]);
		c->problems++;
		return 0;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->name = xrealloc(c->name, c->cap * sizeof *c->name);
		c->file = xrealloc(c->file, c->cap * sizeof *c->file);
		c->line = xrealloc(c->line, c->cap * sizeof *c->line);
	}
	c->name[c->n] = xstrdup(name);
	c->file[c->n] = r->file;
	c->line[c->n] = r->line;
	ht_put(c->seen, c->name[c->n], r->len[L_INPUT], c->n);
	c->n++;
	return 0;
}

/* "ledger a.csv" or "ledgers a.csv, b.csv and 3 more". */
static void name_ledgers(char *const *paths, size_t n)
{
	fprintf(stderr, "%s ", n == 1 ? "ledger" : "ledgers");
	for (size_t i = 0; i < n && i < 3; i++)
		fprintf(stderr, "%s%s", i ? ", " : "", err_show(paths[i]));
	if (n > 3)
		fprintf(stderr, " and %zu more", n - 3);
}

static void compare(struct check *c, char *const *paths, size_t n,
		    const char *what, ledger_sum ledgers, ledger_sum counts)
{
	int cmp = sum_cmp(ledgers, counts);
	if (cmp == 0)
		return;
	char a[48], b[48];
	fprintf(stderr, "%s: ", err_prog);
	name_ledgers(paths, n);
	fprintf(stderr, ": %s %s, the counts' %s %s: %s\n", what, sum_str(a, ledgers),
		what, sum_str(b, counts), cmp > 0 ? "a shard's counts are missing or short" :
		"the counts hold more than the ledgers account for (a shard's "
		"counts given twice, or a shard without its ledger)");
	c->problems++;
}

size_t ledger_check(char *const *paths, size_t n, ledger_sum total,
		    int has_events, ledger_sum events)
{
	struct check c = {0};
	c.seen = ht_new();
	for (size_t i = 0; i < n; i++)
		csvin_read(paths + i, 1, ',', on_ledger_header, on_ledger_row, &c);
	compare(&c, paths, n, "total", c.total, total);
	/* Events where both sides have them: with -f there are none. */
	if (has_events && c.lines && c.with_events == c.lines)
		compare(&c, paths, n, "events", c.events, events);
	for (size_t i = 0; i < c.n; i++)
		free(c.name[i]);
	free(c.name);
	free(c.file);
	free(c.line);
	ht_free(c.seen);
	return c.problems;
}
