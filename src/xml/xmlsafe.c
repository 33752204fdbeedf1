/* Safe XML reading: no network, no DTD or entities, bounded depth and text,
 * and the start-tag position of every element for diagnostics. */
#include "xmlsafe.h"
#include "files.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

typedef struct {
    int line, col;
} position;

typedef struct {
    pp_diags *diags;
    pp_arena *positions;
    startElementNsSAX2Func start_element; /* libxml2's own handlers */
    endElementNsSAX2Func end_element;
    charactersSAXFunc characters;
    size_t text_run; /* bytes of text since the last tag */
    int doctype_line;
    bool oom;     /* a position could not be stored: stop, the run has failed */
    size_t nodes; /* elements, attributes and runs of text so far */
} reader_state;

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

void pp_xml_init(void)
{
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/* libxml2 messages name elements as "{urn:...}Name" and quote whole
 * values, however long: keep the name, shorten the value, one line. */
void pp_xml_clean_message(const char *msg, char *buf, size_t size)
{
    enum { MAX_QUOTED = 40 };
    size_t o = 0, quoted = 0;
    bool in_quote = false;
    for (const char *p = msg; *p && o + 4 < size; p++) {
        if (*p == '{' && (strncmp(p, "{urn:", 5) == 0 || strncmp(p, "{http", 5) == 0)) {
            const char *close = strchr(p, '}');
            if (close) {
                p = close;
                continue;
            }
        }
        if (*p == '\'') {
            in_quote = !in_quote;
            quoted = 0;
        } else if (in_quote && ++quoted > MAX_QUOTED) {
            if (quoted == MAX_QUOTED + 1) {
                memcpy(buf + o, "...", 3);
                o += 3;
            }
            continue;
        }
        buf[o++] = *p == '\n' || *p == '\r' ? ' ' : *p;
    }
    while (o > 0 && (buf[o - 1] == ' ' || buf[o - 1] == '.')) o--;
    buf[o] = '\0';
}

static void on_parse_error(void *ctx, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = ctx;
    reader_state *st = ctxt->_private;
    char msg[512];
    pp_xml_clean_message(err->message ? err->message : "malformed XML", msg, sizeof msg);
    pp_diag_add(st->diags, err->level == XML_ERR_WARNING ? PP_WARNING : PP_ERROR,
                err->line, err->int2 > 0 ? err->int2 : 1, "%s", msg);
}

/* A DOCTYPE is where entities live; refusing it up front means that no
 * entity, internal or external, is ever declared, let alone expanded. */
static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ext_id,
                               const xmlChar *system_id)
{
    (void)name;
    (void)ext_id;
    (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    reader_state *st = ctxt->_private;
    st->doctype_line = ctxt->input ? ctxt->input->line : 1;
    pp_error(st->diags, st->doctype_line, 1,
             "DOCTYPE declarations are not allowed (no DTD, no entities)");
    xmlStopParser(ctxt);
}

/* Finds where the start tag that has just been parsed began. The parser
 * stands at its end ('>' or "/>"); '<' cannot occur inside a start tag, so
 * the nearest '<' behind is its beginning. */
static position start_tag_position(xmlParserCtxtPtr ctxt)
{
    xmlParserInputPtr in = ctxt->input;
    position pos = {in->line, in->col > 0 ? in->col : 1};
    const xmlChar *p = in->cur;
    int newlines = 0, chars = 0;
    while (p > in->base && *p != '<') {
        p--;
        if (*p == '\n') newlines++;
        if ((*p & 0xC0) != 0x80) chars++;
    }
    if (*p != '<') return pos;
    pos.line = in->line - newlines;
    if (newlines == 0) {
        pos.col = in->col - chars;
    } else { /* count back to the start of the tag's own line */
        const xmlChar *q = p;
        int col = 1;
        while (q > in->base && q[-1] != '\n') {
            q--;
            if ((*q & 0xC0) != 0x80) col++;
        }
        pos.col = col;
    }
    if (pos.col < 1) pos.col = 1;
    return pos;
}

/* Each node of the tree takes 120 to 220 bytes: a file of empty elements
 * or short attributes would need 38 bytes of memory per byte of input (10
 * GB at the file limit). Their number is bounded, so the tree is too. */
static bool too_many_nodes(xmlParserCtxtPtr ctxt, reader_state *st, size_t more)
{
    st->nodes += more;
    if (st->nodes <= PP_XML_MAX_NODES) return false;
    pp_error(st->diags, ctxt->input ? ctxt->input->line : 0, 1,
             "more than %u elements, attributes and texts: not a performance document (a "
             "plan of 10,000 indicators has about 450,000)",
             PP_XML_MAX_NODES);
    xmlStopParser(ctxt);
    return true;
}

/* Text is counted per run between tags, so a single enormous text node is
 * refused early, however libxml2 chunks it. */
static void on_characters(void *ctx, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr ctxt = ctx;
    reader_state *st = ctxt->_private;
    if (st->text_run == 0 && too_many_nodes(ctxt, st, 1)) return;
    st->text_run += (size_t)len;
    if (st->text_run > PP_XML_MAX_TEXT) {
        pp_error(st->diags, ctxt->input ? ctxt->input->line : 0, 1,
                 "text longer than %u KB between two tags: not a performance document",
                 PP_XML_MAX_TEXT / 1024);
        xmlStopParser(ctxt);
        return;
    }
    st->characters(ctx, ch, len);
}

static void on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *URI)
{
    xmlParserCtxtPtr ctxt = ctx;
    reader_state *st = ctxt->_private;
    st->text_run = 0;
    st->end_element(ctx, localname, prefix, URI);
}

static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                             const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
                             int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    reader_state *st = ctxt->_private;
    position where = start_tag_position(ctxt);
    st->text_run = 0;
    if (too_many_nodes(ctxt, st, 1 + (size_t)nb_attributes)) return;
    st->start_element(ctx, localname, prefix, URI, nb_namespaces, namespaces, nb_attributes,
                      nb_defaulted, attributes);
    if (ctxt->node && ctxt->node->type == XML_ELEMENT_NODE) {
        /* Without its position an element's messages would point to the
         * wrong column: better no run than a misleading one. */
        position *pos = pp_arena_alloc(st->positions, sizeof *pos);
        if (!pos) {
            st->oom = true;
            xmlStopParser(ctxt);
            return;
        }
        *pos = where;
        ctxt->node->_private = pos;
    }
}

int pp_xml_line(const xmlNode *n)
{
    if (!n) return 0;
    if (n->type == XML_ATTRIBUTE_NODE) n = n->parent;
    if (n && n->type == XML_ELEMENT_NODE && n->_private) return ((position *)n->_private)->line;
    return n ? (int)xmlGetLineNo(n) : 0;
}

int pp_xml_col(const xmlNode *n)
{
    if (!n) return 0;
    if (n->type == XML_ATTRIBUTE_NODE) n = n->parent;
    if (n && n->type == XML_ELEMENT_NODE && n->_private) return ((position *)n->_private)->col;
    return 1;
}

bool pp_xml_is(const xmlNode *n, const char *ns, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE) return false;
    if (ns && !(n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0)) return false;
    return !name || strcmp((const char *)n->name, name) == 0;
}

/* The first match among n and its following siblings. */
static xmlNode *match_from(xmlNode *n, const char *ns, const char *name)
{
    for (; n; n = n->next)
        if (pp_xml_is(n, ns, name)) return n;
    return NULL;
}

xmlNode *pp_xml_first(const xmlNode *parent, const char *ns, const char *name)
{
    return parent ? match_from(parent->children, ns, name) : NULL;
}

xmlNode *pp_xml_next(const xmlNode *after, const char *ns, const char *name)
{
    return after ? match_from(after->next, ns, name) : NULL;
}

size_t pp_xml_count(const xmlNode *parent, const char *ns, const char *name)
{
    size_t k = 0;
    for (const xmlNode *c = pp_xml_first(parent, ns, name); c; c = pp_xml_next(c, ns, name)) k++;
    return k;
}

bool pp_xml_set_pos(pp_xmldoc *x, xmlNode *n, int line, int col)
{
    position *pos = pp_arena_alloc(x->positions, sizeof *pos);
    if (!pos) return false;
    *pos = (position){line, col};
    n->_private = pos;
    return true;
}

/* libxml2 reads the document through this, a few kilobytes at a time,
 * and forgets what it has parsed: xmlCtxtReadMemory would first copy the
 * whole of it (one more byte of memory per byte of input). */
typedef struct {
    const char *next;
    size_t left;
} mem_reader;

static int read_mem(void *ctx, char *buf, int len)
{
    mem_reader *r = ctx;
    size_t n = len < 0 ? 0 : (size_t)len < r->left ? (size_t)len : r->left;
    memcpy(buf, r->next, n);
    r->next += n;
    r->left -= n;
    return (int)n;
}

static int close_mem(void *ctx)
{
    (void)ctx;
    return 0;
}

pp_status pp_xml_parse(const char *data, size_t len, pp_diags *d, pp_xmldoc *out)
{
    memset(out, 0, sizeof *out);
    if (len > INT_MAX) {
        pp_error(d, 0, 0, "file too large");
        return PP_ERR_INPUT;
    }
    if (!pp_xml_prescan(data, len, d)) return PP_ERR_INPUT;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    pp_arena *positions = pp_arena_new();
    if (!ctxt || !positions) {
        xmlFreeParserCtxt(ctxt);
        pp_arena_free(positions);
        return pp_diag_oom(d);
    }
    reader_state st = {d, positions, ctxt->sax->startElementNs, ctxt->sax->endElementNs,
                       ctxt->sax->characters, 0, 0, false, 0};
    ctxt->_private = &st;
    ctxt->sax->serror = on_parse_error;
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->sax->startElementNs = on_start_element;
    ctxt->sax->endElementNs = on_end_element;
    ctxt->sax->characters = on_characters;
    ctxt->vctxt.error = silent;
    ctxt->vctxt.warning = silent;

    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT;
    size_t errors_before = d->errors;
    mem_reader reader = {data, len};
    xmlDocPtr doc = xmlCtxtReadIO(ctxt, read_mem, close_mem, &reader, NULL, NULL, options);
    if (st.oom) pp_diag_oom(d);
    bool failed = !doc || !ctxt->wellFormed || d->errors > errors_before;
    if (failed && d->errors == errors_before)
        pp_error(d, 1, 1, "not a well-formed XML document");
    xmlFreeParserCtxt(ctxt);
    if (failed) {
        xmlFreeDoc(doc);
        pp_arena_free(positions);
        return pp_diags_status(d, PP_ERR_INPUT);
    }
    out->doc = doc;
    out->positions = positions;
    return PP_OK;
}

pp_status pp_xml_read(const char *path, pp_diags *d, pp_xmldoc *out)
{
    char *data;
    size_t len;
    memset(out, 0, sizeof *out);
    pp_status st = pp_read_file(path, PP_XML_MAX_FILE, &data, &len, d);
    if (st != PP_OK) return st;
    st = pp_xml_parse(data, len, d, out);
    free(data);
    return st;
}

void pp_xml_free(pp_xmldoc *x)
{
    if (!x) return;
    xmlFreeDoc(x->doc);
    pp_arena_free(x->positions);
    x->doc = NULL;
    x->positions = NULL;
}
