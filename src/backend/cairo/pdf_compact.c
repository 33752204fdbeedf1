/* Object streams for the finished PDF: see pdf_compact.h.
 *
 * Only for files as cairo 1.16 and pdf_update.c write them: classic xref
 * tables (the update's chained by /Prev), every object followed directly
 * by the next or by an xref table. So an object's bytes run from its xref
 * offset to the next offset any table gives (or the next table): no
 * tokenizer is needed, and a stream object (its text ends with
 * "endstream") is copied whole, as it is. Anything unexpected leaves the
 * file untouched.
 *
 * Memory stays small whatever the size of the file: the objects are read
 * one at a time in the order of the file and the new file is written as
 * it goes (through outfile.h, under a temporary name that then replaces
 * the old file); what is kept is 16 bytes per object for the offsets, 8
 * for the new xref and 1 to tell the latest version. */
#include "pdf_compact.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <zlib.h>

#include "outfile.h"

#define PER_STREAM 100 /* objects in an object stream, as qpdf does */
#define NONE SIZE_MAX  /* an entry that only marks where something begins */

typedef struct {
    const char *b;
    size_t n;
} buf;

/* An offset in the input: an object (its latest version) or NONE (an
 * older version, an xref table, the end of the file). */
typedef struct {
    size_t off;
    size_t num;
} entry;

typedef struct {
    int fd;
    size_t n;          /* bytes in the file */
    GString *win;      /* the bytes read last */
    size_t size;       /* /Size of the last trailer */
    guint8 *seen;      /* by object number: a later table gave it */
    GArray *entries;   /* entry, sorted by offset once read */
    char *root, *info; /* "N G R" of the last trailer; info may be NULL */
} in_doc;

/* ---- reading ------------------------------------------------------------------------ */

/* Up to len bytes at off (fewer at the end of the file); false on a read
 * error. */
static bool read_at(in_doc *doc, size_t off, size_t len, buf *out)
{
    if (off > doc->n) return false;
    if (len > doc->n - off) len = doc->n - off;
    g_string_set_size(doc->win, len);
    size_t got = 0;
    while (got < len) {
        ssize_t r = pread(doc->fd, doc->win->str + got, len - got, (off_t)(off + got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        got += (size_t)r;
    }
    *out = (buf){doc->win->str, len};
    return true;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static size_t skip_ws(buf f, size_t i)
{
    while (i < f.n && is_ws(f.b[i])) i++;
    return i;
}

static bool read_num(buf f, size_t *i, size_t *v)
{
    size_t k = *i, x = 0;
    while (k < f.n && f.b[k] >= '0' && f.b[k] <= '9' && k - *i < 12)
        x = x * 10 + (size_t)(f.b[k++] - '0');
    if (k == *i) return false;
    *v = x;
    *i = k;
    return true;
}

static bool starts(buf f, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i + n <= f.n && memcmp(f.b + i, s, n) == 0;
}

/* Where s begins in f at or after from; f.n when not there. */
static size_t find(buf f, size_t from, const char *s)
{
    while (from < f.n && !starts(f, from, s)) from++;
    return from;
}

/* The value of /key in the trailer dictionary [from, to) as its text up
 * to the next '/' or '>' ("12 0 R", "345"); NULL when absent. */
static char *trailer_value(buf f, size_t from, size_t to, const char *key)
{
    size_t n = strlen(key);
    for (size_t i = from; i + n < to; i++) {
        if (memcmp(f.b + i, key, n) != 0 || !is_ws(f.b[i + n])) continue;
        size_t a = skip_ws(f, i + n), e = a;
        while (e < to && f.b[e] != '/' && f.b[e] != '>') e++;
        while (e > a && is_ws(f.b[e - 1])) e--;
        return g_strndup(f.b + a, e - a);
    }
    return NULL;
}

static bool value_num(const char *text, size_t *v)
{
    size_t k = 0;
    return text && read_num((buf){text, strlen(text)}, &k, v) && text[k] == '\0';
}

static void add_entry(in_doc *doc, size_t off, size_t num)
{
    entry e = {off, num};
    g_array_append_val(doc->entries, e);
}

/* The entries of one subsection, count of them from object start, at *pos. */
static bool read_entries(in_doc *doc, size_t *pos, size_t start, size_t count)
{
    if (start + count > doc->size || count > (doc->n - *pos) / 20) return false;
    for (size_t k = 0; k < count;) {
        size_t many = MIN(count - k, 4096);
        buf f;
        if (!read_at(doc, *pos, many * 20, &f) || f.n != many * 20) return false;
        for (size_t j = 0; j < many; j++, k++) {
            size_t p = j * 20, off, gen, num = start + k;
            if (f.b[p + 17] != 'n') {
                if (num != 0) return false; /* a deleted object: not cairo's */
                continue;
            }
            if (!read_num(f, &p, &off) || !(p = skip_ws(f, p), read_num(f, &p, &gen)) ||
                gen != 0 || off == 0 || off >= doc->n)
                return false; /* cairo writes generation 0 only */
            add_entry(doc, off, doc->seen[num] ? NONE : num);
            doc->seen[num] = 1;
        }
        *pos += many * 20;
    }
    return true;
}

/* One xref table at x; *prev the /Prev of its trailer (0: none). */
static bool read_table(in_doc *doc, size_t x, size_t *prev)
{
    buf f;
    if (!read_at(doc, x, 4, &f) || !starts(f, 0, "xref")) return false;
    add_entry(doc, x, NONE);
    size_t pos = x + 4;
    for (;;) {
        size_t i, start, count;
        if (!read_at(doc, pos, 64, &f)) return false;
        i = skip_ws(f, 0);
        if (starts(f, i, "trailer")) break;
        if (!read_num(f, &i, &start) || !(i = skip_ws(f, i), read_num(f, &i, &count))) return false;
        while (i < f.n && (f.b[i] == ' ' || f.b[i] == '\r')) i++;
        if (i >= f.n || f.b[i] != '\n') return false;
        pos += i + 1;
        if (!read_entries(doc, &pos, start, count)) return false;
    }
    if (!read_at(doc, pos, 4096, &f)) return false;
    size_t end = find(f, 0, "startxref");
    char *p = trailer_value(f, 0, end, "/Prev");
    *prev = 0;
    bool ok = end < f.n && (!p || (value_num(p, prev) && *prev < x));
    g_free(p);
    return ok;
}

/* The last trailer (within the last 4 KB, as cairo and the update write
 * it): /Size, /Root, /Info; no /Encrypt. *x: where its table is. */
static bool read_trailer(in_doc *doc, size_t *x)
{
    size_t from = doc->n > 4096 ? doc->n - 4096 : 0, t = NONE, s = NONE;
    buf f;
    if (!read_at(doc, from, 4096, &f)) return false;
    for (size_t i = f.n; i-- > 0 && s == NONE;)
        if (starts(f, i, "startxref")) s = i;
    for (size_t i = s == NONE ? 0 : s; i-- > 0 && t == NONE;)
        if (starts(f, i, "trailer")) t = i;
    if (t == NONE) return false;
    size_t k = skip_ws(f, s + 9);
    char *size = trailer_value(f, t, s, "/Size"), *enc = trailer_value(f, t, s, "/Encrypt");
    bool ok = read_num(f, &k, x) && value_num(size, &doc->size) && !enc && doc->size > 0 &&
              doc->size < doc->n / 8;
    g_free(size);
    g_free(enc);
    doc->root = trailer_value(f, t, s, "/Root");
    doc->info = trailer_value(f, t, s, "/Info");
    return ok && doc->root;
}

static int cmp_entry(const void *a, const void *b)
{
    size_t x = ((const entry *)a)->off, y = ((const entry *)b)->off;
    return x < y ? -1 : x > y;
}

static bool read_doc(in_doc *doc)
{
    size_t x;
    if (!read_trailer(doc, &x)) return false;
    doc->seen = g_malloc0(doc->size);
    for (int tables = 0; x != 0; tables++)
        if (tables == 64 || !read_table(doc, x, &x)) return false;
    add_entry(doc, doc->n, NONE);
    g_array_sort(doc->entries, cmp_entry);
    return true;
}

/* The text of object num between "num 0 obj" and "endobj", trimmed; r
 * holds the object's bytes. */
static bool object_body(buf r, size_t num, buf *body)
{
    size_t i = 0, v, g;
    if (!read_num(r, &i, &v) || v != num || !(i = skip_ws(r, i), read_num(r, &i, &g)) ||
        !(i = skip_ws(r, i), starts(r, i, "obj")))
        return false;
    size_t a = skip_ws(r, i + 3), e = r.n;
    while (e > a && is_ws(r.b[e - 1])) e--;
    if (e < a + 6 || memcmp(r.b + e - 6, "endobj", 6) != 0) return false;
    e -= 6;
    while (e > a && is_ws(r.b[e - 1])) e--;
    *body = (buf){r.b + a, e - a};
    return e > a;
}

static bool ends_with(buf s, const char *tail)
{
    size_t n = strlen(tail);
    return s.n >= n && memcmp(s.b + s.n - n, tail, n) == 0;
}

/* ---- writing ------------------------------------------------------------------------ */

typedef struct {
    uint32_t f2; /* offset, or the object stream's number */
    uint16_t f3; /* index in the object stream */
    uint8_t type; /* 0 free, 1 at an offset, 2 in an object stream */
} xref_row;

typedef struct {
    pp_outfile *o;
    size_t pos;    /* bytes written */
    GArray *rows;  /* xref_row by object number */
    size_t next;   /* the next new object number */
    size_t batch;  /* the object stream being filled */
    int nbatch;    /* objects in it */
    GString *head; /* its "number offset" pairs */
    GString *body; /* its objects */
    bool oom, too_big;
} writer;

static void emit(writer *w, const void *data, size_t n)
{
    pp_outfile_write(w->o, data, n); /* a failure is reported at close */
    w->pos += n;
}

static void emitf(writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void emitf(writer *w, const char *fmt, ...)
{
    char s[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(s, sizeof s, fmt, ap);
    va_end(ap);
    if (n >= 0) emit(w, s, (size_t)n < sizeof s ? (size_t)n : sizeof s - 1);
}

static void set_row(writer *w, size_t num, uint8_t type, size_t f2, uint16_t f3)
{
    if (num >= w->rows->len) g_array_set_size(w->rows, num + 1);
    if (f2 > UINT32_MAX) w->too_big = true;
    g_array_index(w->rows, xref_row, num) = (xref_row){(uint32_t)f2, f3, type};
}

/* An object "num 0 obj << dict >> stream ... endstream endobj" of data
 * compressed with Flate; dict without /Length and /Filter. */
static void write_stream(writer *w, size_t num, const char *dict, const void *data, size_t n)
{
    uLongf len = compressBound((uLong)n);
    Bytef *z = malloc(len ? len : 1);
    if (!z || compress2(z, &len, data, (uLong)n, Z_DEFAULT_COMPRESSION) != Z_OK) {
        w->oom = true; /* compress2 fails only for lack of memory here */
        free(z);
        return;
    }
    set_row(w, num, 1, w->pos, 0);
    emitf(w, "%zu 0 obj\n<< %s /Filter /FlateDecode /Length %lu >>\nstream\n", num, dict,
          (unsigned long)len);
    emit(w, z, len);
    emitf(w, "\nendstream\nendobj\n");
    free(z);
}

static void flush_batch(writer *w)
{
    if (w->nbatch == 0) return;
    char dict[96];
    snprintf(dict, sizeof dict, "/Type /ObjStm /N %d /First %zu", w->nbatch, w->head->len);
    g_string_append_len(w->head, w->body->str, (gssize)w->body->len);
    write_stream(w, w->batch, dict, w->head->str, w->head->len);
    g_string_truncate(w->head, 0);
    g_string_truncate(w->body, 0);
    w->nbatch = 0;
}

static void add_to_batch(writer *w, size_t num, buf body)
{
    if (w->nbatch == 0) w->batch = w->next++;
    set_row(w, num, 2, w->batch, (uint16_t)w->nbatch);
    g_string_append_printf(w->head, "%zu %zu ", num, w->body->len);
    g_string_append_len(w->body, body.b, (gssize)body.n);
    g_string_append_c(w->body, '\n');
    if (++w->nbatch == PER_STREAM) flush_batch(w);
}

/* The cross-reference stream and the end of the file. Rows of 7 bytes
 * (/W [1 4 2]) with the PNG Up predictor: consecutive offsets differ in
 * their low bytes only, so the rows compress well. */
static void write_xref(writer *w, const in_doc *doc)
{
    size_t num = w->next++, at = w->pos;
    set_row(w, num, 1, at, 0);
    set_row(w, 0, 0, 0, 65535);
    size_t n = w->rows->len;
    unsigned char *png = calloc(n, 8), prev[7] = {0};
    if (!png) {
        w->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const xref_row *r = &g_array_index(w->rows, xref_row, i);
        unsigned char row[7] = {r->type, r->f2 >> 24, r->f2 >> 16, r->f2 >> 8, r->f2,
                                r->f3 >> 8, r->f3 & 0xff};
        png[i * 8] = 2; /* Up */
        for (int k = 0; k < 7; k++) png[i * 8 + 1 + k] = (unsigned char)(row[k] - prev[k]);
        memcpy(prev, row, sizeof row);
    }
    GString *dict = g_string_new(NULL);
    g_string_append_printf(dict, "/Type /XRef /Size %zu /W [1 4 2] /Root %s", n, doc->root);
    if (doc->info) g_string_append_printf(dict, " /Info %s", doc->info);
    g_string_append(dict, " /DecodeParms << /Columns 7 /Predictor 12 >>");
    write_stream(w, num, dict->str, png, n * 8);
    g_string_free(dict, TRUE);
    free(png);
    emitf(w, "startxref\n%zu\n%%%%EOF\n", at);
}

/* The new file, in the order of the old one; false when the input is not
 * as expected (w->oom: memory ran out). */
static bool pack(in_doc *doc, writer *w)
{
    const entry *e = (const entry *)doc->entries->data;
    size_t ne = doc->entries->len;
    buf r;
    if (!read_at(doc, 0, e[0].off, &r)) return false;
    emit(w, r.b, r.n); /* the header, as cairo wrote it */
    w->next = doc->size;
    for (size_t i = 0; i + 1 < ne && !w->oom; i++) {
        buf body;
        if (e[i].num == NONE) continue;
        if (!read_at(doc, e[i].off, e[i + 1].off - e[i].off, &r) ||
            !object_body(r, e[i].num, &body))
            return false;
        if (ends_with(body, "endstream")) {
            set_row(w, e[i].num, 1, w->pos, 0);
            emit(w, r.b, r.n);
        } else {
            add_to_batch(w, e[i].num, body);
        }
    }
    flush_batch(w);
    if (!w->oom) write_xref(w, doc);
    return !w->too_big;
}

/* ---- the file ----------------------------------------------------------------------- */

/* Object streams need PDF 1.5 (cairo writes the version it was
 * restricted to). */
static bool version_ok(in_doc *doc)
{
    buf f;
    return read_at(doc, 0, 8, &f) && f.n == 8 && memcmp(f.b, "%PDF-1.", 7) == 0 &&
           f.b[7] >= '5' && f.b[7] <= '7';
}

/* Reads doc and writes the new file into o; false when the input is not
 * as expected (*oom: memory ran out). */
static bool rewrite(in_doc *doc, pp_outfile *o, bool *oom)
{
    writer w = {.o = o,
                .rows = g_array_new(FALSE, TRUE, sizeof(xref_row)),
                .head = g_string_new(NULL),
                .body = g_string_new(NULL)};
    bool ok = version_ok(doc) && read_doc(doc) && pack(doc, &w) && !w.oom;
    *oom = w.oom;
    g_array_free(w.rows, TRUE);
    g_string_free(w.head, TRUE);
    g_string_free(w.body, TRUE);
    return ok;
}

pp_status pp_pdf_compact(const char *path, pp_diags *d)
{
    in_doc doc = {.fd = open(path, O_RDONLY),
                  .win = g_string_new(NULL),
                  .entries = g_array_new(FALSE, FALSE, sizeof(entry))};
    struct stat sb;
    pp_outfile o = {0};
    pp_status st = PP_OK;
    bool oom = false, ok = false;
    if (doc.fd < 0 || fstat(doc.fd, &sb) != 0) {
        pp_error(d, 0, 0, "cannot read back %s: %s", path, strerror(errno));
        st = PP_ERR_ENV;
    } else if ((st = pp_outfile_open(&o, path, d)) == PP_OK) {
        doc.n = (size_t)sb.st_size;
        ok = rewrite(&doc, &o, &oom);
        if (oom)
            st = pp_diag_oom(d);
        else if (!ok && o.err) { /* a write failed (a full disk): not the file's layout */
            pp_outfile_error(&o, d);
            st = PP_ERR_ENV;
        } else if (!ok) /* the file is valid as cairo wrote it, only larger */
            pp_warning(d, 0, 0, "internal error: %s left without object streams "
                                "(unexpected layout)", path);
        else if ((st = pp_outfile_close(&o, d)) == PP_OK)
            st = pp_outfile_commit(&o, d);
    }
    pp_outfile_abort(&o);
    if (doc.fd >= 0) close(doc.fd);
    g_string_free(doc.win, TRUE);
    g_array_free(doc.entries, TRUE);
    g_free(doc.seen);
    g_free(doc.root);
    g_free(doc.info);
    return st;
}
