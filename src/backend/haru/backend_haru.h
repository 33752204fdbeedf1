/* The libharu backend: the archival PDF/A-1b copy and the protected copy
 * of the same display-list pages the cairo backend draws (see backend.h).
 * libharu has no structure tree: the accessible, tagged publication copy
 * stays cairo's; this one is for conservation systems (PDF/A) and for a
 * copy whose modification is forbidden (--protect). */
#ifndef PP_BACKEND_HARU_H
#define PP_BACKEND_HARU_H

#include "backend.h"

typedef struct {
    /* PDF/A-1b: XMP metadata matching the information dictionary, an sRGB
     * OutputIntent with the ICC profile below, no transparency (images
     * with alpha flattened on white), no encryption. */
    bool pdfa;
    const unsigned char *icc; /* an RGB profile (ICC v2); NULL: the compiled-in sRGB */
    size_t icc_len;
    /* Encrypted (RC4 128): printing and copying allowed, modification
     * forbidden; opens without a password. Not with pdfa. */
    bool protect;
    const char *owner_password; /* required with protect */
} pp_haru_options;

/* A PDF of the pages through libharu: fonts embedded (TrueType subsets
 * with a ToUnicode map, so that copied text reads right), outline, links
 * to the named destinations, metadata from meta (dates from meta->date,
 * never the clock: same input, same bytes). */
pp_status pp_backend_haru_pdf(const char *path, const pp_dl_meta *meta, pp_font_table fonts,
                              const pp_haru_options *opt, pp_diags *d, pp_backend **out);

#endif
