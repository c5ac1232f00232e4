/*
 * tally.c - disp-count's fast reader (see tally.h): the event-value
 * bookkeeping both readers share, and the reading of an input's body:
 * a regular file in chunks, one part per thread, added up in file order;
 * anything else by tally_stream() or tally_pipe().
 */
#define _DEFAULT_SOURCE   /* sysconf(_SC_NPROCESSORS_ONLN) */
#include "tallypart.h"
#include "err.h"
#include "num.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* s[0..len) equals the string w but for the case of ASCII letters. */
static int caseeq_both(const char *s, size_t len, const char *w)
{
	size_t i = 0;
	for (; i < len && w[i]; i++) {
		int a = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i];
		int b = (w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i];
		if (a != b)
			return 0;
	}
	return i == len && !w[i];
}

char *tally_dup(const char *s, size_t len)
{
	char *d = memcpy(xmalloc(len + 1), s, len);
	d[len] = '\0';
	return d;
}

void tally_note(tally_values *v, const char *V, size_t Vlen, const char *s, size_t len)
{
	if (v->nseen < TALLY_SEEN) {
		size_t i = 0;
		while (i < v->nseen && (v->seenlen[i] != len || memcmp(v->seen[i], s, len)))
			i++;
		if (i == v->nseen) {
			v->seenlen[v->nseen] = len;
			v->seen[v->nseen++] = tally_dup(s, len);
		}
	}
	if (!v->caseless && len == Vlen && caseeq_both(s, len, V))
		v->caseless = tally_dup(s, len);
}

int tally_flag(const char *s, size_t len)
{
	if (len == 1 && (*s == '1' || *s == '0'))
		return *s == '1';
	if (caseeq_both(s, len, "true") || caseeq_both(s, len, "yes"))
		return 1;
	if (caseeq_both(s, len, "false") || caseeq_both(s, len, "no"))
		return 0;
	return -1;
}

void tally_values_free(tally_values *v)
{
	for (size_t i = 0; i < v->nseen; i++)
		free(v->seen[i]);
	free(v->caseless);
	*v = (tally_values){0};
}

void tally_init(tally *ty, counts_table *t, char delim)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	*ty = (tally){.t = t, .ei = -1, .wi = -1, .delim = delim,
		      .threads = cores > 0 ? (int)(cores < 8 ? cores : 8) : 1,
		      .block = 1 << 20};
	ht_seed(ty->key);
}

/* Strict reading resumes at offset at of a regular file, line `line`. */
static int resume_at(csvin_body *b, off_t at, long line)
{
	if (lseek(b->fd, at, SEEK_SET) < 0)
		err_die(EX_NOINPUT_, "%s: cannot seek: %s", err_show(b->file),
			strerror(errno));
	b->line = line;
	b->rest = NULL;
	b->nrest = 0;
	return 1;
}

/* The first record start at or after offset at: after the first LF at or
 * after at - 1 (the end of the file when there is none). */
static off_t line_start(int fd, off_t at, off_t size)
{
	char buf[4096];
	for (off_t o = at - 1; o < size;) {
		ssize_t k = pread(fd, buf, sizeof buf, o);
		if (k <= 0)
			return size;
		const char *lf = memchr(buf, '\n', (size_t)k);
		if (lf)
			return o + (lf - buf) + 1;
		o += k;
	}
	return size;
}

/* A regular file from offset start: chunks counted at once, then added
 * up in order; returns as tally_body. */
static int file_body(tally *ty, csvin_body *b, off_t start, off_t size)
{
	off_t span = size - start, chunk_min = 8 * (off_t)ty->block;
	int n = ty->threads;
	if (span / chunk_min < n)
		n = span / chunk_min > 1 ? (int)(span / chunk_min) : 1;
	struct part *p = xmalloc((size_t)n * sizeof *p);
	off_t *at = xmalloc(((size_t)n + 1) * sizeof *at);
	at[0] = start;
	at[n] = size;
	for (int k = 1; k < n; k++) {
		at[k] = line_start(b->fd, start + span / n * k, size);
		if (at[k] < at[k - 1])
			at[k] = at[k - 1];
	}
	pthread_t *th = xmalloc((size_t)n * sizeof *th);
	char *started = xmalloc((size_t)n);
	for (int k = 0; k < n; k++) {
		part_init(&p[k], ty, b->nf, b->fd, at[k], n > 1 ? at[k + 1] : -1,
			  k == 0 ? b->file : NULL, b->line);
		started[k] = k > 0 && pthread_create(&th[k], NULL, part_run, &p[k]) == 0;
	}
	for (int k = 0; k < n; k++)
		if (started[k])
			pthread_join(th[k], NULL);
		else
			part_run(&p[k]);   /* part 0, or a thread that could not start */
	free(th);
	free(started);
	long line = b->line;
	int ret = 0, k = 0;
	for (; k < n; k++) {
		if (k > 0 && !part_fits(&p[k])) {
			ret = resume_at(b, at[k], line);
			break;
		}
		part_add(ty, &p[k], b->file, line);
		if (p[k].odd) {
			ret = resume_at(b, p[k].end, line + p[k].lines);
			break;
		}
		line += p[k].lines;
		if (k + 1 < n && p[k].end != at[k + 1]) {
			/* A chunk cut inside a quoted field: the later chunks
			 * are void; the rest is cut again from where this one
			 * ended (always further on). */
			b->line = line;
			ret = file_body(ty, b, p[k].end, size);
			break;
		}
	}
	for (k = 0; k < n; k++)
		part_free(&p[k]);
	free(p);
	free(at);
	return ret;
}

/* A pipe (or anything not a regular file): one part, read() by blocks. */
int tally_stream(tally *ty, csvin_body *b)
{
	struct part p;
	part_init(&p, ty, b->nf, b->fd, -1, -1, b->file, b->line);
	while (p.cap < b->len)
		p.cap *= 2;
	p.buf = xrealloc(p.buf, p.cap + CSVSCAN_PAD);
	memcpy(p.buf, b->buf, b->len);
	p.have = b->len;
	memset(p.buf + p.have, '\n', CSVSCAN_PAD);
	part_run(&p);
	part_add(ty, &p, b->file, b->line);
	int ret = 0;
	if (p.odd) {
		b->line += p.lines;
		b->nrest = p.have - p.cur;
		b->rest = memcpy(xmalloc(b->nrest + 1), p.buf + p.cur, b->nrest);
		ret = 1;
	}
	part_free(&p);
	return ret;
}

int tally_body(void *ctx, csvin_body *b)
{
	tally *ty = ctx;
	struct stat st;
	off_t here;
	if (fstat(b->fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (here = lseek(b->fd, 0, SEEK_CUR)) >= (off_t)b->len)
		return file_body(ty, b, here - (off_t)b->len, st.st_size);
	return ty->threads > 1 ? tally_pipe(ty, b) : tally_stream(ty, b);
}
