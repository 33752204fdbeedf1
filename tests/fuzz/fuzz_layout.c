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
#include "validate.h"
#include "score.h"
#include "text.h"
#include "xmlsafe.h"

/* Pages larger than this are the sign of a layout bug, not of a big input. */
#define MAX_PAGES 2000

static bool inside(const pp_page *p, double x, double y)
{
    return isfinite(x) && isfinite(y) && x >= -1 && y >= -1 && x <= p->width + 1 &&
           y <= p->height + 1;
}

static void check_page(const pp_page *p)
{
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind == PP_DL_TEXT && !inside(p, it->u.text.x, it->u.text.y)) abort();
        if (it->kind == PP_DL_RECT && !inside(p, it->u.rect.x, it->u.rect.y)) abort();
    }
}

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
        pp_pages pages;
        if (pp_layout_document(doc, layout, text, &pages, &d) == PP_OK) {
            if (pages.npages > MAX_PAGES) abort();
            for (size_t i = 0; i < pages.npages; i++) check_page(pages.pages[i]);
            pp_pages_free(&pages);
        }
        pp_doc_free(doc);
    }
    pp_diags_clear(&d);
    return 0;
}
