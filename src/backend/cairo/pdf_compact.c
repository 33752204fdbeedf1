/* Object streams for the finished PDF: see pdf_compact.h.
 *
 * Only for files as cairo 1.16 and pdf_update.c write them: classic xref
 * tables (the update's chained by /Prev), every object followed directly
 * by the next or by an xref table. So an object's bytes run from its xref
 * offset to the next offset any table gives (or the next table): no
 * tokenizer is needed, and a stream object (its text ends with
 * "endstream") is copied whole, as it is. Anything unexpected leaves the
 * file untouched. */
#include "pdf_compact.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <zlib.h>

#define PER_STREAM 100 /* objects in an object stream, as qpdf does */

typedef struct {
    const char *b;
    size_t n;
} buf;

typedef struct {
    size_t off;  /* in the input; 0: not in use (offset 0 is the header) */
    bool stream; /* a stream object: copied whole */
} in_obj;

/* What the xref tables say. */
typedef struct {
    in_obj *objs;      /* by object number: the latest version */
    size_t size;       /* /Size of the last trailer */
    GArray *bounds;    /* size_t: where any object or table begins */
    char *root, *info; /* "N G R" of the last trailer; info may be NULL */
} in_doc;

/* ---- reading --------------------------------------------------------------------- */

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

/* One xref table at x: the entries in use not seen in a later table, every
 * offset as a boundary; *prev the /Prev of its trailer (0: none). */
static bool read_table(buf f, size_t x, in_doc *doc, size_t *prev)
{
    if (!starts(f, x, "xref")) return false;
    g_array_append_val(doc->bounds, x);
    size_t i = x + 4, start, count;
    for (;;) {
        i = skip_ws(f, i);
        if (starts(f, i, "trailer")) break;
        if (!read_num(f, &i, &start) || !(i = skip_ws(f, i), read_num(f, &i, &count))) return false;
        i = skip_ws(f, i);
        if (count > (f.n - i) / 20 || start + count > doc->size) return false;
        for (size_t k = 0; k < count; k++, i += 20) {
            size_t p = i, off, gen;
            if (f.b[i + 17] != 'n') {
                if (start + k != 0) return false; /* a deleted object: not cairo's */
                continue;
            }
            if (!read_num(f, &p, &off) || !(p = skip_ws(f, p), read_num(f, &p, &gen)) ||
                gen != 0 || off == 0 || off >= f.n)
                return false; /* cairo writes generation 0 only */
            g_array_append_val(doc->bounds, off);
            if (doc->objs[start + k].off == 0) doc->objs[start + k].off = off;
        }
    }
    size_t end = i;
    while (end < f.n && !starts(f, end, "startxref")) end++;
    char *p = trailer_value(f, i, end, "/Prev");
    size_t k = 0;
    *prev = 0;
    bool ok = !p || (read_num((buf){p, strlen(p)}, &k, prev) && *prev < x);
    g_free(p);
    return ok;
}

/* The last trailer's /Size, /Root, /Info; no /Encrypt. */
static bool read_trailer(buf f, size_t x, in_doc *doc)
{
    size_t t = x;
    while (t < f.n && !starts(f, t, "trailer")) t++;
    char *size = trailer_value(f, t, f.n, "/Size"), *enc = trailer_value(f, t, f.n, "/Encrypt");
    size_t k = 0;
    bool ok = size && !enc && read_num((buf){size, strlen(size)}, &k, &doc->size) &&
              doc->size > 0 && doc->size < f.n / 8;
    g_free(size);
    g_free(enc);
    doc->root = trailer_value(f, t, f.n, "/Root");
    doc->info = trailer_value(f, t, f.n, "/Info");
    return ok && doc->root;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static bool read_doc(buf f, in_doc *doc)
{
    size_t x = 0, k;
    size_t from = f.n > 64 ? f.n - 64 : 0;
    for (k = f.n; k-- > from;)
        if (starts(f, k, "startxref")) break;
    k = skip_ws(f, k + 9);
    if (k >= f.n || !read_num(f, &k, &x) || !read_trailer(f, x, doc)) return false;
    doc->objs = g_new0(in_obj, doc->size);
    for (int tables = 0; x != 0; tables++)
        if (tables == 64 || !read_table(f, x, doc, &x)) return false;
    g_array_append_val(doc->bounds, f.n);
    g_array_sort(doc->bounds, cmp_size);
    return true;
}

/* ---- one object ------------------------------------------------------------------- */

/* The text of object num between "num 0 obj" and "endobj", trimmed. */
static bool object_body(buf f, const in_doc *doc, size_t num, buf *body, size_t *end)
{
    size_t off = doc->objs[num].off, i = off, v, g;
    /* the next boundary past off */
    size_t lo = 0, hi = doc->bounds->len;
    const size_t *bd = (const size_t *)doc->bounds->data;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (bd[mid] <= off) lo = mid + 1;
        else hi = mid;
    }
    if (lo == doc->bounds->len) return false;
    *end = bd[lo];
    buf r = {f.b, *end};
    if (!read_num(r, &i, &v) || v != num || !(i = skip_ws(r, i), read_num(r, &i, &g)) ||
        !(i = skip_ws(r, i), starts(r, i, "obj")))
        return false;
    size_t a = skip_ws(r, i + 3), e = *end;
    while (e > a && is_ws(f.b[e - 1])) e--;
    if (e < a + 6 || memcmp(f.b + e - 6, "endobj", 6) != 0) return false;
    e -= 6;
    while (e > a && is_ws(f.b[e - 1])) e--;
    *body = (buf){f.b + a, e - a};
    return e > a;
}

static bool ends_with(buf s, const char *tail)
{
    size_t n = strlen(tail);
    return s.n >= n && memcmp(s.b + s.n - n, tail, n) == 0;
}

/* ---- writing ---------------------------------------------------------------------- */

typedef struct {
    uint8_t type;  /* 0 free, 1 at an offset, 2 in an object stream */
    uint32_t f2;   /* offset, or the object stream's number */
    uint16_t f3;   /* index in the object stream */
} xref_row;

typedef struct {
    GString *out;
    GArray *rows;   /* xref_row by object number */
    size_t next;    /* the next new object number */
    size_t batch;   /* the object stream being filled (0: none) */
    int nbatch;     /* objects in it */
    GString *head;  /* its "number offset" pairs */
    GString *body;  /* its objects */
    bool oom, too_big;
} writer;

static void set_row(writer *w, size_t num, uint8_t type, size_t f2, uint16_t f3)
{
    if (num >= w->rows->len) g_array_set_size(w->rows, num + 1);
    if (f2 > UINT32_MAX) w->too_big = true;
    g_array_index(w->rows, xref_row, num) = (xref_row){type, (uint32_t)f2, f3};
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
    set_row(w, num, 1, w->out->len, 0);
    g_string_append_printf(w->out, "%zu 0 obj\n<< %s /Filter /FlateDecode /Length %lu >>\nstream\n",
                           num, dict, (unsigned long)len);
    g_string_append_len(w->out, (const char *)z, (gssize)len);
    g_string_append(w->out, "\nendstream\nendobj\n");
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
    size_t num = w->next++, at = w->out->len;
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
    g_string_append_printf(w->out, "startxref\n%zu\n%%%%EOF\n", at);
}

/* The whole new file into w->out; false when the input is not as
 * expected (w->oom: memory ran out). */
static bool pack(buf f, const in_doc *doc, writer *w)
{
    const size_t *bd = (const size_t *)doc->bounds->data;
    g_string_append_len(w->out, f.b, (gssize)bd[0]); /* the header, as cairo wrote it */
    w->next = doc->size;
    for (size_t num = 1; num < doc->size && !w->oom; num++) {
        buf body;
        size_t end;
        if (doc->objs[num].off == 0) continue;
        if (!object_body(f, doc, num, &body, &end)) return false;
        if (ends_with(body, "endstream")) {
            set_row(w, num, 1, w->out->len, 0);
            size_t off = doc->objs[num].off;
            g_string_append_len(w->out, f.b + off, (gssize)(end - off));
        } else {
            add_to_batch(w, num, body);
        }
    }
    flush_batch(w);
    if (!w->oom) write_xref(w, doc);
    return !w->too_big;
}

/* ---- the file ---------------------------------------------------------------------- */

static pp_status overwrite(const char *path, const GString *s, pp_diags *d)
{
    FILE *fp = fopen(path, "wb");
    int err = 0;
    if (!fp)
        err = errno;
    else {
        if (fwrite(s->str, 1, s->len, fp) != s->len || fflush(fp) != 0) err = errno ? errno : EIO;
        if (!err && fsync(fileno(fp)) != 0) err = errno;
        if (fclose(fp) != 0 && !err) err = errno ? errno : EIO;
    }
    if (err) {
        pp_error(d, 0, 0, "cannot write %s: %s", path, strerror(err));
        return PP_ERR_ENV;
    }
    return PP_OK;
}

/* Object streams need PDF 1.5 (cairo writes the version it was
 * restricted to). */
static bool version_ok(buf f)
{
    return f.n > 8 && memcmp(f.b, "%PDF-1.", 7) == 0 && f.b[7] >= '5' && f.b[7] <= '7';
}

/* The new file in memory, NULL when the input is not as expected. */
static GString *rewrite(buf f, bool *oom)
{
    in_doc doc = {.bounds = g_array_new(FALSE, FALSE, sizeof(size_t))};
    writer w = {.out = g_string_sized_new(f.n / 3),
                .rows = g_array_new(FALSE, TRUE, sizeof(xref_row)),
                .head = g_string_new(NULL),
                .body = g_string_new(NULL)};
    bool ok = version_ok(f) && read_doc(f, &doc) && pack(f, &doc, &w) && !w.oom;
    *oom = w.oom;
    g_array_free(doc.bounds, TRUE);
    g_free(doc.objs);
    g_free(doc.root);
    g_free(doc.info);
    g_array_free(w.rows, TRUE);
    g_string_free(w.head, TRUE);
    g_string_free(w.body, TRUE);
    if (ok) return w.out;
    g_string_free(w.out, TRUE);
    return NULL;
}

pp_status pp_pdf_compact(const char *path, pp_diags *d)
{
    GError *err = NULL;
    GMappedFile *map = g_mapped_file_new(path, FALSE, &err);
    if (!map) {
        pp_error(d, 0, 0, "cannot read back %s: %s", path, err->message);
        g_error_free(err);
        return PP_ERR_ENV;
    }
    bool oom = false;
    GString *s = rewrite((buf){g_mapped_file_get_contents(map), g_mapped_file_get_length(map)},
                         &oom);
    g_mapped_file_unref(map); /* unmapped before the file is truncated */
    if (oom) return pp_diag_oom(d);
    if (!s) {
        /* The file is valid as cairo wrote it, only larger. */
        pp_warning(d, 0, 0, "internal error: %s left without object streams (unexpected layout)",
                   path);
        return PP_OK;
    }
    pp_status st = overwrite(path, s, d);
    g_string_free(s, TRUE);
    return st;
}
