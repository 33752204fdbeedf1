/* The information dictionary and, for PDF/A-1b, what libharu 2.3.0 does
 * not write: the XMP metadata stream saying the same as the dictionary
 * (title, author, subject, keywords, creator tool, producer, dates) with
 * the PDF/A identification, and the sRGB OutputIntent with its ICC
 * profile. Both are built as PDF objects through libharu's object API.
 * Every date is meta.date at midnight UTC, never the clock. */
#include <stdio.h>
#include <string.h>

#include <hpdf_version.h>

#include "haru_internal.h"

static pp_date meta_date(const pp_dl_meta *m)
{
    return pp_date_valid(m->date) ? m->date : (pp_date){2000, 1, 1};
}

static void producer(char *buf, size_t n)
{
    snprintf(buf, n, "perfpdf (libharu %s)", HPDF_VERSION_TEXT);
}

static void info_text(haru_backend *b, const char *key, const char *value)
{
    if (!value || !*value || !g_utf8_validate(value, -1, NULL)) return;
    HPDF_Binary s = haru_text_string(b, value);
    if (s) HPDF_Dict_Add(b->pdf->info, key, s);
}

static void write_info(haru_backend *b)
{
    char prod[96];
    producer(prod, sizeof prod);
    /* the dictionary exists once an attribute is set through the API */
    HPDF_SetInfoAttr(b->pdf, HPDF_INFO_PRODUCER, "perfpdf");
    if (!b->pdf->info) return;
    info_text(b, "Producer", prod);
    info_text(b, "Title", b->meta.title);
    info_text(b, "Author", b->meta.author);
    info_text(b, "Subject", b->meta.subject);
    info_text(b, "Keywords", b->meta.keywords);
    info_text(b, "Creator", b->meta.creator);
    pp_date dt = meta_date(&b->meta);
    HPDF_Date hd = {dt.y, dt.m, dt.d, 0, 0, 0, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(b->pdf, HPDF_INFO_CREATION_DATE, hd);
    HPDF_SetInfoDateAttr(b->pdf, HPDF_INFO_MOD_DATE, hd);
}

/* ---- XMP ------------------------------------------------------------------------ */

static void xml_text(GString *s, const char *text)
{
    for (const char *p = text ? text : ""; *p; p++) {
        switch (*p) {
        case '&': g_string_append(s, "&amp;"); break;
        case '<': g_string_append(s, "&lt;"); break;
        case '>': g_string_append(s, "&gt;"); break;
        default: g_string_append_c(s, *p);
        }
    }
}

static void xmp_simple(GString *s, const char *tag, const char *value)
{
    if (!value || !*value) return;
    g_string_append_printf(s, "   <%s>", tag);
    xml_text(s, value);
    g_string_append_printf(s, "</%s>\n", tag);
}

/* dc:title and dc:description are language alternatives, dc:creator an
 * ordered list: how PDF/A maps Title, Subject and Author. */
static void xmp_alt(GString *s, const char *tag, const char *value, bool seq)
{
    if (!value || !*value) return;
    g_string_append_printf(s, "   <%s><rdf:%s><rdf:li%s>", tag, seq ? "Seq" : "Alt",
                           seq ? "" : " xml:lang=\"x-default\"");
    xml_text(s, value);
    g_string_append_printf(s, "</rdf:li></rdf:%s></%s>\n", seq ? "Seq" : "Alt", tag);
}

static GString *xmp_packet(const haru_backend *b)
{
    const pp_dl_meta *m = &b->meta;
    char prod[96], date[32];
    producer(prod, sizeof prod);
    pp_date dt = meta_date(m);
    snprintf(date, sizeof date, "%04d-%02d-%02dT00:00:00Z", dt.y, dt.m, dt.d);
    GString *s = g_string_new("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                              " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                              "  <rdf:Description rdf:about=\"\"\n"
                              "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                              "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                              "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                              "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
    g_string_append(s, "   <dc:format>application/pdf</dc:format>\n");
    xmp_alt(s, "dc:title", m->title, false);
    xmp_alt(s, "dc:creator", m->author, true);
    xmp_alt(s, "dc:description", m->subject, false);
    xmp_simple(s, "pdf:Keywords", m->keywords);
    xmp_simple(s, "pdf:Producer", prod);
    xmp_simple(s, "xmp:CreatorTool", m->creator);
    xmp_simple(s, "xmp:CreateDate", date);
    xmp_simple(s, "xmp:ModifyDate", date);
    xmp_simple(s, "xmp:MetadataDate", date);
    g_string_append(s, "   <pdfaid:part>1</pdfaid:part>\n"
                       "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                       "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
                       "<?xpacket end=\"w\"?>");
    return s;
}

/* PDF/A-1 wants the metadata stream unfiltered, so that any tool reads it. */
static void write_xmp(haru_backend *b)
{
    HPDF_Dict st = HPDF_DictStream_New(b->pdf->mmgr, b->pdf->xref);
    if (!st) return;
    st->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Dict_AddName(st, "Type", "Metadata");
    HPDF_Dict_AddName(st, "Subtype", "XML");
    GString *x = xmp_packet(b);
    HPDF_Stream_Write(st->stream, (const HPDF_BYTE *)x->str, (HPDF_UINT)x->len);
    g_string_free(x, TRUE);
    HPDF_Dict_Add(b->pdf->catalog, "Metadata", st);
}

/* ---- OutputIntent -------------------------------------------------------------- */

static void write_output_intent(haru_backend *b)
{
    HPDF_Doc pdf = b->pdf;
    HPDF_Dict icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    if (!icc || !intent || !intents) return;
    icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Dict_AddNumber(icc, "N", 3);
    HPDF_Stream_Write(icc->stream, b->opt.icc, (HPDF_UINT)b->opt.icc_len);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", haru_text_string(b, "sRGB IEC61966-2.1"));
    HPDF_Dict_Add(intent, "Info", haru_text_string(b, "sRGB IEC61966-2.1"));
    HPDF_Dict_Add(intent, "DestOutputProfile", icc);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
}

pp_status haru_write_metadata(haru_backend *b, pp_diags *d)
{
    write_info(b);
    if (b->opt.pdfa) {
        write_xmp(b);
        write_output_intent(b);
    }
    if (b->meta.lang && g_utf8_validate(b->meta.lang, -1, NULL))
        HPDF_Dict_Add(b->pdf->catalog, "Lang", haru_text_string(b, b->meta.lang));
    return haru_check(b, "the metadata", d);
}
