/*
 * ledger.h - disp-count's row ledger: for each input, the data rows read,
 * counted and rejected, and the events and total it contributed, as CSV
 * beside the counts; and the check that counts merged from shards add up
 * to their ledgers.
 *
 * Counts are sums, so a shard that is lost, cut short or counted twice
 * changes the merged counts without a sign.  Each shard's ledger says what
 * went into its counts; `disp-count --merge --ledger` compares the two and
 * refuses to write counts that do not add up.  A run that stops on an
 * error still writes its ledger (through err_on_exit), with the exit
 * status, so a failed shard leaves a record that fails the merge.
 *
 * The file is always CSV with a comma (whatever -t or -d say), with the
 * header LEDGER_HEADER and one line per input in the order read.
 */
#ifndef DISP_LEDGER_H
#define DISP_LEDGER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define LEDGER_HEADER "input,rows,counted,rejected,events,total,exit"

typedef struct {
	char *input;            /* as given on the command line; "stdin" */
	int64_t rows, counted, rejected, events, total;
} ledger_line;

typedef struct {
	const char *path;
	FILE *fp;
	int has_events;         /* counted with -e: the events column is filled */
	int reading;            /* inputs are being read (see ledger_done) */
	ledger_line *l;
	size_t n, cap;
} ledger;

/*
 * Creates (truncates) the ledger file at path, so that a run killed before
 * its end leaves an empty file, not an old ledger (exit 74 when it cannot
 * be created), and registers the ledger to be written by any exit from now
 * on.  has_events: the run counts events (-e).
 */
void ledger_open(ledger *lg, const char *path, int has_events);

/*
 * Adds rows read, rows counted, total and events (ignored without -e) to
 * input's line: the last line when it is the same input, else a new line.
 * Call it with zeros as each input starts, so that an input without rows
 * has its line and an error is laid at the right input; then per row or
 * per block, from one thread.  An input named again after another (a file
 * given twice) gets a second line, which --merge reports.  Exits 65 when a
 * sum would pass 2^63-1.
 */
void ledger_add(ledger *lg, const char *input, int64_t rows, int64_t counted,
		int64_t total, int64_t events);

/* Reading is over: an exit 65 from now on (an -e value never seen) is no
 * rejected row of any input. */
void ledger_done(ledger *lg);

/*
 * Writes the ledger with exit status code and closes it (exit 74 on a
 * write error).  On an exit 65 while reading, the record that stopped the
 * run is the current input's rejected one and is among its rows.  Called
 * by main on success; by err_exit otherwise.
 */
void ledger_finish(ledger *lg, int code);
void ledger_free(ledger *lg);

/* A sum of counts that cannot overflow (up to 2^128). */
typedef struct {
	uint64_t hi, lo;
} ledger_sum;

void ledger_sum_add(ledger_sum *s, int64_t v);

/*
 * --merge's check: reads the ledger files paths[0..n-1] (exit 65 naming the
 * file and line for one that is not a ledger, 66 for one that cannot be
 * read) and compares them with the merged counts, whose totals sum to
 * total and, when has_events, whose events sum to events.  Every line must
 * say exit 0, rejected 0 and counted = rows; no input may have two lines
 * (stdin is not compared: every piped shard is "stdin"); the ledgers'
 * totals must sum to the counts' total, and their events to the counts'
 * events where both have them.  Prints one message per problem, naming the
 * ledger file and line, and returns how many there were.
 */
size_t ledger_check(char *const *paths, size_t n, ledger_sum total,
		    int has_events, ledger_sum events);

#endif
