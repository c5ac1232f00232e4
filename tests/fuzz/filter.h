/*
 * filter.h - running a whole filter in-process on fuzzed input, for the
 * fuzz_disp_*.c harnesses (included by each: one harness a filter, so
 * that each has its own corpus and figures).
 *
 * The input is the filter's stdin: a memfd on descriptor 0, rewritten each
 * run, so no file is opened that an error exit could leave open (a
 * harness whose options name a file calls fz_close_fds()).  stdout
 * and stderr are memory streams (fopencookie): nothing reaches the
 * terminal, and the harness can look at what the filter wrote.  An exit
 * (err_exit) longjmp()s back here through err_exit_hook.  Between runs the
 * filter's global state is reset: getopt's (optind = 0 makes glibc start
 * afresh), argv (getopt_long permutes it: each run gets a fresh copy),
 * err_on_exit's callback, stdout (which the filter closes).
 *
 * Checked on every run, beyond no crash or sanitizer report: the exit
 * status is one a filter documents; a failing exit says why on stderr, as
 * "PROG: ..."; and a successful run's CSV output reads back through csvin
 * as a table (a header, the same field count on every row), so that the
 * next filter in a pipeline can read it.
 *
 * Leaks: an error exit abandons what the filter had allocated, which a
 * process exit frees; in-process, 10^6 failing runs would leak gigabytes.
 * So the harness is linked with --wrap for malloc, calloc, realloc and
 * free (the Makefile does it for fuzz_disp_* and fuzz_csvin, which uses
 * fz_call() for the strict reader's exits), which keeps the set of
 * blocks a run allocated and not yet freed: after an exit they are freed
 * here, as the exit would have; after main returns they are left for
 * LeakSanitizer, so a leak on the way out of a successful run is still a
 * finding.  libcsv allocates through its parser's realloc_func, which the
 * wrapped csv_init() points at the tracking ones; open_memstream() is
 * wrapped too (disp-plot builds its script in one).
 */
#ifndef FUZZ_FILTER_H
#define FUZZ_FILTER_H

#define _GNU_SOURCE
#include <getopt.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#include "csvin.h"
#include "err.h"

#include <csv.h>
#include <pthread.h>

typedef int (*fz_main_fn)(int argc, char **argv);

/* The blocks allocated during a run and not freed: an open-addressing set
 * of addresses (0 empty, 1 deleted), under a lock (disp-count's threads
 * allocate too), and the list of what the run put there, so that the end
 * of a run costs what the run allocated, not the table's size.  Not
 * instrumented for coverage: the fuzzer is to explore the filter, not this. */
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
int __real_csv_init(struct csv_parser *p, unsigned char options);

#ifdef __clang__
#define FZ_PLAIN __attribute__((no_sanitize("coverage")))
#else
#define FZ_PLAIN
#endif

static pthread_mutex_t fz_mu = PTHREAD_MUTEX_INITIALIZER;
static uintptr_t *fz_set, *fz_list;
static size_t fz_cap, fz_used;  /* fz_used: live and deleted slots */
static size_t fz_nlist, fz_listcap;
static int fz_tracking;

FZ_PLAIN static inline size_t fz_slot(uintptr_t a)
{
	return (size_t)((a >> 4) * UINT64_C(0x9E3779B97F4A7C15)) & (fz_cap - 1);
}

FZ_PLAIN static inline void fz_insert(uintptr_t a)
{
	size_t i = fz_slot(a);
	while (fz_set[i] > 1)
		i = (i + 1) & (fz_cap - 1);
	if (fz_set[i] == 0)
		fz_used++;
	fz_set[i] = a;
}

FZ_PLAIN static inline void fz_grow(void)
{
	uintptr_t *old = fz_set;
	size_t n = fz_cap, live = 0;
	for (size_t i = 0; i < n; i++)
		live += old[i] > 1;
	/* Mostly deleted slots: the same size, cleaned. */
	fz_cap = !fz_cap ? 1024 : 4 * live < fz_cap ? fz_cap : 2 * fz_cap;
	fz_set = __real_calloc(fz_cap, sizeof *fz_set);
	if (!fz_set)
		abort();
	fz_used = 0;
	for (size_t i = 0; i < n; i++)
		if (old[i] > 1)
			fz_insert(old[i]);
	__real_free(old);
}

FZ_PLAIN static inline void fz_put(uintptr_t a)
{
	if (2 * (fz_used + 1) > fz_cap)
		fz_grow();
	fz_insert(a);
	if (fz_nlist == fz_listcap) {
		fz_listcap = fz_listcap ? 2 * fz_listcap : 1024;
		fz_list = __real_realloc(fz_list, fz_listcap * sizeof *fz_list);
		if (!fz_list)
			abort();
	}
	fz_list[fz_nlist++] = a;
}

/* a's slot, or NULL. */
FZ_PLAIN static inline uintptr_t *fz_find(uintptr_t a)
{
	if (!fz_cap)
		return NULL;
	for (size_t i = fz_slot(a); fz_set[i] != 0; i = (i + 1) & (fz_cap - 1))
		if (fz_set[i] == a)
			return &fz_set[i];
	return NULL;
}

FZ_PLAIN static inline void fz_drop(uintptr_t a)
{
	uintptr_t *s = fz_find(a);
	if (s)
		*s = 1;
}

FZ_PLAIN static inline void fz_track(void *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&fz_mu);
	if (fz_tracking)
		fz_put((uintptr_t)p);
	pthread_mutex_unlock(&fz_mu);
}

/*
 * open_memstream() as a cookie stream whose buffer is allocated through
 * the wrapped allocator, so that a run's own accounting covers it; the
 * live ones are listed, and an exit's end closes them without touching
 * the buffer pointer (in the abandoned frame) or the buffer (freed with
 * the run's blocks).
 */
struct fz_mem {
	FILE *fp;
	char **bufp;
	size_t *sizep;
	char *buf;
	size_t len, cap;
	int abandoned;
	struct fz_mem *next;
};
static struct fz_mem *fz_mems;

FZ_PLAIN void *__wrap_realloc(void *p, size_t n);

FZ_PLAIN static inline ssize_t fz_mem_write(void *c, const char *b, size_t n)
{
	struct fz_mem *m = c;
	if (m->abandoned)
		return (ssize_t)n;   /* what an exit left unflushed */
	if (m->len + n + 1 > m->cap) {
		size_t cap = 2 * (m->len + n + 1);
		char *buf = __wrap_realloc(m->buf, cap);
		if (!buf)
			return -1;
		m->buf = buf, m->cap = cap;
	}
	memcpy(m->buf + m->len, b, n);
	m->len += n;
	m->buf[m->len] = '\0';
	*m->bufp = m->buf, *m->sizep = m->len;
	return (ssize_t)n;
}

FZ_PLAIN static inline int fz_mem_close(void *c)
{
	struct fz_mem *m = c, **p = &fz_mems;
	while (*p != m)
		p = &(*p)->next;
	*p = m->next;
	if (!m->abandoned)
		*m->bufp = m->buf, *m->sizep = m->len;
	__real_free(m);
	return 0;
}

FZ_PLAIN FILE *__wrap_open_memstream(char **bufp, size_t *sizep)
{
	struct fz_mem *m = __real_malloc(sizeof *m);
	if (!m)
		return NULL;
	*m = (struct fz_mem){NULL, bufp, sizep, __wrap_realloc(NULL, 1), 0, 1, 0, fz_mems};
	if (!m->buf)
		abort();
	m->buf[0] = '\0';
	*bufp = m->buf, *sizep = 0;
	cookie_io_functions_t io = {NULL, fz_mem_write, NULL, fz_mem_close};
	if (!(m->fp = fopencookie(m, "w", io)))
		abort();
	fz_mems = m;
	return m->fp;
}

/*
 * The end of a run: frees what it left when it ended by an exit (as the
 * process's end would), or leaves it to LeakSanitizer when main returned;
 * either way the set is emptied.  Every slot in use was filled in this
 * run, so clearing the run of slots from each listed block's home clears
 * them all.
 */
FZ_PLAIN static inline void fz_end_run(int exited)
{
	while (exited && fz_mems) {
		fz_mems->abandoned = 1;
		fclose(fz_mems->fp);
	}
	if (exited)
		for (size_t i = 0; i < fz_nlist; i++) {
			uintptr_t *s = fz_find(fz_list[i]);
			if (s) {
				*s = 1;
				__real_free((void *)fz_list[i]);
			}
		}
	for (size_t i = 0; i < fz_nlist; i++)
		for (size_t j = fz_slot(fz_list[i]); fz_set[j] != 0; j = (j + 1) & (fz_cap - 1))
			fz_set[j] = 0;
	fz_nlist = 0;
	fz_used = 0;
}

FZ_PLAIN void *__wrap_malloc(size_t n)
{
	void *p = __real_malloc(n);
	fz_track(p);
	return p;
}

FZ_PLAIN void *__wrap_calloc(size_t n, size_t m)
{
	void *p = __real_calloc(n, m);
	fz_track(p);
	return p;
}

FZ_PLAIN void __wrap_free(void *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&fz_mu);
	fz_drop((uintptr_t)p);
	pthread_mutex_unlock(&fz_mu);
	__real_free(p);
}

FZ_PLAIN void *__wrap_realloc(void *p, size_t n)
{
	void *q = __real_realloc(p, n);
	if (q || n == 0) {
		pthread_mutex_lock(&fz_mu);
		if (p)
			fz_drop((uintptr_t)p);
		if (q && fz_tracking)
			fz_put((uintptr_t)q);
		pthread_mutex_unlock(&fz_mu);
	}
	return q;
}

FZ_PLAIN int __wrap_csv_init(struct csv_parser *p, unsigned char options)
{
	int r = __real_csv_init(p, options);
	csv_set_realloc_func(p, __wrap_realloc);
	csv_set_free_func(p, __wrap_free);
	return r;
}

/* What a filter wrote, kept up to a cap (a huge output is only counted). */
struct fz_sink {
	char buf[1 << 16];
	size_t len, total;
	int closed;
};

static struct fz_sink fz_out, fz_err;
static FILE *fz_stdout0, *fz_stderr0;
static jmp_buf fz_jmp;
static int fz_code;

static inline ssize_t fz_sink_write(void *c, const char *b, size_t n)
{
	struct fz_sink *s = c;
	size_t room = sizeof s->buf - s->len;
	memcpy(s->buf + s->len, b, n < room ? n : room);
	s->len += n < room ? n : room;
	s->total += n;
	return (ssize_t)n;
}

static inline int fz_sink_close(void *c)
{
	((struct fz_sink *)c)->closed = 1;
	return 0;
}

static inline FILE *fz_sink_open(struct fz_sink *s)
{
	s->len = s->total = 0;
	s->closed = 0;
	cookie_io_functions_t io = {NULL, fz_sink_write, NULL, fz_sink_close};
	FILE *fp = fopencookie(s, "w", io);
	if (!fp)
		abort();
	return fp;
}

static inline void fz_exit_hook(int code)
{
	fz_code = code;
	longjmp(fz_jmp, 1);
}

/* Once, before the first run: the memfd that is stdin. */
/* Descriptors open before the first run (libFuzzer's, the memfd). */
static unsigned char fz_fd_open[64];
/* FUZZ_VERBOSE set: each run's command and exit status, and its message,
 * on stderr (to see what a corpus reaches: tests/fuzz/replay-NAME DIR). */
static int fz_verbose;

static inline void fz_setup(void)
{
	int fd = memfd_create("fuzz-input", 0);
	if (fd < 0 || dup2(fd, 0) != 0)
		abort();
	close(fd);
	fz_stdout0 = stdout;
	fz_stderr0 = stderr;
	for (int fd = 0; fd < 64; fd++)
		fz_fd_open[fd] = fcntl(fd, F_GETFD) != -1;
	fz_verbose = getenv("FUZZ_VERBOSE") != NULL;
}

/* After a run that may open a named input (-c FILE): an exit leaves its
 * descriptor open, which the process's end would close. */
static inline void fz_close_fds(void)
{
	for (int fd = 3; fd < 64; fd++)
		if (!fz_fd_open[fd])
			close(fd);
}

#ifdef FZ_PIPE
/* The input, as stdin: a pipe holding it whole (grown to fit), for a
 * harness of a filter's pipe reader. */
static inline void fz_stdin(const uint8_t *data, size_t size)
{
	int p[2];
	if (pipe(p) != 0 || (size > 65536 && fcntl(p[1], F_SETPIPE_SZ, (int)size) < 0))
		abort();
	for (size_t off = 0; off < size;) {
		ssize_t k = write(p[1], data + off, size - off);
		if (k <= 0)
			abort();
		off += (size_t)k;
	}
	close(p[1]);
	if (dup2(p[0], 0) != 0)
		abort();
	close(p[0]);
}
#else
/* The input, as stdin from its first byte. */
static inline void fz_stdin(const uint8_t *data, size_t size)
{
	if (ftruncate(0, 0) != 0)
		abort();
	for (size_t off = 0; off < size;) {
		ssize_t k = pwrite(0, data + off, size - off, (off_t)off);
		if (k <= 0)
			abort();
		off += (size_t)k;
	}
	lseek(0, 0, SEEK_SET);
}
#endif

/*
 * Calls fn(ctx) with stdout and stderr going to fz_out and fz_err, an
 * exit coming back here; returns the exit status (0 when fn returned).
 */
static inline int fz_call(void (*fn)(void *ctx), void *ctx)
{
	stdout = fz_sink_open(&fz_out);
	stderr = fz_sink_open(&fz_err);
	err_exit_hook = fz_exit_hook;
	volatile int exited = 1;
	fz_code = 0;
	fz_tracking = 1;
	if (setjmp(fz_jmp) == 0) {
		fn(ctx);
		exited = 0;
	}
	fz_tracking = 0;
	fz_end_run(exited);
	err_exit_hook = NULL;
	err_on_exit(NULL, NULL);
	if (!fz_out.closed)
		fclose(stdout);
	fclose(stderr);
	stdout = fz_stdout0;
	stderr = fz_stderr0;
	return fz_code;
}

struct fz_main_call {
	fz_main_fn fn;
	int argc;
	char **argv;
};

static inline void fz_call_main(void *ctx)
{
	struct fz_main_call *m = ctx;
	optind = 0;   /* glibc: getopt starts afresh */
	fz_code = m->fn(m->argc, m->argv);
}

/*
 * Runs main on the words of args (NULL-terminated; args[0] the program)
 * with the input as stdin; returns its exit status.  Aborts (a finding)
 * on a status no filter documents, or a failure without a message.
 */
static inline int fz_run(fz_main_fn main_fn, const char *const *args,
		  const uint8_t *data, size_t size)
{
	char *argv[32], words[1024];
	int argc = 0;
	size_t used = 0;
	for (; args[argc]; argc++) {
		size_t n = strlen(args[argc]) + 1;
		if (argc == 31 || used + n > sizeof words)
			abort();   /* a harness's option set too long */
		argv[argc] = memcpy(words + used, args[argc], n);
		used += n;
	}
	argv[argc] = NULL;

	fz_stdin(data, size);
	struct fz_main_call m = {main_fn, argc, argv};
	int code = fz_call(fz_call_main, &m);
	if (fz_verbose) {
		for (int i = 0; i < argc; i++)
			fprintf(stderr, "%s ", args[i]);
		const char *nl = memchr(fz_err.buf, '\n', fz_err.len);
		fprintf(stderr, "-> exit %d: %.*s\n", code,
			(int)(nl ? (size_t)(nl - fz_err.buf) : fz_err.len), fz_err.buf);
	}
	switch (code) {
	case 0: case EX_CHECK: case EX_USAGE_: case EX_DATA: case EX_NOINPUT_:
	case EX_IOERR_:
		break;
	default:
		fprintf(stderr, "%s: exit status %d\n", args[0], code);
		abort();
	}
	size_t plen = strlen(args[0]);
	if (code != 0 && code != EX_CHECK &&
	    (fz_err.len < plen + 2 || memcmp(fz_err.buf, args[0], plen) ||
	     memcmp(fz_err.buf + plen, ": ", 2))) {
		fprintf(stderr, "%s: exit %d without a message\n", args[0], code);
		abort();
	}
	return code;
}

/* Checks that out (a filter's CSV output) reads back as a table. */
static size_t fz_nf;
static long fz_rows;

static inline int fz_csv_record(void *ctx, const csvin_row *r)
{
	(void)ctx;
	if (fz_rows++ == 0)
		fz_nf = r->nf;
	else if (r->nf != fz_nf)
		abort();   /* a row with another field count than the header */
	return 0;
}

static inline void fz_bad_output(int code)
{
	(void)code;
	fputs("the output does not read back as CSV\n", stderr);
	abort();
}

static inline void fz_check_csv(const char *out, size_t len, char delim)
{
	if (len == 0)
		return;
	fz_rows = 0;
	err_exit_hook = fz_bad_output;
	csvin_reader *r = csvin_reader_new("output", delim, fz_csv_record, NULL);
	csvin_reader_feed(r, out, len);
	csvin_reader_finish(r);
	err_exit_hook = NULL;
}

/* The output's CSV check when the run succeeded and all of it was kept. */
static inline void fz_check_output(int code, char delim)
{
	if (code == 0 && fz_out.total == fz_out.len)
		fz_check_csv(fz_out.buf, fz_out.len, delim);
}

/*
 * The common harness body: the first byte picks one of the option sets
 * (each NULL-terminated, args[0] the program), the rest is stdin; a
 * successful run's CSV output (not --pretty or --tap) must read back.
 */
#define fz_filter(main_fn, sets, data, size) \
	fz_filter_args(main_fn, (size) ? (sets)[(data)[0] % (sizeof (sets) / sizeof *(sets))] \
		       : NULL, data, size)

static inline int fz_filter_args(fz_main_fn main_fn, const char *const *args,
				 const uint8_t *data, size_t size)
{
	if (size == 0)
		return -1;
	char delim = ',';
	int csv = 1;
	for (size_t i = 1; args[i]; i++) {
		if (!strcmp(args[i], "-t"))
			delim = '\t';
		else if (!strcmp(args[i], "-d") && args[i + 1])
			delim = args[i + 1][0];
		else if (!strcmp(args[i], "--pretty") || !strcmp(args[i], "--tap"))
			csv = 0;
	}
	int code = fz_run(main_fn, args, data + 1, size - 1);
	if (csv)
		fz_check_output(code, delim);
	return code;
}

#endif
