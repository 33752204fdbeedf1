/* Merge, the XML side: the plan's indicators, and the elements written
 * into its tree where the schema wants them, indented like their
 * neighbours so the file reads as if written by hand. */
#include "merge_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "load.h"

static const char *attr(merger *M, xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = pp_arena_strdup(M->a, (const char *)v);
    xmlFree(v);
    if (!s) M->oom = true;
    return s;
}

/* ---- the plan's indicators -------------------------------------------------------- */

static mind *new_mind(merger *M)
{
    if (!pp_grow(&M->inds, &M->cap, M->n + 1, sizeof *M->inds, 256)) {
        M->oom = true;
        return NULL;
    }
    mind *t = &M->inds[M->n++];
    memset(t, 0, sizeof *t);
    return t;
}

static void add_indicator(merger *M, xmlNode *el)
{
    mind *t = new_mind(M);
    if (!t) return;
    t->el = el;
    t->id = attr(M, el, "id");
    t->code = attr(M, el, "codice");
    xmlChar *unit = xmlNodeGetContent(pp_xml_first(el, PP_NS, "Unita"));
    t->has_unit = unit && pp_parse_unit_it((const char *)unit, &t->unit);
    xmlFree(unit);
    t->had_actual = pp_xml_first(el, PP_NS, "Consuntivo") != NULL;
    t->had_override = pp_xml_first(el, PP_NS, "RaggiungimentoAttribuito") != NULL;
}

static void walk(merger *M, xmlNode *n, int depth)
{
    for (xmlNode *c = pp_xml_first(n, PP_NS, NULL); c && !M->oom;
         c = pp_xml_next(c, PP_NS, NULL)) {
        if (pp_xml_is(c, PP_NS, "Indicatore")) add_indicator(M, c);
        else if (depth < 4) walk(M, c, depth + 1);
    }
}

/* Indexes by id and by code; a code held by two indicators is marked. The
 * array no longer moves once filled, so the maps may point into it. */
static bool index_all(merger *M)
{
    if (!pp_strmap_init(&M->by_id, M->a, M->n) || !pp_strmap_init(&M->by_code, M->a, M->n))
        return !(M->oom = true);
    for (size_t i = 0; i < M->n; i++) {
        mind *t = &M->inds[i];
        pp_strmap_slot *s = t->id ? pp_strmap_put(&M->by_id, t->id) : NULL;
        if (s && !s->value) s->value = t;
        pp_strmap_slot *c = t->code ? pp_strmap_put(&M->by_code, t->code) : NULL;
        if (c && !c->value) c->value = t;
        else if (c && !((mind *)c->value)->code_twin_line)
            ((mind *)c->value)->code_twin_line = pp_xml_line(t->el);
    }
    return true;
}

bool mg_collect(merger *M)
{
    xmlNode *albero = pp_xml_first(xmlDocGetRootElement(M->x.doc), PP_NS, "Albero");
    if (albero) walk(M, albero, 0);
    return !M->oom && index_all(M);
}

/* ---- writing elements ---------------------------------------------------------------------- */

static bool blank_text(const xmlNode *n)
{
    if (!n || n->type != XML_TEXT_NODE || !n->content) return false;
    for (const xmlChar *p = n->content; *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return false;
    return true;
}

static xmlNode *last_element(const xmlNode *parent)
{
    xmlNode *last = NULL;
    for (xmlNode *c = pp_xml_first(parent, NULL, NULL); c; c = pp_xml_next(c, NULL, NULL))
        last = c;
    return last;
}

/* Puts el before `before` (or after the last element), with a copy of the
 * blank that indents its neighbour. */
static void insert(merger *M, xmlNode *parent, xmlNode *el, xmlNode *before)
{
    xmlNode *ref = before ? before : last_element(parent);
    xmlNode *indent = ref && blank_text(ref->prev) ? xmlNewDocText(M->x.doc, ref->prev->content)
                                                   : NULL;
    if (before) {
        xmlAddPrevSibling(before, el);
        if (indent) xmlAddPrevSibling(before, indent);
    } else if (ref) {
        xmlAddNextSibling(ref, el);
        if (indent) xmlAddNextSibling(ref, indent);
    } else {
        xmlAddChild(parent, el);
        xmlFreeNode(indent);
    }
}

/* The element `name` of an indicator, made (at its place in the schema's
 * order: before any of `followers`) when absent; emptied when present. */
static xmlNode *slot(merger *M, mind *t, const char *name, const char *const *followers)
{
    xmlNode *el = pp_xml_first(t->el, PP_NS, name);
    if (el) {
        static const char *attrs[] = {"valore", "data", "nd"};
        for (int i = 0; i < 3; i++) xmlUnsetProp(el, (const xmlChar *)attrs[i]);
        while (el->children) {
            xmlNode *c = el->children;
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
        return el;
    }
    el = xmlNewDocNode(M->x.doc, t->el->ns, (const xmlChar *)name, NULL);
    if (!el || !pp_xml_set_pos(&M->x, el, pp_xml_line(t->el), pp_xml_col(t->el))) {
        xmlFreeNode(el);
        M->oom = true;
        return NULL;
    }
    xmlNode *before = NULL;
    for (int i = 0; followers[i] && !before; i++)
        before = pp_xml_first(t->el, PP_NS, followers[i]);
    insert(M, t->el, el, before);
    return el;
}

static void set(merger *M, xmlNode *el, const char *name, const char *value)
{
    if (!xmlSetProp(el, (const xmlChar *)name, (const xmlChar *)value)) M->oom = true;
}

static void text(merger *M, xmlNode *el, const char *s)
{
    if (s && !xmlAddChild(el, xmlNewDocText(M->x.doc, (const xmlChar *)s))) M->oom = true;
}

static void write_actual(merger *M, mind *t)
{
    static const char *const followers[] = {"RaggiungimentoAttribuito", "Nota", "Variazione",
                                            NULL};
    xmlNode *el = slot(M, t, "Consuntivo", followers);
    char buf[16];
    if (!el) return;
    if (t->kind == PP_ACTUAL_VALUE) set(M, el, "valore", t->value.text);
    if (t->kind == PP_ACTUAL_DATE) pp_date_format_iso(t->date, buf), set(M, el, "data", buf);
    if (t->kind == PP_ACTUAL_ND) set(M, el, "nd", "true"), text(M, el, t->reason);
}

void mg_apply(merger *M, mind *t)
{
    static const char *const followers[] = {"Nota", "Variazione", NULL};
    if (t->kind != PP_ACTUAL_NONE) write_actual(M, t);
    if (!t->set_override) return;
    xmlNode *el = slot(M, t, "RaggiungimentoAttribuito", followers);
    if (!el) return;
    set(M, el, "valore", t->override.text);
    text(M, el, t->override_reason);
}

void mg_missing(merger *M, mind *t)
{
    const char *label = t->code ? t->code : t->id;
    int line = pp_xml_line(t->el), col = pp_xml_col(t->el);
    if (M->o->missing == PP_MISSING_ERROR) {
        pp_error(M->plan_d, line, col,
                 "indicator '%s' got no value from %s (--missing nd makes it N/D)", label,
                 M->o->values_path);
        return;
    }
    t->kind = PP_ACTUAL_ND;
    t->reason = M->o->nd_reason ? M->o->nd_reason : "Consuntivo non pervenuto";
    write_actual(M, t);
    pp_warning(M->plan_d, line, col, "indicator '%s' got no value: N/D (%s)", label, t->reason);
}

/* ---- DatiGenerali ------------------------------------------------------------------------------ */

static void set_text(merger *M, xmlNode *el, const char *s)
{
    while (el->children) {
        xmlNode *c = el->children;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
    text(M, el, s);
}

/* --title, else "Relazione sulla performance YEAR" for a plan titled
 * "Piano...", else the plan's own title; malloc'ed, whole (user text is
 * never cut to a buffer). */
static char *relazione_title(const char *option, const char *plan_title, const char *year)
{
    static const char prefix[] = "Relazione sulla performance ";
    if (option) return strdup(option);
    if (!plan_title || strncmp(plan_title, "Piano", 5) != 0) return strdup(plan_title ? plan_title : "");
    size_t n = sizeof prefix + (year ? strlen(year) : 0);
    char *s = malloc(n);
    if (s) snprintf(s, n, "%s%s", prefix, year ? year : "");
    return s;
}

void mg_make_relazione(merger *M)
{
    xmlNode *g = pp_xml_first(xmlDocGetRootElement(M->x.doc), PP_NS, "DatiGenerali");
    xmlNode *tipo = pp_xml_first(g, PP_NS, "Tipo"), *titolo = pp_xml_first(g, PP_NS, "Titolo");
    xmlChar *kind = xmlNodeGetContent(tipo), *title = xmlNodeGetContent(titolo);
    xmlChar *year = xmlNodeGetContent(pp_xml_first(g, PP_NS, "AnnoRiferimento"));
    bool was_piano = kind && strcmp((const char *)kind, "piano") == 0;
    M->rep->title = relazione_title(M->o->title, (const char *)title, (const char *)year);
    if (!M->rep->title) M->oom = true;
    if (tipo) set_text(M, tipo, "relazione");
    if (titolo && M->rep->title) set_text(M, titolo, M->rep->title);
    xmlNode *ap = pp_xml_first(g, PP_NS, "Approvazione");
    xmlNode *date = pp_xml_first(g, PP_NS, "DataDocumento");
    if (was_piano && ap)
        pp_warning(M->plan_d, pp_xml_line(ap), pp_xml_col(ap),
                   "Approvazione is the Piano's deliberation: write the Relazione's there");
    if (was_piano && date)
        pp_warning(M->plan_d, pp_xml_line(date), pp_xml_col(date),
                   "DataDocumento is the Piano's date: write the Relazione's there");
    xmlFree(kind);
    xmlFree(title);
    xmlFree(year);
}
