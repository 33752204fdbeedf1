/* The finished PDF rewritten with object streams (PDF 1.5, ISO 32000-1,
 * 7.5.7) and a cross-reference stream (7.5.8).
 *
 * cairo 1.16 writes every element of the tagged structure tree as an
 * object of its own, uncompressed, with a 20-byte xref entry: on a table
 * page that is three quarters of the bytes. Object streams pack those small
 * objects together and compress them with Flate, and a cross-reference
 * stream replaces the xref table; page content, fonts and images are copied
 * as they are. Everything else is kept: tags, /Lang, /Alt, outline, links,
 * page labels, metadata. The incremental update (pdf_update.h) is folded
 * into the one revision written. Nothing in it depends on the clock: the
 * same input gives the same bytes. */
#ifndef PP_PDF_COMPACT_H
#define PP_PDF_COMPACT_H

#include "diag.h"

/* Rewrites the regular file at path, as cairo and pdf_update.c wrote it:
 * the new file is written under a temporary name (outfile.h: its mode and
 * owner are path's) and renamed onto path. PP_ERR_ENV with a diagnostic
 * when the file cannot be read or the new one written (path is then left
 * as it was); pp_diag_oom when memory runs out. A file not laid out as
 * expected is left as it is, with a warning. */
pp_status pp_pdf_compact(const char *path, pp_diags *d);

#endif
