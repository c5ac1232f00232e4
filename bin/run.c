/*
 * run.c - running the kit's tools (see run.h).
 */
#include "run.h"
#include "err.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

void run_prefer_siblings(const char *argv0)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0)
		self[n] = '\0';
	else if (strchr(argv0, '/'))
		snprintf(self, sizeof self, "%s", argv0);
	else
		return;   /* found on PATH already: its siblings are there */
	char *slash = strrchr(self, '/');
	if (!slash)
		return;
	*slash = '\0';
	const char *path = getenv("PATH");
	size_t len = strlen(self) + (path ? strlen(path) : 0) + 2;
	char *p = xmalloc(len);
	snprintf(p, len, "%s%s%s", self, path ? ":" : "", path ? path : "");
	setenv("PATH", p, 1);
	free(p);
}

int run_have(const char *name)
{
	const char *path = getenv("PATH");
	if (!path)
		return 0;
	char *copy = xstrdup(path);
	int found = 0;
	for (char *d = strtok(copy, ":"); d && !found; d = strtok(NULL, ":")) {
		char full[4096];
		struct stat st;
		snprintf(full, sizeof full, "%s/%s", *d ? d : ".", name);
		found = stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0;
	}
	free(copy);
	return found;
}

void run_tool(char *const argv[], const char *in, const char *out)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		err_die(EX_IOERR_, "cannot run %s: %s", argv[0], strerror(errno));
	if (pid == 0) {
		int fi = open(in ? in : "/dev/null", O_RDONLY);
		int fo = out ? open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644) : 1;
		if (fi < 0 || fo < 0) {
			fprintf(stderr, "%s: %s: %s\n", err_prog, fi < 0 ? in : out, strerror(errno));
			_exit(fi < 0 ? EX_NOINPUT_ : EX_IOERR_);
		}
		dup2(fi, 0);
		dup2(fo, 1);
		execvp(argv[0], argv);
		_exit(errno == ENOENT ? 127 : 126);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		err_die(EX_NOPROG, "%s is not installed", argv[0]);
	if (!WIFEXITED(status))
		err_die(EX_PROGFAIL, "%s was killed (signal %d)", argv[0], WTERMSIG(status));
	if (WEXITSTATUS(status) != 0)
		err_exit(WEXITSTATUS(status));
}
