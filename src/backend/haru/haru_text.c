/* Text through libharu. libharu sets text, not glyphs: a TrueType face
 * with its UTF-8 encoder (the code of a character is its Unicode value,
 * the glyph comes from the font's cmap). The display list places every
 * glyph; the characters of a run are set in stretches that libharu's own
 * advances carry to the next glyph's place, and a new stretch begins
 * wherever the shaper moved a glyph (kerning, a ligature, an offset), so
 * that each glyph lands where the cairo copy draws it. A ligature is set
 * as its letters. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "haru_internal.h"

/* How far libharu's advance may be from the shaper's position before a
 * new stretch begins, in points: far below anything visible. */
#define PLACE_SLACK 0.01

static HPDF_Font load_face(haru_backend *b, const pp_dl_font *f)
{
    const char *name = f->face_index
                           ? HPDF_LoadTTFontFromFile2(b->pdf, f->file, (HPDF_UINT)f->face_index,
                                                      HPDF_TRUE)
                           : HPDF_LoadTTFontFromFile(b->pdf, f->file, HPDF_TRUE);
    return name ? HPDF_GetFont(b->pdf, name, "UTF-8") : NULL;
}

/* The same file and face may stand at two indices of the table: libharu
 * registers a face once. */
static HPDF_Font loaded_face(haru_backend *b, const pp_dl_font *f)
{
    for (size_t i = 0; i < b->nfaces; i++) {
        const pp_dl_font *g = b->fonts.get(b->fonts.ctx, (int)i);
        if (b->faces[i].font && g && g->face_index == f->face_index &&
            strcmp(g->file, f->file) == 0)
            return b->faces[i].font;
    }
    return NULL;
}

static haru_font *font_for(haru_backend *b, const pp_run *run, pp_diags *d)
{
    size_t idx = (size_t)run->item->u.text.font, count = b->fonts.count(b->fonts.ctx);
    if (count > b->nfaces) {
        haru_font *nf = realloc(b->faces, count * sizeof *nf);
        if (!nf) return pp_diag_oom(d), NULL;
        memset(nf + b->nfaces, 0, (count - b->nfaces) * sizeof *nf);
        b->faces = nf;
        b->nfaces = count;
    }
    haru_font *hf = &b->faces[idx];
    if (hf->font) return hf;
    if (!(hf->used = calloc(65536 / 8, 1))) return pp_diag_oom(d), NULL;
    hf->font = loaded_face(b, run->font);
    if (!hf->font) hf->font = load_face(b, run->font);
    if (!hf->font || b->error) {
        hf->font = NULL;
        if (b->error == HPDF_FAILD_TO_ALLOC_MEM) return pp_diag_oom(d), NULL;
        pp_error(d, 0, 0, "libharu cannot embed the font %s (error 0x%04X): a TrueType font "
                 "is needed", run->font->file, (unsigned)b->error);
        b->error = 0;
        return NULL;
    }
    return hf;
}

/* ---- stretches ----------------------------------------------------------------- */

typedef struct {
    haru_backend *b;
    haru_font *f;
    double size, x0, y0;  /* run origin, display-list coordinates */
    size_t len;           /* bytes in b->text */
    double x, y;          /* where the stretch starts, relative to the origin */
    double end;           /* where libharu's advances take it */
    bool oom;
} stretch;

static void flush(stretch *s)
{
    if (s->len == 0) return;
    s->b->text[s->len] = '\0';
    /* an absolute text matrix for each stretch: libharu's relative moves
     * (Td) would add up their rounding along a line */
    HPDF_Page_SetTextMatrix(s->b->page, 1, 0, 0, 1, (HPDF_REAL)(s->x0 + s->x),
                            (HPDF_REAL)haru_y(s->b, s->y0 + s->y));
    HPDF_Page_ShowText(s->b->page, s->b->text);
    s->len = 0;
}

/* The characters libharu's UTF-8 encoder can set (the Basic Multilingual
 * Plane, no control characters), appended to the stretch and marked used
 * for the ToUnicode map. */
static void append(stretch *s, const char *p, size_t n)
{
    const char *end = p + n;
    while (p < end) {
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2) return;
        const char *next = g_utf8_next_char(p);
        if (c >= 0x20 && c <= 0xFFFF && (c < 0xD800 || c > 0xDFFF)) {
            size_t k = (size_t)(next - p);
            if (!pp_grow(&s->b->text, &s->b->text_cap, s->len + k + 1, 1, 256)) {
                s->oom = true;
                return;
            }
            memcpy(s->b->text + s->len, p, k);
            s->len += k;
            s->f->used[c >> 3] |= (unsigned char)(1u << (c & 7));
        }
        p = next;
    }
}

/* One cluster: n bytes of text shown by the glyph at (gx, gy). */
static void cluster(stretch *s, const char *p, size_t n, double gx, double gy)
{
    if (s->len && (fabs(gx - s->end) > PLACE_SLACK || gy != s->y)) flush(s);
    if (s->len == 0) {
        s->x = gx;
        s->y = gy;
        s->end = gx;
    }
    HPDF_TextWidth tw = HPDF_Font_TextWidth(s->f->font, (const HPDF_BYTE *)p, (HPDF_UINT)n);
    s->end += tw.width * s->size / 1000.0;
    append(s, p, n);
}

static void set_clusters(stretch *s, const pp_run *run)
{
    const pp_dl_item *it = run->item;
    pp_cluster whole = {(int)run->len, (int)it->u.text.nglyphs};
    const pp_cluster *cl = run->clusters ? run->clusters : &whole;
    size_t ncl = run->clusters ? run->nclusters : 1, byte = 0, glyph = 0;
    for (size_t i = 0; i < ncl && !s->oom; i++) {
        size_t nb = (size_t)cl[i].nbytes, ng = (size_t)cl[i].nglyphs;
        if (ng > 0 && glyph < it->u.text.nglyphs)
            cluster(s, run->utf8 + byte, nb, it->u.text.glyphs[glyph].x,
                    it->u.text.glyphs[glyph].y);
        else if (s->len) /* characters without a glyph of their own */
            append(s, run->utf8 + byte, nb);
        byte += nb;
        glyph += ng;
    }
    flush(s);
}

pp_status pp_haru_text(void *impl, const pp_run *run, pp_diags *d)
{
    haru_backend *b = impl;
    const pp_dl_item *it = run->item;
    if (!run->utf8) return PP_OK; /* glyphs without characters: nothing libharu can set */
    haru_font *f = font_for(b, run, d);
    if (!f) return PP_ERR_ENV;
    HPDF_MD5Update(&b->identity, (const HPDF_BYTE *)run->utf8, (HPDF_UINT32)run->len);
    pp_rgb c = it->u.text.color;
    HPDF_Page_SetRGBFill(b->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
    HPDF_Page_BeginText(b->page);
    HPDF_Page_SetFontAndSize(b->page, f->font, (HPDF_REAL)it->u.text.size);
    stretch s = {b, f, it->u.text.size, it->u.text.x, it->u.text.y, 0, 0, 0, 0, false};
    set_clusters(&s, run);
    HPDF_Page_EndText(b->page);
    if (s.oom) return pp_diag_oom(d);
    return PP_OK;
}

/* ---- ToUnicode ----------------------------------------------------------------- */

/* The used code points as bfrange entries: runs of consecutive code points
 * that stay within one last-byte block, at most 100 per section. */
static void write_ranges(HPDF_Stream st, const unsigned char *used)
{
    GString *body = g_string_new(NULL);
    unsigned count = 0;
    char line[64];
    for (unsigned c = 0; c < 65536;) {
        if (!(used[c >> 3] & (1u << (c & 7)))) {
            c++;
            continue;
        }
        unsigned e = c;
        while (e + 1 < 65536 && (e + 1) % 256 != 0 && (used[(e + 1) >> 3] & (1u << ((e + 1) & 7))))
            e++;
        snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n", c, e, c);
        g_string_append(body, line);
        if (++count == 100) {
            HPDF_Stream_WriteStr(st, "100 beginbfrange\n");
            HPDF_Stream_WriteStr(st, body->str);
            HPDF_Stream_WriteStr(st, "endbfrange\n");
            g_string_truncate(body, 0);
            count = 0;
        }
        c = e + 1;
    }
    if (count) {
        snprintf(line, sizeof line, "%u beginbfrange\n", count);
        HPDF_Stream_WriteStr(st, line);
        HPDF_Stream_WriteStr(st, body->str);
        HPDF_Stream_WriteStr(st, "endbfrange\n");
    }
    g_string_free(body, TRUE);
}

/* libharu 2.3.0 writes its encoding CMap (a cidrange) as the ToUnicode
 * map, which readers reject: the same stream object is rewritten as a
 * proper ToUnicode CMap (bfrange), and the encoding named Identity-H, the
 * identity its CMap describes. */
static void fix_font(haru_font *f)
{
    HPDF_Dict font = (HPDF_Dict)f->font;
    HPDF_Dict map = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    if (!map || !map->stream) return;
    HPDF_MemStream_FreeData(map->stream);
    const char *keys[] = {"CIDSystemInfo", "CMapName", "Type", "WMode", "UseCMap"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        HPDF_Dict_RemoveElement(map, keys[i]); /* absent: nothing done, no error */
    map->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream st = map->stream;
    HPDF_Stream_WriteStr(st, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                             "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                             "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    write_ranges(st, f->used);
    HPDF_Stream_WriteStr(st, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    HPDF_Dict_AddName(font, "Encoding", "Identity-H");
}

/* The first index of a face shared by two indices of the table (the same
 * file and face) gets the characters of both. */
static haru_font *first_of(haru_backend *b, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (b->faces[j].font == b->faces[i].font) return &b->faces[j];
    return NULL;
}

pp_status haru_write_tounicode(haru_backend *b, pp_diags *d)
{
    for (size_t i = 0; i < b->nfaces; i++) {
        haru_font *first = b->faces[i].font ? first_of(b, i) : NULL;
        if (first)
            for (size_t k = 0; k < 65536 / 8; k++) first->used[k] |= b->faces[i].used[k];
    }
    for (size_t i = 0; i < b->nfaces; i++)
        if (b->faces[i].font && !first_of(b, i)) fix_font(&b->faces[i]);
    return haru_check(b, "the fonts", d);
}
