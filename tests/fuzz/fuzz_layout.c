/* libFuzzer harness: layout of a small document. The input is a document;
 * when it is valid it is scored and laid out with the built-in layout and
 * the bundled fonts, and every page goes to a backend that checks that no
 * item lies outside the page and then drops it. Any crash, hang, leak or
 * sanitizer report is a bug. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "layout.h"
#include "load.h"
#include "score.h"
#include "text.h"
#include "xmlsafe.h"

/* Pages larger than this are the sign of a layout bug, not of a big input. */
#define MAX_PAGES 2000

typedef struct {
    pp_backend base;
    size_t pages;
} null_backend;

static bool inside(const pp_page *p, double x, double y)
{
    return isfinite(x) && isfinite(y) && x >= -1 && y >= -1 && x <= p->width + 1 &&
           y <= p->height + 1;
}

static pp_status page(pp_backend *b, const pp_page *p, pp_diags *d)
{
    (void)d;
    null_backend *nb = (null_backend *)b;
    if (++nb->pages > MAX_PAGES) abort();
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind == PP_DL_TEXT && !inside(p, it->u.text.x, it->u.text.y)) abort();
        if (it->kind == PP_DL_RECT && !inside(p, it->u.rect.x, it->u.rect.y)) abort();
    }
    return PP_OK;
}

static pp_status finish(pp_backend *b, const pp_outline_entry *o, size_t n, pp_diags *d)
{
    (void)b;
    (void)o;
    (void)n;
    (void)d;
    return PP_OK;
}

static void destroy(pp_backend *b) { (void)b; }

static const pp_backend_ops null_ops = {page, finish, destroy};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pp_text *text;
    static pp_layout *layout;
    if (!text) {
        pp_xml_init();
        pp_diags d;
        pp_diags_init(&d, "init");
        size_t len;
        const char *def = pp_layout_builtin(PP_DOC_RELAZIONE, &len);
        if (pp_text_new(pp_fonts_dir_default(), &d, &text) != PP_OK ||
            pp_layout_parse(def, len, &d, &layout) != PP_OK) {
            pp_diags_print(&d, stderr);
            abort();
        }
        pp_diags_clear(&d);
    }
    if (size > 64 * 1024) return 0; /* a small document: speed over size */
    pp_diags d;
    pp_diags_init(&d, "fuzz.xml");
    pp_doc *doc = NULL;
    if (pp_open_document_mem((const char *)data, size, "fuzz.xml", &d, &doc) == PP_OK) {
        pp_score(doc);
        null_backend nb = {{&null_ops}, 0};
        pp_backend *backends[] = {&nb.base};
        pp_render(doc, layout, text, backends, 1, NULL, &d);
        pp_doc_free(doc);
    }
    pp_diags_clear(&d);
    return 0;
}
