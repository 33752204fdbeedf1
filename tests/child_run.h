/* Runs perfpdf as a child and measures it: peak resident memory and CPU
 * time, from getrusage(RUSAGE_CHILDREN) in a fresh process (which keeps
 * the figures of its largest child only). For test_memory and
 * test_bounds. */
#ifndef PP_CHILD_RUN_H
#define PP_CHILD_RUN_H

#include <fcntl.h>
#include <stdbool.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    int status;     /* exit status, -1 when killed or not run */
    long peak_kb;   /* peak resident memory */
    double seconds; /* CPU time, user and system */
} child_usage;

/* Runs argv with its output thrown away; its exit status. */
static inline int child_exec(char *const argv[])
{
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static inline bool child_run(char *const argv[], child_usage *u)
{
    int fds[2];
    *u = (child_usage){-1, -1, -1};
    if (pipe(fds) != 0) return false;
    pid_t pid = fork();
    if (pid < 0) return false;
    if (pid == 0) {
        close(fds[0]);
        child_usage r = {child_exec(argv), -1, -1};
        struct rusage ru;
        if (getrusage(RUSAGE_CHILDREN, &ru) == 0) {
            r.peak_kb = ru.ru_maxrss;
            r.seconds = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                        (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
        }
        _exit(write(fds[1], &r, sizeof r) == sizeof r ? 0 : 1);
    }
    close(fds[1]);
    bool ok = read(fds[0], u, sizeof *u) == sizeof *u;
    close(fds[0]);
    int status;
    return waitpid(pid, &status, 0) == pid && ok;
}

#endif
