/*
 * run.h - running the other tools of the kit from a command that combines
 * them (disp-report): the tools beside the running program come first, so
 * that a build tree runs its own, and a tool that fails stops the command
 * with its message.
 */
#ifndef DISP_RUN_H
#define DISP_RUN_H

/* Puts the directory of the running program (argv0, or /proc/self/exe)
 * first in PATH. */
void run_prefer_siblings(const char *argv0);

/* Whether a program of that name is on PATH. */
int run_have(const char *name);

/*
 * Runs argv[0] with argv (NULL-terminated), standard input from in (NULL:
 * /dev/null) and standard output to out (NULL: ours); its messages reach
 * stderr.  Exits with the tool's status when it fails (69 when it is not
 * there).
 */
void run_tool(char *const argv[], const char *in, const char *out);

#endif
