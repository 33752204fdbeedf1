/* Files the document names — the logo and narrative images — must exist
 * and be PNG or JPEG images: a cover without its logo is not the document
 * the Giunta approved. Relative names are relative to the document's
 * folder, as render reads them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "image_info.h"

static char *resolve(const pp_doc *doc, const char *file)
{
    const char *slash = doc->path ? strrchr(doc->path, '/') : NULL;
    size_t dir = file[0] == '/' || !slash ? 0 : (size_t)(slash - doc->path) + 1;
    char *s = malloc(dir + strlen(file) + 1);
    if (!s) return NULL;
    memcpy(s, doc->path ? doc->path : "", dir);
    strcpy(s + dir, file);
    return s;
}

static void check_image(const pp_doc *doc, pp_diags *d, const char *what, const char *file,
                        pp_pos pos)
{
    if (!file) return;
    char *path = resolve(doc, file);
    if (!path) {
        pp_diag_oom(d);
        return;
    }
    FILE *f = fopen(path, "rb");
    int w, h;
    pp_status st = f ? pp_image_size(path, &w, &h) : PP_ERR_INPUT;
    if (!f)
        pp_error(d, pos.line, pos.col, "%s '%s' cannot be opened: %s%s", what, file,
                 strerror(errno),
                 file[0] == '/' ? "" : " (names are relative to the document's folder)");
    else if (st == PP_ERR_ENV) /* not the file's fault */
        pp_diag_oom(d);
    else if (st != PP_OK)
        pp_error(d, pos.line, pos.col, "%s '%s' is not a PNG or JPEG image", what, file);
    if (f) fclose(f);
    free(path);
}

/* Nested sections: depth is bounded by the parser's limit. */
static void check_section(const pp_doc *doc, pp_diags *d, const pp_section *s)
{
    for (size_t i = 0; s && i < s->nblocks; i++) {
        const pp_block *b = &s->blocks[i];
        if (b->kind == PP_BLOCK_IMAGE) check_image(doc, d, "image", b->file, b->pos);
        if (b->kind == PP_BLOCK_SECTION) check_section(doc, d, b->section);
    }
}

void pp_check_files(const pp_doc *doc, pp_diags *d)
{
    check_image(doc, d, "logo", doc->logo_file, doc->logo_pos);
    for (size_t i = 0; i < doc->nsections; i++) check_section(doc, d, &doc->sections[i]);
}
