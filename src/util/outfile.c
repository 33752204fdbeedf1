/* Output files: the one way perfpdf writes a file (see outfile.h). A regular
 * target is written under a short temporary name in its folder and renamed
 * into place when complete; the temporary is removed on failure and on
 * SIGINT/SIGTERM/SIGHUP; an input is never an output; a replaced file keeps
 * its mode and owner; a special file is written straight into. */
/* realpath is XSI. */
#define _XOPEN_SOURCE 700

#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- inputs that must never be replaced -------------------------------------- */

typedef struct {
    dev_t dev;
    ino_t ino;
    char *path;
} input_id;

static input_id *inputs;
static size_t ninputs;

bool pp_outfile_protect(const char *path)
{
    struct stat sb;
    if (!path || stat(path, &sb) != 0) return true; /* nothing there to destroy */
    input_id *grown = realloc(inputs, (ninputs + 1) * sizeof *grown);
    if (!grown) return false;
    inputs = grown;
    char *copy = strdup(path);
    if (!copy) return false;
    inputs[ninputs++] = (input_id){sb.st_dev, sb.st_ino, copy};
    return true;
}

void pp_outfile_unprotect_all(void)
{
    for (size_t i = 0; i < ninputs; i++) free(inputs[i].path);
    free(inputs);
    inputs = NULL;
    ninputs = 0;
}

/* Device and inode, not names: "./a.xml", a hard link or a symbolic link
 * to the input are the input too. */
static const input_id *input_at(const struct stat *sb)
{
    for (size_t i = 0; i < ninputs; i++)
        if (inputs[i].dev == sb->st_dev && inputs[i].ino == sb->st_ino) return &inputs[i];
    return NULL;
}

/* ---- temporaries removed on signals -------------------------------------------- */

/* The temporaries being written, for the signal handler.
 *
 * Outputs are opened and closed on more than one thread (each backend
 * draws on its own: render/pipe.h) and a signal may be handled on any of
 * them. So the list changes one change at a time (temps_lock), on a thread
 * that has blocked the signals (its own handler cannot interrupt the
 * change); a handler running on another thread first says the process is
 * dying, then waits for a change under way to end, and no change starts
 * after that. `changing` and `dying` are sequentially consistent atomics:
 * of "changing = 1, then read dying" and "dying = 1, then read changing",
 * at least one side sees the other. */
typedef struct temp_node {
    struct temp_node *next;
    char path[];
} temp_node;

static temp_node *volatile temps;
static pthread_mutex_t temps_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_int changing, dying;
static const int CLEANUP_SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};

static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof CLEANUP_SIGNALS / sizeof *CLEANUP_SIGNALS; i++)
        sigaddset(&set, CLEANUP_SIGNALS[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

/* Signals blocked on this thread, the list ours until end_change. */
static void begin_change(sigset_t *old)
{
    block_signals(old);
    pthread_mutex_lock(&temps_lock);
    atomic_store(&changing, 1);
    if (atomic_load(&dying)) {
        /* another thread is removing the temporaries and will end the
         * process with its signal: leave the list alone until then */
        atomic_store(&changing, 0);
        for (;;) pause();
    }
}

static void end_change(const sigset_t *old)
{
    atomic_store(&changing, 0);
    pthread_mutex_unlock(&temps_lock);
    pthread_sigmask(SIG_SETMASK, old, NULL);
}

/* Called between begin_change and end_change. */
static bool temp_register(const char *path)
{
    size_t n = strlen(path) + 1;
    temp_node *t = malloc(sizeof *t + n);
    if (!t) return false;
    memcpy(t->path, path, n);
    t->next = temps;
    temps = t;
    return true;
}

static void temp_forget(const char *path)
{
    sigset_t old;
    begin_change(&old);
    for (temp_node *volatile *p = &temps; *p; p = &(*p)->next) {
        temp_node *t = *p;
        if (strcmp(t->path, path) == 0) {
            *p = t->next;
            free(t);
            break;
        }
    }
    end_change(&old);
}

/* Async-signal-safe: unlink, then die of the same signal. */
static void on_signal(int sig)
{
    atomic_store(&dying, 1);
    while (atomic_load(&changing)) {
        /* a change on another thread: it ends in a few instructions */
    }
    for (temp_node *t = temps; t; t = t->next) unlink(t->path);
    signal(sig, SIG_DFL);
    raise(sig);
}

void pp_outfile_cleanup_on_signals(void)
{
    for (size_t i = 0; i < sizeof CLEANUP_SIGNALS / sizeof *CLEANUP_SIGNALS; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t k = 0; k < sizeof CLEANUP_SIGNALS / sizeof *CLEANUP_SIGNALS; k++)
            sigaddset(&sa.sa_mask, CLEANUP_SIGNALS[k]);
        sigaction(CLEANUP_SIGNALS[i], &sa, NULL);
    }
}

/* ---- opening ------------------------------------------------------------------- */

/* "DIR/.perfpdf-XXXXXX" for mkstemp: the same folder, so the rename is
 * atomic; a short name, so any target name the system accepts works. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    static const char name[] = ".perfpdf-XXXXXX";
    char *t = malloc(dirlen + sizeof name);
    if (t) {
        memcpy(t, path, dirlen);
        memcpy(t + dirlen, name, sizeof name);
    }
    return t;
}

static bool open_special(pp_outfile *o, pp_diags *d)
{
    if (!(o->f = fopen(o->path, "wb"))) {
        pp_error(d, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
        return false;
    }
    return true;
}

/* The temporary's mode: the replaced file's (a confidential 0600 draft
 * stays 0600), else what a plain fopen would give (0666 less the umask). */
static void set_mode(int fd, const struct stat *old)
{
    if (old) {
        (void)fchmod(fd, old->st_mode & 07777);
        /* Only root may give a file away; for others this keeps the group
         * where the folder allows it, and failing changes nothing. */
        if (fchown(fd, old->st_uid, old->st_gid) != 0) (void)fchown(fd, (uid_t)-1, old->st_gid);
        return;
    }
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
}

/* The temporary is created and registered for the signal handler with
 * the signals blocked: no moment when it exists unknown to the handler. */
static int make_temp(char *tmp)
{
    sigset_t old;
    begin_change(&old);
    int fd = mkstemp(tmp);
    if (fd >= 0 && !temp_register(tmp)) {
        unlink(tmp);
        close(fd);
        fd = -1;
        errno = ENOMEM;
    }
    end_change(&old);
    return fd;
}

static bool open_temp(pp_outfile *o, const struct stat *old, pp_diags *d)
{
    char *tmp = temp_template(o->path);
    if (!tmp) {
        pp_error(d, 0, 0, "out of memory");
        return false;
    }
    int fd = make_temp(tmp);
    if (fd < 0) {
        pp_error(d, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
        free(tmp);
        return false;
    }
    o->tmp = tmp;
    set_mode(fd, old);
    if (!(o->f = fdopen(fd, "wb"))) {
        pp_error(d, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
        close(fd);
        return false;
    }
    return true;
}

/* What may not be written: a folder, an input, a read-only file. */
static bool target_ok(const char *path, const struct stat *sb, pp_diags *d)
{
    const input_id *in = input_at(sb);
    if (in) {
        pp_error(d, 0, 0, "%s is the input file %s: it would be destroyed; choose another output",
                 path, in->path);
        return false;
    }
    if (S_ISDIR(sb->st_mode)) {
        pp_error(d, 0, 0, "cannot write %s: it is a folder", path);
        return false;
    }
    if (S_ISREG(sb->st_mode) && !(sb->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH))) {
        pp_error(d, 0, 0, "cannot write %s: the file is read-only (it is not replaced)", path);
        return false;
    }
    return true;
}

/* A symbolic link is followed: the file it points at is the one replaced,
 * and the link stays a link. */
static char *resolve(const char *path)
{
    struct stat lsb;
    if (lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode)) {
        char *real = realpath(path, NULL);
        if (real) return real;
    }
    return strdup(path);
}

pp_status pp_outfile_open(pp_outfile *o, const char *path, pp_diags *d)
{
    *o = (pp_outfile){0};
    if (!path || !*path) {
        pp_error(d, 0, 0, "no output file name");
        return PP_ERR_INPUT;
    }
    if (!(o->path = resolve(path))) {
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
    struct stat sb;
    bool exists = stat(o->path, &sb) == 0;
    if (exists && !target_ok(path, &sb, d)) {
        pp_status st = input_at(&sb) ? PP_ERR_INPUT : PP_ERR_ENV;
        pp_outfile_abort(o);
        return st;
    }
    bool ok = exists && !S_ISREG(sb.st_mode) ? open_special(o, d)
                                             : open_temp(o, exists ? &sb : NULL, d);
    if (!ok) {
        pp_outfile_abort(o);
        return PP_ERR_ENV;
    }
    return PP_OK;
}

/* ---- writing, closing, publishing ------------------------------------------------ */

bool pp_outfile_write(pp_outfile *o, const void *data, size_t len)
{
    if (o->discard) return true;
    if (o->err || !o->f) return false;
    if (len && fwrite(data, 1, len, o->f) != len) {
        o->err = errno ? errno : EIO;
        return false;
    }
    return true;
}

void pp_outfile_error(const pp_outfile *o, pp_diags *d)
{
    pp_error(d, 0, 0, "cannot write %s: %s", o->path ? o->path : "output",
             strerror(o->err ? o->err : EIO));
}

pp_status pp_outfile_close(pp_outfile *o, pp_diags *d)
{
    if (!o->f) return o->err ? (pp_outfile_error(o, d), PP_ERR_ENV) : PP_OK;
    errno = 0;
    if (fflush(o->f) != 0 && !o->err) o->err = errno ? errno : EIO;
    /* Sync the temporary before renaming it, so the new name never points
     * at data still in flight. Special files may not support fsync. */
    if (o->tmp && !o->err && fsync(fileno(o->f)) != 0) o->err = errno;
    if (fclose(o->f) != 0 && !o->err) o->err = errno ? errno : EIO;
    o->f = NULL;
    if (o->err) {
        pp_outfile_error(o, d);
        return PP_ERR_ENV;
    }
    return PP_OK;
}

pp_status pp_outfile_commit(pp_outfile *o, pp_diags *d)
{
    if (!o->tmp) return PP_OK;
    if (rename(o->tmp, o->path) != 0) {
        pp_error(d, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
        return PP_ERR_ENV;
    }
    temp_forget(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
    return PP_OK;
}

void pp_outfile_abort(pp_outfile *o)
{
    if (o->f) fclose(o->f);
    if (o->tmp) {
        unlink(o->tmp);
        temp_forget(o->tmp);
    }
    free(o->tmp);
    free(o->path);
    *o = (pp_outfile){0};
}

pp_status pp_outfile_remove(const char *path, pp_diags *d)
{
    struct stat sb;
    if (stat(path, &sb) != 0 || input_at(&sb)) return PP_OK;
    if (unlink(path) != 0 && errno != ENOENT) {
        pp_error(d, 0, 0, "cannot remove %s: %s", path, strerror(errno));
        return PP_ERR_ENV;
    }
    return PP_OK;
}

pp_status pp_write_file(const char *path, const void *data, size_t len, pp_diags *d)
{
    pp_outfile o;
    pp_status st = pp_outfile_open(&o, path, d);
    if (st != PP_OK) return st;
    if (!pp_outfile_write(&o, data, len)) {
        pp_outfile_error(&o, d);
        st = PP_ERR_ENV;
    }
    if (st == PP_OK) st = pp_outfile_close(&o, d);
    if (st == PP_OK) st = pp_outfile_commit(&o, d);
    pp_outfile_abort(&o);
    return st;
}
