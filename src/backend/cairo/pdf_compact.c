/* Object streams for the finished PDF: see pdf_compact.h.
 *
 * qpdf reads the file, writes the new one into memory, and the new bytes
 * then replace the old in the same file: the file is the backend's
 * temporary (outfile.h), so it is removed on a signal or a failure like
 * any other, and no second temporary is needed. */
#include "pdf_compact.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <qpdf/qpdf-c.h>

/* qpdf reports a failed allocation as the C++ exception's text. */
static bool is_oom(const char *msg)
{
    return msg && strstr(msg, "bad_alloc") != NULL;
}

/* qpdf's error (and warnings) as diagnostics; the status to return. */
static pp_status qpdf_failed(qpdf_data q, const char *path, pp_diags *d)
{
    const char *msg = qpdf_get_error_full_text(q, qpdf_get_error(q));
    if (is_oom(msg)) return pp_diag_oom(d);
    pp_error(d, 0, 0, "cannot rewrite %s with object streams: %s", path, msg);
    return PP_ERR_ENV;
}

static void report_warnings(qpdf_data q, pp_diags *d)
{
    while (qpdf_more_warnings(q))
        pp_warning(d, 0, 0, "qpdf: %s", qpdf_get_error_full_text(q, qpdf_next_warning(q)));
}

static pp_status overwrite(const char *path, const unsigned char *data, size_t n, pp_diags *d)
{
    FILE *fp = fopen(path, "wb");
    int err = 0;
    if (!fp)
        err = errno;
    else {
        if (fwrite(data, 1, n, fp) != n || fflush(fp) != 0)
            err = errno ? errno : EIO;
        if (!err && fsync(fileno(fp)) != 0)
            err = errno;
        if (fclose(fp) != 0 && !err)
            err = errno ? errno : EIO;
    }
    if (err) {
        pp_error(d, 0, 0, "cannot write %s: %s", path, strerror(err));
        return PP_ERR_ENV;
    }
    return PP_OK;
}

pp_status pp_pdf_compact(const char *path, pp_diags *d)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q); /* no printing: errors become diagnostics */
    pp_status st = PP_OK;
    if ((qpdf_read(q, path, NULL) & QPDF_ERRORS) || (qpdf_init_write_memory(q) & QPDF_ERRORS)) {
        st = qpdf_failed(q, path, d);
    } else {
        qpdf_set_object_stream_mode(q, qpdf_o_generate);
        /* Otherwise the /ID has the clock and the file name in it. */
        qpdf_set_deterministic_ID(q, QPDF_TRUE);
        if (qpdf_write(q) & QPDF_ERRORS)
            st = qpdf_failed(q, path, d);
        else
            st = overwrite(path, qpdf_get_buffer(q), qpdf_get_buffer_length(q), d);
    }
    report_warnings(q, d);
    qpdf_cleanup(&q);
    return st;
}
