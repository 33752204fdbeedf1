/* Files the document names — the logo and narrative images — must exist,
 * be regular files and be whole PNG or JPEG images within the pixel
 * limits: a cover without its logo is not the document the Giunta
 * approved, and a broken image must not reach the PDF. Relative names are
 * relative to the document's folder, as render reads them.
 *
 * Each file is decoded once however many elements name it, and the
 * images of a document together stay within a budget of pixels: a PNG of
 * 50 megapixels may be a file of 200 KB, and render decodes every PNG
 * into 4 bytes a pixel, kept to the end of the document; a JPEG costs
 * only the time to check it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "grow.h"
#include "files.h"

/* 400 MB of decoded PNG pixels at render, and the time of 20 JPEGs of 50
 * megapixels at validation. */
#define MAX_PNG_PIXELS (100ul * 1000 * 1000)
#define MAX_JPEG_PIXELS (1000ul * 1000 * 1000)

static char oom_problem[] = "cannot be checked: out of memory";

/* One element naming a file, and what the check of that file found. */
typedef struct {
    const char *what, *file; /* "logo" / "image", the name as written */
    pp_pos pos;
    char *path;              /* resolved against the document's folder */
    size_t order;            /* in the document */
    size_t first;            /* the first element naming the same path */
    char *problem;           /* NULL: a good image (set on `first` only) */
    pp_image_kind kind;
    unsigned long pixels;
} image_ref;

typedef struct {
    image_ref *refs;
    size_t n, cap;
    bool oom;
} image_list;

static void add_ref(const pp_doc *doc, image_list *l, const char *what, const char *file,
                    pp_pos pos)
{
    if (!file || l->oom) return;
    if (!pp_grow(&l->refs, &l->cap, l->n + 1, sizeof *l->refs, 8)) {
        l->oom = true;
        return;
    }
    char *path = pp_doc_file_path(doc, file);
    if (!path) {
        l->oom = true;
        return;
    }
    l->refs[l->n] = (image_ref){.what = what, .file = file, .pos = pos, .path = path,
                                .order = l->n};
    l->n++;
}

/* Nested sections: depth is bounded by the parser's limit. */
static void collect_section(const pp_doc *doc, image_list *l, const pp_section *s)
{
    for (size_t i = 0; s && i < s->nblocks; i++) {
        const pp_block *b = &s->blocks[i];
        if (b->kind == PP_BLOCK_IMAGE) add_ref(doc, l, "image", b->file, b->pos);
        if (b->kind == PP_BLOCK_SECTION) collect_section(doc, l, b->section);
    }
}

static int by_path(const void *a, const void *b)
{
    const image_ref *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

static int by_order(const void *a, const void *b)
{
    const image_ref *x = a, *y = b;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Opens and decodes the file of r; the problem found, if any. */
static void check_file(image_ref *r)
{
    const char *why;
    FILE *f = pp_open_regular(r->path, &why);
    char problem[256];
    int w = 0, h = 0;
    if (!f) {
        snprintf(problem, sizeof problem, "cannot be opened: %s%s", why,
                 r->file[0] == '/' || why == PP_NOT_REGULAR
                     ? ""
                     : " (names are relative to the document's folder)");
    } else if (pp_image_check(f, &r->kind, &w, &h, problem, sizeof problem)) {
        r->pixels = (unsigned long)w * (unsigned long)h;
        fclose(f);
        return;
    }
    if (f) fclose(f);
    /* the checker ran out of memory: the machine's failure, not the file's */
    bool oom = strstr(problem, "out of memory") != NULL;
    r->problem = oom ? NULL : strdup(problem);
    if (!r->problem) r->problem = oom_problem;
}

/* The first image, in document order, past either budget is refused. */
static void check_budget(image_list *l)
{
    unsigned long png = 0, jpeg = 0;
    for (size_t i = 0; i < l->n; i++) {
        image_ref *r = &l->refs[i];
        if (r->first != i || r->problem) continue;
        unsigned long *sum = r->kind == PP_IMAGE_PNG ? &png : &jpeg;
        unsigned long max = r->kind == PP_IMAGE_PNG ? MAX_PNG_PIXELS : MAX_JPEG_PIXELS;
        *sum += r->pixels;
        if (*sum <= max) continue;
        char problem[256];
        snprintf(problem, sizeof problem,
                 "takes the %s images of the document over %lu megapixels in all",
                 r->kind == PP_IMAGE_PNG ? "PNG" : "JPEG", max / 1000000);
        r->problem = strdup(problem);
        if (!r->problem) r->problem = oom_problem;
        *sum -= r->pixels;
    }
}


void pp_check_files(const pp_doc *doc, pp_diags *d)
{
    image_list l = {0};
    add_ref(doc, &l, "logo", doc->logo_file, doc->logo_pos);
    for (size_t i = 0; i < doc->nsections; i++) collect_section(doc, &l, &doc->sections[i]);
    if (l.oom) pp_diag_oom(d);
    if (l.n == 0) {
        free(l.refs);
        return;
    }
    /* each path once: the refs naming it follow its first one */
    qsort(l.refs, l.n, sizeof *l.refs, by_path);
    for (size_t i = 0; i < l.n; i++) {
        bool same = i > 0 && strcmp(l.refs[i].path, l.refs[i - 1].path) == 0;
        l.refs[i].first = same ? l.refs[i - 1].first : l.refs[i].order;
        if (!same) check_file(&l.refs[i]);
    }
    qsort(l.refs, l.n, sizeof *l.refs, by_order);
    check_budget(&l);
    for (size_t i = 0; i < l.n; i++) {
        const image_ref *r = &l.refs[i];
        const char *problem = l.refs[r->first].problem;
        if (problem == oom_problem) pp_diag_oom(d);
        else if (problem) pp_error(d, r->pos.line, r->pos.col, "%s '%s' %s", r->what, r->file, problem);
    }
    for (size_t i = 0; i < l.n; i++) {
        if (l.refs[i].problem != oom_problem) free(l.refs[i].problem);
        free(l.refs[i].path);
    }
    free(l.refs);
}
