/* An image the document names is decoded completely at validation, one
 * row at a time, so that a truncated or corrupt file is refused here
 * rather than embedded broken in the PDF (the PDF backend embeds a JPEG
 * as it is: nothing else would ever read its scan data), and so that
 * its size is known, and bounded, before anything is allocated for it.
 *
 * PNG with libpng (which cairo uses to decode it at render time), JPEG
 * with libjpeg-turbo. Memory stays at one row (JPEGs are decoded at an
 * eighth of their size: every coefficient is still entropy-decoded, so
 * corrupt data is still found); a progressive JPEG keeps its
 * coefficients, 6 bytes a pixel at most, which the pixel limit bounds. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

#include "check.h"
#include "image_info.h"

/* A progressive JPEG may have any number of scans, each a pass over the
 * whole image: djpeg's -maxscans advice. */
enum { MAX_SCANS = 1000 };

static void say(char *why, size_t n, const char *fmt, const char *detail)
{
    snprintf(why, n, fmt, detail);
}

static bool size_ok(unsigned long w, unsigned long h, char *why, size_t n)
{
    if (pp_image_size_ok(w, h)) return true;
    if (w == 0 || h == 0)
        snprintf(why, n, "has no pixels (%lu x %lu)", w, h);
    else if (w > PP_IMAGE_MAX_SIDE || h > PP_IMAGE_MAX_SIDE)
        snprintf(why, n, "is %lu x %lu pixels: more than %lu on a side", w, h, PP_IMAGE_MAX_SIDE);
    else
        snprintf(why, n, "is %lu x %lu pixels: more than the limit of %lu megapixels", w, h,
                 PP_IMAGE_MAX_PIXELS / 1000000);
    return false;
}

/* ---- PNG ---------------------------------------------------------------------------- */

typedef struct {
    jmp_buf jump;
    char message[160];
} png_errors;

static void png_fail(png_structp png, png_const_charp msg)
{
    png_errors *e = png_get_error_ptr(png);
    snprintf(e->message, sizeof e->message, "%s", msg);
    longjmp(e->jump, 1);
}

/* Warnings are about ancillary chunks libpng skips (cairo skips them
 * too): they do not make the image wrong. */
static void png_warn(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

/* libpng's own reader says only "Read Error" when the file ends. */
static void png_read(png_structp png, png_bytep data, size_t n)
{
    FILE *f = png_get_io_ptr(png);
    if (fread(data, 1, n, f) != n)
        png_error(png, ferror(f) ? "read error" : "the file ends too soon");
}

/* Every row of every pass read into one row buffer; the end chunks read
 * too, so a file cut anywhere, or a bad CRC or zlib stream, is an error. */
static bool check_png(FILE *f, char *why, size_t n, int *w, int *h)
{
    png_errors e = {.message = ""};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &e, png_fail, png_warn);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    png_bytep volatile row = NULL;
    volatile bool ok = false;
    if (!info) {
        say(why, n, "cannot be checked: %s", "out of memory");
        png_destroy_read_struct(png ? &png : NULL, NULL, NULL);
        return false;
    }
    if (setjmp(e.jump)) {
        say(why, n, "is truncated or corrupt (PNG: %s)", e.message);
        goto done;
    }
    png_set_user_limits(png, PP_IMAGE_MAX_SIDE, PP_IMAGE_MAX_SIDE);
    png_set_read_fn(png, f, png_read);
    png_read_info(png, info);
    png_uint_32 pw = png_get_image_width(png, info), ph = png_get_image_height(png, info);
    if (!size_ok(pw, ph, why, n)) goto done;
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    row = malloc(png_get_rowbytes(png, info));
    if (!row) {
        say(why, n, "cannot be checked: %s", "out of memory");
        goto done;
    }
    for (int p = 0; p < passes; p++)
        for (png_uint_32 y = 0; y < ph; y++) png_read_row(png, row, NULL);
    png_read_end(png, NULL);
    *w = (int)pw;
    *h = (int)ph;
    ok = true;
done:
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    return ok;
}

/* ---- JPEG --------------------------------------------------------------------------- */

typedef struct {
    struct jpeg_error_mgr mgr;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    bool corrupt; /* libjpeg warned: it would have filled in the missing data */
} jpeg_errors;

static void jpeg_fail(j_common_ptr cinfo)
{
    jpeg_errors *e = (jpeg_errors *)cinfo->err;
    cinfo->err->format_message(cinfo, e->message);
    longjmp(e->jump, 1);
}

/* A warning (level -1) is corrupt or missing data that libjpeg papers
 * over ("Premature end of JPEG file"): the first one ends the check. */
static void jpeg_message(j_common_ptr cinfo, int level)
{
    jpeg_errors *e = (jpeg_errors *)cinfo->err;
    if (level >= 0) return; /* trace messages */
    cinfo->err->format_message(cinfo, e->message);
    e->corrupt = true;
    longjmp(e->jump, 1);
}

static void too_many_scans(j_common_ptr cinfo)
{
    j_decompress_ptr d = (j_decompress_ptr)cinfo;
    if (d->input_scan_number > MAX_SCANS) {
        jpeg_errors *e = (jpeg_errors *)cinfo->err;
        snprintf(e->message, sizeof e->message, "more than %d scans", MAX_SCANS);
        longjmp(e->jump, 1);
    }
}

static bool check_jpeg(FILE *f, char *why, size_t n, int *w, int *h)
{
    struct jpeg_decompress_struct cinfo;
    jpeg_errors e = {.message = ""};
    struct jpeg_progress_mgr progress = {.progress_monitor = too_many_scans};
    JSAMPARRAY volatile rows = NULL;
    volatile bool ok = false;
    cinfo.err = jpeg_std_error(&e.mgr);
    e.mgr.error_exit = jpeg_fail;
    e.mgr.emit_message = jpeg_message;
    if (setjmp(e.jump)) {
        say(why, n, "is truncated or corrupt (JPEG: %s)", e.message);
        goto done;
    }
    jpeg_create_decompress(&cinfo);
    cinfo.progress = &progress;
    jpeg_stdio_src(&cinfo, f);
    jpeg_read_header(&cinfo, TRUE);
    if (!size_ok(cinfo.image_width, cinfo.image_height, why, n)) goto done;
    /* What a PDF's DCTDecode reads, as cairo embeds it: 8 bits, Huffman
     * coding, grey, RGB or CMYK. */
    if (cinfo.arith_code || cinfo.data_precision != 8 ||
        (cinfo.num_components != 1 && cinfo.num_components != 3 && cinfo.num_components != 4)) {
        say(why, n, "is a JPEG that PDF cannot embed (%s): save it as a baseline or progressive "
                    "JPEG, or as PNG",
            cinfo.arith_code ? "arithmetic coding" : cinfo.data_precision != 8 ? "not 8 bits"
                                                                              : "colour channels");
        goto done;
    }
    cinfo.scale_num = 1;
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_IFAST;
    jpeg_start_decompress(&cinfo);
    rows = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE,
                                      cinfo.output_width * (JDIMENSION)cinfo.output_components, 1);
    while (cinfo.output_scanline < cinfo.output_height) jpeg_read_scanlines(&cinfo, rows, 1);
    jpeg_finish_decompress(&cinfo);
    *w = (int)cinfo.image_width;
    *h = (int)cinfo.image_height;
    ok = true;
done:
    jpeg_destroy_decompress(&cinfo);
    return ok;
}

bool pp_image_check(FILE *f, pp_image_kind *kind, int *w, int *h, char *why, size_t n)
{
    unsigned char head[8] = {0};
    size_t got = fread(head, 1, sizeof head, f);
    rewind(f);
    bool ok;
    if (got == 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0) {
        *kind = PP_IMAGE_PNG;
        ok = check_png(f, why, n, w, h);
    } else if (got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) {
        *kind = PP_IMAGE_JPEG;
        ok = check_jpeg(f, why, n, w, h);
    } else {
        say(why, n, "is not a %s image", "PNG or JPEG");
        return false;
    }
    if (!ok) return false;
    /* The layout and the backends size the image from its header alone:
     * they must find what the decoder found. */
    rewind(f);
    int hw = 0, hh = 0;
    bool oom = false;
    pp_image_kind hk = pp_image_stream_info(f, &hw, &hh, &oom);
    if (oom) {
        say(why, n, "cannot be checked: %s", "out of memory");
        return false;
    }
    if (hk != *kind || hw != *w || hh != *h) {
        snprintf(why, n, "has a header that does not match its image (%d x %d pixels)", *w, *h);
        return false;
    }
    return true;
}
