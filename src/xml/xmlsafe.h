/* Safe reading of an XML file with libxml2.
 *
 * No network, no DTD (a DOCTYPE is refused before any entity is seen, so
 * there is no external entity and no entity expansion), bounded depth and
 * text size (libxml2's defaults without XML_PARSE_HUGE), a bounded file
 * size. Every element remembers the line and column of its start tag, so
 * messages can say FILE:LINE:COL. */
#ifndef PP_XMLSAFE_H
#define PP_XMLSAFE_H

#include <libxml/tree.h>

#include "arena.h"
#include "diag.h"

/* Largest file accepted: a plan of 10,000 indicators is about 5 MB. */
#define PP_XML_MAX_FILE (256u * 1024 * 1024)
/* Longest run of text between two tags: the longest narrative paragraph
 * is a few thousand characters; a megabyte is a broken or hostile file. */
#define PP_XML_MAX_TEXT (1024u * 1024)
/* Most elements, attributes and runs of text in a document: bounds the
 * memory of the tree (a plan of 10,000 indicators has about 450,000). */
#define PP_XML_MAX_NODES 3000000u
/* Most attributes in one start tag: ours have at most a dozen, and
 * libxml2 2.9 checks them against each other in quadratic time. */
#define PP_XML_MAX_ATTRS 100

typedef struct {
    xmlDocPtr doc;
    pp_arena *positions; /* owns the positions hung on each element */
} pp_xmldoc;

/* Reads and parses path. On success *out holds the document (free with
 * pp_xml_free). Parse errors go to d as errors; returns PP_ERR_INPUT for a
 * bad file, PP_ERR_ENV when it cannot be read for reasons of the machine. */
pp_status pp_xml_read(const char *path, pp_diags *d, pp_xmldoc *out);
/* Same, from memory (name is only used in messages). */
pp_status pp_xml_parse(const char *data, size_t len, pp_diags *d, pp_xmldoc *out);
void pp_xml_free(pp_xmldoc *x);

/* What must be refused before libxml2 parses the bytes (prescan.c): a
 * start tag with more than PP_XML_MAX_ATTRS attributes, an encoding whose
 * '<' is not ASCII's. False, with an error in d, when the data has one. */
bool pp_xml_prescan(const char *data, size_t len, pp_diags *d);

/* Position of an element's start tag ('<'); 0 when unknown. */
int pp_xml_line(const xmlNode *n);
int pp_xml_col(const xmlNode *n);
/* Gives an element built or copied in memory the position diagnostics
 * about it should name (for an imported document: the CSV row and
 * column it comes from). Allocated in x->positions; false when out of
 * memory. */
bool pp_xml_set_pos(pp_xmldoc *x, xmlNode *n, int line, int col);

/* Walking a tree by element. ns is a namespace URI the element must be in
 * (NULL: any namespace, or none); name is its local name (NULL: any).
 * Text, comments and other nodes are skipped. Every reader of our files
 * goes through these, so "is this our element" is decided in one place. */
bool pp_xml_is(const xmlNode *n, const char *ns, const char *name);
/* The first child element of parent that matches; NULL when none (or no
 * parent). */
xmlNode *pp_xml_first(const xmlNode *parent, const char *ns, const char *name);
/* The next sibling element after `after` that matches; NULL when none. */
xmlNode *pp_xml_next(const xmlNode *after, const char *ns, const char *name);
/* How many child elements of parent match. */
size_t pp_xml_count(const xmlNode *parent, const char *ns, const char *name);

/* Quiet libxml2's global error printing; call once from main(). */
void pp_xml_init(void);

/* Copies a libxml2 message into buf without the namespace in braces and
 * without the trailing newline. */
void pp_xml_clean_message(const char *msg, char *buf, size_t size);

#endif
