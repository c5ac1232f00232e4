/*
 * counts.c - reading and keeping counts by group (see counts.h).
 */
#include "counts.h"
#include "err.h"
#include "num.h"

#include <stdlib.h>
#include <string.h>

#define COUNT_MAX (INT64_C(1) << 53)   /* doubles hold integers exactly */

static int64_t *xcalloc_counts(size_t n)
{
	int64_t *c = xmalloc(n * sizeof *c);
	memset(c, 0, n * sizeof *c);
	return c;
}

static int64_t max_count(const counts_table *t)
{
	return t->max_count ? t->max_count : COUNT_MAX;
}

void counts_bind(counts_table *t, const csvin_row *h)
{
	t->ki = xmalloc(t->nkey * sizeof *t->ki);
	t->keyname = xmalloc(t->nkey * sizeof *t->keyname);
	for (size_t i = 0; i < t->nkey; i++) {
		t->ki[i] = t->keycols && t->keycols[i] ? csvin_column(h, t->keycols[i]) : 0;
		t->keyname[i] = xstrdup(h->f[t->ki[i]]);
	}
	t->index = ht_new();
}

/* The key of row r as one byte string in t->scratch: each field's length,
 * then its bytes, so that ("ab","c") and ("a","bc") differ. */
static size_t key_of(counts_table *t, const csvin_row *r)
{
	size_t n = 0;
	for (size_t i = 0; i < t->nkey; i++)
		n += sizeof(size_t) + r->len[t->ki[i]];
	if (n > t->scap)
		t->scratch = xrealloc(t->scratch, t->scap = 2 * n);
	n = 0;
	for (size_t i = 0; i < t->nkey; i++) {
		size_t len = r->len[t->ki[i]];
		memcpy(t->scratch + n, &len, sizeof len);
		memcpy(t->scratch + n + sizeof len, r->f[t->ki[i]], len);
		n += sizeof len + len;
	}
	return n;
}

counts_group *counts_group_for(counts_table *t, const csvin_row *r)
{
	size_t n = key_of(t, r);
	return counts_group_packed(t, t->scratch, n, r->file, r->line);
}

counts_group *counts_find_packed(const counts_table *t, const char *key, size_t n)
{
	size_t at = ht_find(t->index, key, n);
	return at == HT_NONE ? NULL : &t->g[at];
}

counts_group *counts_group_packed(counts_table *t, const char *key, size_t n,
				  const char *file, long line)
{
	size_t at = ht_find(t->index, key, n);
	if (at != HT_NONE)
		return &t->g[at];
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->g = xrealloc(t->g, t->cap * sizeof *t->g);
	}
	counts_group *g = &t->g[t->n];
	*g = (counts_group){0};
	g->key = xmalloc(t->nkey * sizeof *g->key);
	g->klen = xmalloc(t->nkey * sizeof *g->klen);
	/* Its own allocation, which stays put when t->g moves. */
	g->packed = memcpy(xmalloc(n), key, n);
	for (size_t i = 0, o = 0; i < t->nkey; i++) {
		memcpy(&g->klen[i], g->packed + o, sizeof(size_t));
		o += sizeof(size_t);
		g->key[i] = xmalloc(g->klen[i] + 1);
		memcpy(g->key[i], g->packed + o, g->klen[i]);
		g->key[i][g->klen[i]] = '\0';
		o += g->klen[i];
	}
	if (t->ncount)
		g->count = xcalloc_counts(t->ncount);
	g->file = file;   /* csvin keeps file names for the whole read */
	g->line = line;
	g->plen = n;
	ht_put(t->index, g->packed, n, t->n);
	return &t->g[t->n++];
}

void counts_add(const counts_table *t, int64_t *sum, int64_t v,
		const csvin_row *r, const char *col, const char *text)
{
	if (__builtin_add_overflow(*sum, v, sum) || *sum > max_count(t))
		err_data(r->file, r->line, col, max_count(t) == INT64_MAX ?
			 "count overflow: the group's sum passes 2^63-1" :
			 "count overflow: the group's sum passes 2^53", text);
}

int64_t counts_parse(const counts_table *t, const csvin_row *r, size_t i,
		     const char *col)
{
	int64_t v;
	const char *why = num_count(r->f[i], max_count(t), &v);
	if (why)
		err_data(r->file, r->line, col, why, r->f[i]);
	return v;
}

/* State of counts_read() while rows arrive. */
static int on_header(void *ctx, const csvin_row *h)
{
	counts_table *t = ctx;
	if (h->nf == 0)
		err_data(h->file, 1, NULL, "no header row (empty input)", NULL);
	counts_bind(t, h);
	long e = csvin_find(h, t->events);
	t->has_events = e >= 0;
	if (!t->has_events && !(t->merge && t->events_optional))
		csvin_column(h, t->events);   /* exits naming the columns */
	t->ei = (size_t)(e >= 0 ? e : 0);
	t->ti = csvin_column(h, t->exposure ? t->exposure : t->total);
	return 0;
}

static const char *key_text(const counts_table *t, const csvin_row *r);

static void repeated(const counts_table *t, const counts_group *g,
		     const csvin_row *r)
{
	char msg[768], what[300] = "group";
	const char *merge = t->ncount ? "disp-count --merge -f" : "disp-count --merge";
	if (t->nkey > 1)   /* a group with other key columns (strata) */
		snprintf(what, sizeof what, "key '%s'", key_text(t, r));
	if (g->file == r->file || strcmp(g->file, r->file) == 0)
		snprintf(msg, sizeof msg, "%s appears twice (first on line %ld; "
			 "sum the rows with %s)", what, g->line, merge);
	else
		snprintf(msg, sizeof msg, "%s appears twice (first in %s, line "
			 "%ld; sum the rows with %s)", what, err_show(g->file), g->line, merge);
	err_data(r->file, r->line, t->keyname[0], msg, r->f[t->ki[0]]);
}

static int on_row(void *ctx, const csvin_row *r)
{
	counts_table *t = ctx;
	const char *ecol = t->events;
	int64_t ev = t->has_events ? counts_parse(t, r, t->ei, ecol) : 0, n = 0;
	double x = 0;
	if (t->exposure) {
		if (num_parse_double(r->f[t->ti], &x) || !(x > 0))
			err_data(r->file, r->line, t->exposure,
				 "exposure must be a positive number", r->f[t->ti]);
	} else {
		n = counts_parse(t, r, t->ti, t->total);
		if (ev > n)
			err_data(r->file, r->line, ecol, "events exceed total", r->f[t->ei]);
	}
	size_t before = t->n;
	counts_group *g = counts_group_for(t, r);
	if (t->n == before && !t->merge)
		repeated(t, g, r);
	if (t->exposure) {
		/* The text is echoed as read; a sum of several has none. */
		free(g->exposure_text);
		g->exposure_text = t->n > before ? xstrdup(r->f[t->ti]) : NULL;
		g->exposure += x;
	}
	counts_add(t, &g->events, ev, r, ecol, r->f[t->ei]);
	counts_add(t, &g->total, n, r, t->total, r->f[t->ti]);
	return 0;
}

/* Several count columns per group (t->ncount > 0). */
static int on_header_counts(void *ctx, const csvin_row *h)
{
	counts_table *t = ctx;
	if (h->nf == 0)
		err_data(h->file, 1, NULL, "no header row (empty input)", NULL);
	counts_bind(t, h);
	t->ci = xmalloc(t->ncount * sizeof *t->ci);
	t->cv = xmalloc(t->ncount * sizeof *t->cv);
	for (size_t j = 0; j < t->ncount; j++)
		t->ci[j] = csvin_column(h, t->countcols[j]);
	return 0;
}

/* Row r's key for a message: its fields, joined by ", " when several. */
static const char *key_text(const counts_table *t, const csvin_row *r)
{
	static char buf[256];
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < t->nkey && n < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? ", " : "",
				      err_show(r->f[t->ki[i]]));
	return buf;
}

static int on_row_counts(void *ctx, const csvin_row *r)
{
	counts_table *t = ctx;
	int64_t *v = t->cv;
	for (size_t j = 0; j < t->ncount; j++)
		v[j] = counts_parse(t, r, t->ci[j], t->countcols[j]);
	for (size_t j = 0; t->within && j < t->ncount; j++) {
		long b = t->within[j];
		if (b < 0 || v[j] <= v[b])
			continue;
		char msg[640];
		snprintf(msg, sizeof msg, "group '%s' has %lld here, more than the %lld "
			 "at '%s', the stage it comes from (stages are nested)", key_text(t, r),
			 (long long)v[j], (long long)v[b], err_show(t->countcols[b]));
		err_data(r->file, r->line, t->countcols[j], msg, r->f[t->ci[j]]);
	}
	size_t before = t->n;
	counts_group *g = counts_group_for(t, r);
	if (t->n == before && !t->merge)
		repeated(t, g, r);
	for (size_t j = 0; j < t->ncount; j++)
		counts_add(t, &g->count[j], v[j], r, t->countcols[j], r->f[t->ci[j]]);
	return 0;
}

void counts_read(counts_table *t, char *const *files, int nfiles, char delim)
{
	if (t->ncount)
		csvin_read(files, nfiles, delim, on_header_counts, on_row_counts, t);
	else
		csvin_read(files, nfiles, delim, on_header, on_row, t);
}

/* counts_read_each(): the hooks around the counts layer's own callbacks. */
struct each {
	counts_table *t;
	void (*header)(void *, const csvin_row *);
	void (*each)(void *, const csvin_row *, size_t);
	void *ctx;
};

static int each_header(void *ctx, const csvin_row *h)
{
	struct each *e = ctx;
	on_header(e->t, h);
	if (e->header)
		e->header(e->ctx, h);
	return 0;
}

static int each_row(void *ctx, const csvin_row *r)
{
	struct each *e = ctx;
	on_row(e->t, r);
	if (e->each)   /* the row's group, found again by its key */
		e->each(e->ctx, r, (size_t)(counts_group_for(e->t, r) - e->t->g));
	return 0;
}

void counts_read_each(counts_table *t, char *const *files, int nfiles, char delim,
		      void (*header)(void *ctx, const csvin_row *h),
		      void (*each)(void *ctx, const csvin_row *r, size_t i),
		      void *ctx)
{
	struct each e = {t, header, each, ctx};
	csvin_read(files, nfiles, delim, each_header, each_row, &e);
}

long counts_find(const counts_table *t, const char *name)
{
	size_t n = strlen(name);
	/* The packed key of a one-column key: its length, then its bytes. */
	char *key = xmalloc(sizeof n + n);
	memcpy(key, &n, sizeof n);
	memcpy(key + sizeof n, name, n);
	size_t at = t->index ? ht_find(t->index, key, sizeof n + n) : HT_NONE;
	free(key);
	return at == HT_NONE ? -1 : (long)at;
}

/* A name folded for "did you mean": ASCII letters in lower case, spaces
 * and tabs left out. */
static void fold(char *dst, const char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t')
			continue;
		dst[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	dst[o] = '\0';
}

size_t counts_ref(const counts_table *t, const char *ref)
{
	if (!ref) {
		size_t best = 0;
		for (size_t i = 1; i < t->n; i++)
			if (t->ncount ? t->g[i].count[0] > t->g[best].count[0] :
			    t->exposure ? t->g[i].exposure > t->g[best].exposure :
			    t->g[i].total > t->g[best].total)
				best = i;
		return best;
	}
	size_t rl = strlen(ref);
	for (size_t i = 0; i < t->n; i++)
		if (t->g[i].klen[0] == rl && memcmp(t->g[i].key[0], ref, rl) == 0)
			return i;
	char *want = xmalloc(rl + 1), *got = NULL;
	fold(want, ref, rl);
	const char *near = NULL;
	for (size_t i = 0; i < t->n && !near; i++) {
		got = xrealloc(got, t->g[i].klen[0] + 1);
		fold(got, t->g[i].key[0], t->g[i].klen[0]);
		if (strcmp(got, want) == 0)
			near = t->g[i].key[0];
	}
	fprintf(stderr, "%s: reference group '%s' not found", err_prog, err_show(ref));
	if (near)
		fprintf(stderr, "; did you mean '%s'?", err_show(near));
	fputs(" (groups: ", stderr);
	for (size_t i = 0; i < t->n && i < 20; i++)
		fprintf(stderr, "%s%s", i ? ", " : "",
			err_show_n(t->g[i].key[0], t->g[i].klen[0]));
	fprintf(stderr, t->n > 20 ? ", ... %zu in all)\n" : ")\n", t->n);
	free(want);
	free(got);
	err_exit(EX_DATA);
}

static size_t sort_nkey;
static int cmp_groups(const void *pa, const void *pb)
{
	const counts_group *a = pa, *b = pb;
	for (size_t i = 0; i < sort_nkey; i++) {
		size_t n = a->klen[i] < b->klen[i] ? a->klen[i] : b->klen[i];
		int d = memcmp(a->key[i], b->key[i], n);
		if (d)
			return d;
		if (a->klen[i] != b->klen[i])
			return a->klen[i] < b->klen[i] ? -1 : 1;
	}
	return 0;
}

void counts_sort(counts_table *t)
{
	sort_nkey = t->nkey;
	if (t->n > 1)
		qsort(t->g, t->n, sizeof *t->g, cmp_groups);
	/* The hash table's indexes are stale now; nothing looks up after. */
	ht_free(t->index);
	t->index = NULL;
}

void counts_free(counts_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		for (size_t k = 0; k < t->nkey; k++)
			free(t->g[i].key[k]);
		free(t->g[i].key);
		free(t->g[i].klen);
		free(t->g[i].exposure_text);
		free(t->g[i].packed);
		free(t->g[i].count);
	}
	free(t->g);
	for (size_t k = 0; t->keyname && k < t->nkey; k++)
		free(t->keyname[k]);
	free(t->keyname);
	free(t->ki);
	free(t->ci);
	free(t->cv);
	free(t->scratch);
	ht_free(t->index);
}
