/* The loader: a parsed XML document -> the model (model.h), tolerant so
 * that every problem can be reported in one run by the checks. */
#include "load_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


/* ---- XML access ---------------------------------------------------------- */

xmlNode *ld_done(loader *L, xmlNode *c, const char *name)
{
    xmlNode *next = ld_next(c, name);
    if (L->consume) {
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
    return next;
}

void *ld_array(loader *L, size_t count, size_t size)
{
    if (count == 0) return NULL;
    if (count > SIZE_MAX / size) {
        L->oom = true;
        return NULL;
    }
    void *p = pp_arena_alloc(L->a, count * size);
    if (!p) L->oom = true;
    return p;
}

char *ld_collapse(char *s, bool trim)
{
    char *o = s;
    bool space = trim; /* drop leading space when trimming */
    for (char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            if (!space) *o++ = ' ';
            space = true;
        } else {
            *o++ = *p;
            space = false;
        }
    }
    if (trim && o > s && o[-1] == ' ') o--;
    *o = '\0';
    return s;
}

const char *ld_attr(loader *L, const xmlNode *n, const char *name)
{
    if (!n) return NULL;
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = pp_arena_strdup(L->a, (const char *)v);
    xmlFree(v);
    if (!s) L->oom = true;
    return s;
}

const char *ld_text(loader *L, const xmlNode *n)
{
    if (!n) return NULL;
    xmlChar *v = xmlNodeGetContent(n);
    char *s = pp_arena_strdup(L->a, v ? (const char *)v : "");
    xmlFree(v);
    if (!s) {
        L->oom = true;
        return NULL;
    }
    return ld_collapse(s, true);
}

const char *ld_child_text(loader *L, const xmlNode *parent, const char *name)
{
    return ld_text(L, ld_first(parent, name));
}

pp_pos ld_pos(const xmlNode *n) { return (pp_pos){pp_xml_line(n), pp_xml_col(n)}; }

/* ---- scalar values ------------------------------------------------------- */

/* Values are read by load_value.c, which reports those written but
 * unusable; here only what the model keeps of them. */

static bool attr_number(loader *L, const xmlNode *n, const char *name, double *v)
{
    return ld_number(L, n, name, v, NULL) == LD_OK;
}

static bool attr_date(loader *L, const xmlNode *n, const char *name, pp_date *d)
{
    return ld_date(L, n, name, d) == LD_OK;
}

static bool attr_bool(loader *L, const xmlNode *n, const char *name, bool *b)
{
    return ld_bool(L, n, name, b) == LD_OK;
}

/* Years, as the schema's Anno type bounds them. */
#define YEAR_MIN 1990
#define YEAR_MAX 2199

static int year_of(loader *L, const xmlNode *n, const char *name)
{
    int y = 0;
    ld_int(L, n, name, YEAR_MIN, YEAR_MAX, &y);
    return y;
}

/* A deadline tolerance longer than this is a typing error: it would make
 * every late delivery score nearly 100 %. */
#define MAX_TOLERANCE_DAYS 3660

/* ---- general data and SMVP ---------------------------------------------- */

static void load_general(loader *L, const xmlNode *g)
{
    pp_doc *doc = L->doc;
    const char *kind = ld_child_text(L, g, "Tipo");
    doc->kind = kind && strcmp(kind, "piano") == 0       ? PP_DOC_PIANO
                : kind && strcmp(kind, "schede") == 0    ? PP_DOC_SCHEDE
                                                         : PP_DOC_RELAZIONE;
    doc->title = ld_child_text(L, g, "Titolo");
    doc->subtitle = ld_child_text(L, g, "Sottotitolo");
    doc->year = year_of(L, ld_first(g, "AnnoRiferimento"), NULL);
    doc->year_pos = ld_pos(ld_first(g, "AnnoRiferimento"));
    const xmlNode *span = ld_first(g, "Triennio");
    doc->span_pos = ld_pos(span);
    doc->span_from = year_of(L, span, "da");
    doc->span_to = year_of(L, span, "a");
    const xmlNode *admin = ld_first(g, "Amministrazione");
    doc->admin_name = ld_child_text(L, admin, "Denominazione");
    doc->admin_short = ld_child_text(L, admin, "DenominazioneBreve");
    const xmlNode *logo = ld_first(admin, "Logo");
    doc->logo_file = ld_attr(L, logo, "file");
    doc->logo_alt = ld_attr(L, logo, "testoAlternativo");
    doc->logo_pos = ld_pos(logo);
    const xmlNode *ap = ld_first(g, "Approvazione");
    doc->has_approval = ap != NULL;
    doc->approval_pos = ld_pos(ap);
    doc->approval_organ = ld_child_text(L, ap, "Organo");
    doc->approval_number = ld_child_text(L, ap, "NumeroDelibera");
    ld_date(L, ld_first(ap, "Data"), NULL, &doc->approval_date);
    if (ld_date(L, ld_first(g, "DataDocumento"), NULL, &doc->document_date) != LD_OK)
        doc->document_date = doc->approval_date;
}

static bool parse_rule(const char *s, pp_rule *r)
{
    if (!s) return false;
    if (strcmp(s, "lineare") == 0) *r = PP_RULE_LINEARE;
    else if (strcmp(s, "soglia") == 0) *r = PP_RULE_SOGLIA;
    else if (strcmp(s, "binaria") == 0) *r = PP_RULE_BINARIA;
    else return false;
    return true;
}

static void load_bands(loader *L, const xmlNode *fasce)
{
    pp_smvp *s = &L->doc->smvp;
    s->bands_pos = ld_pos(fasce);
    s->status_not_counted = ld_attr(L, fasce, "statoNonValutato");
    s->nbands = ld_count(fasce, "Fascia");
    s->bands = ld_array(L, s->nbands, sizeof *s->bands);
    if (!s->bands) {
        s->nbands = 0;
        return;
    }
    size_t i = 0;
    for (xmlNode *f = ld_first(fasce, "Fascia"); f; f = ld_next(f, "Fascia"), i++) {
        pp_band *b = &s->bands[i];
        if (!attr_number(L, f, "da", &b->from)) b->from = NAN;
        b->label = ld_attr(L, f, "etichetta");
        b->colour = ld_attr(L, f, "colore");
        b->status = ld_attr(L, f, "stato");
        b->short_label = ld_attr(L, f, "breve");
        b->pos = ld_pos(f);
    }
}

/* <Aggregazione livello="…" metodo="media|pesata"/>: how a level combines
 * its children. The first one per level counts; the checks report the
 * repeat. */
static void load_aggregation(loader *L, const xmlNode *sys)
{
    static const char *levels[] = {"ente", "ambito", "strategico", "operativo"};
    pp_smvp *s = &L->doc->smvp;
    for (xmlNode *x = ld_first(sys, "Aggregazione"); x; x = ld_next(x, "Aggregazione")) {
        const char *lv = ld_attr(L, x, "livello"), *how = ld_attr(L, x, "metodo");
        for (int k = 0; lv && how && k < 4; k++) {
            if (strcmp(lv, levels[k]) != 0) continue;
            if (s->plain_mean_pos[k].line) {
                s->plain_mean_repeat[k] = ld_pos(x);
                break;
            }
            s->plain_mean_pos[k] = ld_pos(x);
            s->plain_mean[k] = strcmp(how, "media") == 0;
        }
    }
}

static void load_smvp(loader *L, const xmlNode *sys)
{
    pp_smvp *s = &L->doc->smvp;
    s->default_rule = PP_RULE_LINEARE;
    if (!sys) return;
    parse_rule(ld_child_text(L, sys, "RegolaPredefinita"), &s->default_rule);
    ld_int(L, ld_first(sys, "TolleranzaScadenza"), "giorni", 0, MAX_TOLERANCE_DAYS,
           &s->deadline_tolerance_days);
    for (xmlNode *t = ld_first(sys, "FasciaTolleranza"); t; t = ld_next(t, "FasciaTolleranza")) {
        const char *lv = ld_attr(L, t, "livello");
        int k = !lv ? -1 : strcmp(lv, "strategico") == 0 ? 0 : strcmp(lv, "operativo") == 0 ? 1 : 2;
        if (k < 0) continue;
        pp_tolerance *tol = &s->tolerance[k];
        if (tol->set) { /* the first one counts; the checks report the repeat */
            s->tolerance_repeat[k] = ld_pos(t);
            continue;
        }
        bool has_tolerance = attr_number(L, t, "tolleranza", &tol->tolerance);
        bool has_critical = attr_number(L, t, "critico", &tol->critical);
        tol->set = has_tolerance && has_critical;
        tol->pos = ld_pos(t);
    }
    const xmlNode *mix = ld_first(sys, "ComposizioneStrategica");
    if (mix) {
        bool has_o = attr_number(L, mix, "operativi", &s->mix_operativi);
        bool has_i = attr_number(L, mix, "indicatori", &s->mix_indicatori);
        s->has_mix = has_o && has_i;
        s->mix_present = true;
        s->mix_pos = ld_pos(mix);
    }
    load_aggregation(L, sys);
    const xmlNode *fasce = ld_first(sys, "Fasce");
    if (fasce) load_bands(L, fasce);
}

/* ---- organisation and people --------------------------------------------- */

static void load_units(loader *L, const xmlNode *org)
{
    pp_doc *doc = L->doc;
    doc->nunits = ld_count(org, "Unita");
    doc->units = ld_array(L, doc->nunits, sizeof *doc->units);
    if (!doc->units) {
        doc->nunits = 0;
        return;
    }
    size_t i = 0;
    for (xmlNode *u = ld_first(org, "Unita"); u; u = ld_done(L, u, "Unita"), i++) {
        pp_unit_org *o = &doc->units[i];
        o->id = ld_attr(L, u, "id");
        o->name = ld_text(L, u);
        o->type = ld_attr(L, u, "tipo");
        o->parent_ref = ld_attr(L, u, "padre");
        o->manager_ref = ld_attr(L, u, "responsabile");
        o->code = ld_attr(L, u, "codice");
        o->pos = ld_pos(u);
    }
}

static pp_node *load_node(loader *L, const xmlNode *x, pp_level level, pp_node *parent);

static void load_person(loader *L, const xmlNode *x, pp_person *p)
{
    p->id = ld_attr(L, x, "id");
    p->unit_ref = ld_attr(L, x, "unita");
    pp_person_kind_parse(ld_attr(L, x, "categoria"), &p->kind); /* else reported by the schema */
    p->name = ld_child_text(L, x, "Nome");
    p->role = ld_child_text(L, x, "Incarico");
    p->pos = ld_pos(x);
    p->nobjectives = ld_count(x, "ObiettivoIndividuale");
    p->objectives = ld_array(L, p->nobjectives, sizeof *p->objectives);
    if (!p->objectives) {
        p->nobjectives = 0;
        return;
    }
    size_t i = 0;
    for (xmlNode *o = ld_first(x, "ObiettivoIndividuale"); o;
         o = ld_next(o, "ObiettivoIndividuale"), i++) {
        pp_individual *ob = &p->objectives[i];
        ob->ref = ld_attr(L, o, "rif");
        ob->has_weight = ld_number(L, o, "peso", &ob->weight, &ob->weight_decimals) == LD_OK;
        ob->pos = ld_pos(o);
        ob->own_content = ld_first(o, "Titolo") || ld_first(o, "Indicatore");
        /* an own objective is read as an operational one outside the tree:
         * its indicators then take the same checks and the same rules */
        if (!ob->ref) ob->own = load_node(L, o, PP_LEVEL_OPERATIVO, NULL);
    }
}

static void load_people(loader *L, const xmlNode *persone)
{
    pp_doc *doc = L->doc;
    doc->npeople = ld_count(persone, "Persona");
    doc->people = ld_array(L, doc->npeople, sizeof *doc->people);
    if (!doc->people) {
        doc->npeople = 0;
        return;
    }
    size_t i = 0;
    for (xmlNode *p = ld_first(persone, "Persona"); p; p = ld_done(L, p, "Persona"), i++)
        load_person(L, p, &doc->people[i]);
}

/* ---- indicator ----------------------------------------------------------- */

static bool parse_op(const char *s, pp_op *op)
{
    static const char *names[] = {"ge", "le", "eq", "gt", "lt", "entro"};
    for (int i = 0; s && i < 6; i++)
        if (strcmp(s, names[i]) == 0) {
            *op = (pp_op)i;
            return true;
        }
    return false;
}

static pp_unit parse_unit(const char *s)
{
    static const char *names[] = {"N.", "%", "€", "gg", "h", "fte", "data"};
    if (!s) return PP_UNIT_NONE; /* a descriptive indicator; checked in tree.c */
    for (int i = 0; i < 7; i++)
        if (strcmp(s, names[i]) == 0) return (pp_unit)i;
    return PP_UNIT_N;
}

static void load_measure(loader *L, const xmlNode *x, pp_measure *m)
{
    if (!x) return;
    m->text = ld_text(L, x);
    ld_read r = ld_number(L, x, "valore", &m->value, &m->decimals);
    m->has_value = r == LD_OK;
    const char *unit = ld_attr(L, x, "unita");
    m->has_unit = unit != NULL;
    if (unit) m->unit = parse_unit(unit);
    m->attr_value = r != LD_ABSENT;
    m->pos = ld_pos(x);
}

static void load_targets(loader *L, const xmlNode *x, pp_indicator *ind)
{
    ind->ntargets = ld_count(x, "Target");
    ind->targets = ld_array(L, ind->ntargets, sizeof *ind->targets);
    if (!ind->targets) {
        ind->ntargets = 0;
        return;
    }
    size_t i = 0;
    for (xmlNode *t = ld_first(x, "Target"); t; t = ld_next(t, "Target"), i++) {
        pp_target *tg = &ind->targets[i];
        tg->year = year_of(L, t, "anno");
        if (!parse_op(ld_attr(L, t, "operatore"), &tg->op)) tg->op = PP_OP_GE;
        int dec = 0;
        tg->has_value = ld_scored_number(L, t, "valore", &tg->value, &dec) == LD_OK;
        if (tg->has_value && dec > ind->decimals) ind->decimals = dec;
        attr_date(L, t, "data", &tg->date);
        tg->attr_value = xmlHasProp(t, (const xmlChar *)"valore") != NULL;
        tg->attr_date = xmlHasProp(t, (const xmlChar *)"data") != NULL;
        tg->pos = ld_pos(t);
        tg->nrevisions = ld_count(t, "Revisione");
        tg->revisions = ld_array(L, tg->nrevisions, sizeof *tg->revisions);
        if (!tg->revisions) tg->nrevisions = 0;
        size_t k = 0;
        for (xmlNode *r = ld_first(t, "Revisione"); r && k < tg->nrevisions;
             r = ld_next(r, "Revisione"), k++) {
            pp_revision *rv = &tg->revisions[k];
            ld_read value = ld_number(L, r, "valorePrecedente", &rv->old_value, NULL);
            ld_read date = ld_date(L, r, "dataPrecedente", &rv->old_date);
            rv->has_value = value == LD_OK;
            rv->attr_old_value = value != LD_ABSENT;
            rv->attr_old_date = date != LD_ABSENT;
            rv->delibera = ld_attr(L, r, "delibera");
            attr_date(L, r, "data", &rv->date);
            rv->reason = ld_child_text(L, r, "Motivazione");
            attr_bool(L, r, "nelDocumento", &rv->in_document);
            rv->pos = ld_pos(r);
        }
    }
}

/* Every <Soglia>, then the one of the reference year in the fields the
 * rules read (has_soglia / soglia, has_soglia_date / soglia_date). */
static void load_soglie(loader *L, const xmlNode *x, pp_indicator *ind)
{
    ind->nsoglie = ld_count(x, "Soglia");
    ind->soglie = ld_array(L, ind->nsoglie, sizeof *ind->soglie);
    if (!ind->soglie) ind->nsoglie = 0;
    size_t i = 0;
    for (xmlNode *t = ld_first(x, "Soglia"); t && i < ind->nsoglie; t = ld_next(t, "Soglia"), i++) {
        pp_soglia *s = &ind->soglie[i];
        s->year = year_of(L, t, "anno");
        int dec = 0;
        ld_read v = ld_scored_number(L, t, "valore", &s->value, &dec);
        if (v == LD_OK && dec > ind->decimals) ind->decimals = dec; /* printed as written */
        ld_read d = ld_date(L, t, "data", &s->date);
        s->has_value = v == LD_OK;
        s->has_date = d == LD_OK;
        s->attr_value = v != LD_ABSENT;
        s->attr_date = d != LD_ABSENT;
        s->pos = ld_pos(t);
    }
    const pp_soglia *s = pp_indicator_soglia(ind, L->doc->year);
    if (!s) return;
    ind->soglia_present = true;
    ind->soglia_pos = s->pos;
    ind->has_soglia = s->has_value;
    ind->soglia = s->value;
    ind->has_soglia_date = s->has_date;
    ind->soglia_date = s->date;
}

static void load_history(loader *L, const xmlNode *serie, pp_indicator *ind)
{
    ind->nhistory = ld_count(serie, "Valore");
    ind->history = ld_array(L, ind->nhistory, sizeof *ind->history);
    if (!ind->history) {
        ind->nhistory = 0;
        return;
    }
    size_t i = 0;
    for (xmlNode *v = ld_first(serie, "Valore"); v; v = ld_next(v, "Valore"), i++) {
        pp_history *h = &ind->history[i];
        h->year = year_of(L, v, "anno");
        bool nd = false;
        attr_bool(L, v, "nd", &nd);
        bool has_value = attr_number(L, v, "valore", &h->value);
        h->available = !nd && has_value;
    }
}

/* <Monitoraggio> elements: a value, a date of completion (dataEsito) or
 * nd with its reason; one with none of them, or an unusable one, is kept
 * as PP_ACTUAL_NONE (and reported by the checks or by load_value.c). */
static void load_monitoring(loader *L, const xmlNode *x, pp_indicator *ind)
{
    size_t count = ld_count(x, "Monitoraggio");
    ind->monitoring = ld_array(L, count, sizeof *ind->monitoring);
    if (!ind->monitoring) return;
    for (xmlNode *m = ld_first(x, "Monitoraggio"); m; m = ld_next(m, "Monitoraggio")) {
        pp_monitoring *mo = &ind->monitoring[ind->nmonitoring++];
        pp_actual *a = &mo->value;
        mo->pos = a->pos = ld_pos(m);
        a->present = true;
        attr_date(L, m, "data", &mo->date);
        bool nd = false;
        ld_read rn = ld_bool(L, m, "nd", &nd);
        ld_read rv = ld_scored_number(L, m, "valore", &a->value, &a->decimals);
        ld_read rd = ld_date(L, m, "dataEsito", &a->date);
        a->malformed = rn == LD_BAD || rv == LD_BAD || rd == LD_BAD;
        a->attr_nd = rn == LD_OK && nd;
        a->attr_value = rv != LD_ABSENT;
        a->attr_date = rd != LD_ABSENT;
        if (a->attr_nd) {
            a->kind = PP_ACTUAL_ND;
            a->nd_reason = ld_text(L, m);
        } else if (rv == LD_OK) {
            a->kind = PP_ACTUAL_VALUE;
        } else if (rd == LD_OK) {
            a->kind = PP_ACTUAL_DATE;
        }
    }
}

/* A <Consuntivo> with an unusable attribute is "present and malformed":
 * the error names the value there, and no check may call it missing. */
static void load_actual(loader *L, const xmlNode *c, pp_indicator *ind)
{
    pp_actual *a = &ind->actual;
    if (!c) return;
    a->pos = ld_pos(c);
    a->present = true;
    bool nd = false, open = false;
    ld_read rn = ld_bool(L, c, "nd", &nd);
    ld_read rc = ld_bool(L, c, "nonCompletato", &open);
    ld_read rv = ld_scored_number(L, c, "valore", &a->value, &a->decimals);
    ld_read rd = ld_date(L, c, "data", &a->date);
    a->malformed = rn == LD_BAD || rc == LD_BAD || rv == LD_BAD || rd == LD_BAD;
    a->attr_nd = rn == LD_OK && nd;
    a->attr_not_completed = rc == LD_OK && open;
    a->attr_value = rv != LD_ABSENT;
    a->attr_date = rd != LD_ABSENT;
    if (a->attr_not_completed) {
        a->kind = PP_ACTUAL_NOT_COMPLETED;
        a->nd_reason = ld_text(L, c); /* optional: why it was not done */
    } else if (a->attr_nd) {
        a->kind = PP_ACTUAL_ND;
        a->nd_reason = ld_text(L, c);
    } else if (rv == LD_OK) {
        a->kind = PP_ACTUAL_VALUE;
    } else if (rd == LD_OK) {
        a->kind = PP_ACTUAL_DATE;
    }
}

/* With no measured value but numerator and denominator values, the
 * consuntivo is their ratio (x100 for percentages), as DOMAIN §3 says. */
static void derive_actual(pp_indicator *ind)
{
    pp_actual *a = &ind->actual;
    /* a written Consuntivo wins, even an unusable one (it is reported) */
    if (a->present || !ind->numerator.has_value || !ind->denominator.has_value ||
        ind->denominator.value == 0)
        return;
    a->kind = PP_ACTUAL_VALUE;
    a->value = ind->numerator.value / ind->denominator.value;
    if (ind->unit == PP_UNIT_PERCENT) a->value *= 100;
    a->from_ratio = true;
    a->pos = ind->numerator.pos;
}

static const char **load_notes(loader *L, const xmlNode *x, size_t *n)
{
    *n = ld_count(x, "Nota");
    const char **notes = ld_array(L, *n, sizeof *notes);
    if (!notes) {
        *n = 0;
        return NULL;
    }
    size_t i = 0;
    for (xmlNode *c = ld_first(x, "Nota"); c; c = ld_next(c, "Nota")) notes[i++] = ld_text(L, c);
    return notes;
}

static bool parse_change_kind(const char *s, pp_change_kind *k)
{
    if (!s) return false;
    if (strcmp(s, "spostamento") == 0) *k = PP_CHANGE_MOVE;
    else if (strcmp(s, "rimozione") == 0) *k = PP_CHANGE_REMOVAL;
    else if (strcmp(s, "ridefinizione") == 0) *k = PP_CHANGE_REDEFINITION;
    else return false;
    return true;
}

/* Variazione elements of a node; an unknown tipo was reported by the
 * schema, and such a change is left out. */
static void load_changes(loader *L, const xmlNode *x, pp_node *n)
{
    size_t count = ld_count(x, "Variazione");
    n->changes = ld_array(L, count, sizeof *n->changes);
    if (!n->changes) return;
    for (xmlNode *v = ld_first(x, "Variazione"); v; v = ld_next(v, "Variazione")) {
        pp_change *ch = &n->changes[n->nchanges];
        if (!parse_change_kind(ld_attr(L, v, "tipo"), &ch->kind)) continue;
        attr_date(L, v, "data", &ch->date);
        ch->delibera = ld_attr(L, v, "delibera");
        ch->reason = ld_child_text(L, v, "Motivazione");
        ch->from_ref = ld_attr(L, v, "obiettivoPrecedente");
        ch->old_name = ld_child_text(L, v, "NomePrecedente");
        ch->old_algorithm = ld_child_text(L, v, "AlgoritmoPrecedente");
        ch->has_counted = attr_bool(L, v, "conteggiato", &ch->counted);
        ch->pos = ld_pos(v);
        n->nchanges++;
    }
}

static void load_indicator(loader *L, const xmlNode *x, pp_node *n)
{
    pp_indicator *ind = pp_arena_alloc(L->a, sizeof *ind);
    if (!ind) {
        L->oom = true;
        return;
    }
    n->ind = ind;
    n->title = ind->name = ld_child_text(L, x, "Nome");
    n->description = ind->description = ld_child_text(L, x, "Descrizione");
    ind->algorithm = ld_child_text(L, x, "Algoritmo");
    ind->fonte = ld_child_text(L, x, "Fonte");
    ind->tipologia = ld_attr(L, x, "tipologia");
    ind->rule_set = parse_rule(ld_attr(L, x, "regola"), &ind->rule);
    load_measure(L, ld_first(x, "Numeratore"), &ind->numerator);
    load_measure(L, ld_first(x, "Denominatore"), &ind->denominator);
    ind->unit = parse_unit(ld_child_text(L, x, "Unita"));
    load_targets(L, x, ind);
    load_soglie(L, x, ind);
    load_history(L, ld_first(x, "SerieStorica"), ind);
    load_monitoring(L, x, ind);
    load_actual(L, ld_first(x, "Consuntivo"), ind);
    if (ind->actual.kind == PP_ACTUAL_VALUE && ind->actual.decimals > ind->decimals)
        ind->decimals = ind->actual.decimals;
    derive_actual(ind);
    const xmlNode *ov = ld_first(x, "RaggiungimentoAttribuito");
    if (ov) {
        ind->override_present = true;
        ind->has_override = attr_number(L, ov, "valore", &ind->override_value);
        ind->override_reason = ld_text(L, ov);
        ind->override_pos = ld_pos(ov);
    }
}

/* ---- the tree ------------------------------------------------------------ */

/* unita is a list of ids separated by white space (the schema bounds it):
 * split in place (list is the loader's own arena copy, from ld_attr); the
 * first is also unit_ref, which most readers use. */
static void load_unit_refs(loader *L, const char *list, pp_class *k)
{
    if (!list) return;
    char *s = ld_collapse((char *)list, true);
    size_t count = *s ? 1 : 0;
    for (const char *p = s; *p; p++) count += *p == ' ';
    k->unit_refs = ld_array(L, count, sizeof *k->unit_refs);
    k->units = ld_array(L, count, sizeof *k->units); /* filled by the checks */
    if (!k->unit_refs || !k->units) return;
    for (char *p = s; *p;) {
        k->unit_refs[k->nunit_refs++] = p;
        char *sp = strchr(p, ' ');
        if (!sp) break;
        *sp = '\0';
        p = sp + 1;
    }
    k->unit_ref = k->unit_refs[0];
}

/* The perspectives of prospettiva: the four names (two hold a space, so
 * splitting at spaces would cut them), or, for what the schema rejects
 * already, the words between spaces. At most PP_MAX_PERSPECTIVES: the
 * schema refuses more, and the model keeps what every later loop over
 * them can afford. */
static void load_perspectives(loader *L, pp_class *k, const char *list)
{
    static const char *const names[] = {"Utenti-imprese-territorio", "Processi interni",
                                        "Apprendimento e crescita", "Economico-finanziaria"};
    k->perspectives = ld_array(L, PP_MAX_PERSPECTIVES, sizeof *k->perspectives);
    if (!k->perspectives) return;
    const char *s = list;
    while (k->nperspectives < PP_MAX_PERSPECTIVES) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
        if (!*s) break;
        size_t len = strcspn(s, " \t\n\r");
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            size_t nl = strlen(names[i]);
            if (strncmp(s, names[i], nl) == 0 && strchr(" \t\n\r", s[nl])) {
                len = nl;
                break;
            }
        }
        char *p = pp_arena_strndup(L->a, s, len);
        if (!p) {
            L->oom = true;
            return;
        }
        k->perspectives[k->nperspectives++] = p;
        s += len;
    }
    k->prospettiva = k->nperspectives ? k->perspectives[0] : NULL;
}

static void load_class(loader *L, const xmlNode *c, pp_node *n)
{
    if (!c) return;
    pp_class *k = &n->cls;
    n->has_class = true;
    const char *list = ld_attr(L, c, "prospettiva");
    if (list) load_perspectives(L, k, list);
    k->missione = ld_attr(L, c, "missione");
    k->programma = ld_attr(L, c, "programma");
    k->cofog = ld_attr(L, c, "cofog");
    k->tipo = ld_attr(L, c, "tipo");
    load_unit_refs(L, ld_attr(L, c, "unita"), k);
    k->manager_ref = ld_attr(L, c, "responsabile");
    k->has_budget = attr_number(L, c, "risorse", &k->budget);
    k->has_gender = attr_bool(L, c, "genere", &k->gender);
    k->year_from = year_of(L, c, "dal");
    k->year_to = year_of(L, c, "al");
    k->pos = ld_pos(c);
}

/* <Collegamento verso="ID">: the ids as written; the checks resolve them. */
static void load_links(loader *L, const xmlNode *x, pp_node *n)
{
    size_t count = ld_count(x, "Collegamento");
    if (count == 0) return;
    n->links = ld_array(L, count, sizeof *n->links);
    n->link_pos = ld_array(L, count, sizeof *n->link_pos);
    n->link_nodes = ld_array(L, count, sizeof *n->link_nodes);
    if (!n->links || !n->link_pos || !n->link_nodes) return;
    for (const xmlNode *c = ld_first(x, "Collegamento"); c; c = ld_next(c, "Collegamento")) {
        n->links[n->nlinks] = ld_attr(L, c, "verso");
        n->link_pos[n->nlinks++] = ld_pos(c);
    }
}

/* Children of one node: for a strategic objective its own indicators come
 * before its operational objectives, as the vocabulary orders them. */
static void load_children(loader *L, const xmlNode *x, pp_node *n, const char *first_kind,
                          pp_level first_level, const char *second_kind, pp_level second_level)
{
    size_t n1 = first_kind ? ld_count(x, first_kind) : 0;
    size_t n2 = second_kind ? ld_count(x, second_kind) : 0;
    n->children = ld_array(L, n1 + n2, sizeof *n->children);
    if (!n->children) return;
    for (xmlNode *c = first_kind ? ld_first(x, first_kind) : NULL; c; c = ld_done(L, c, first_kind)) {
        pp_node *child = load_node(L, c, first_level, n);
        if (child) n->children[n->nchildren++] = child;
    }
    for (xmlNode *c = second_kind ? ld_first(x, second_kind) : NULL; c;
         c = ld_done(L, c, second_kind)) {
        pp_node *child = load_node(L, c, second_level, n);
        if (child) n->children[n->nchildren++] = child;
    }
}

static pp_node *load_node(loader *L, const xmlNode *x, pp_level level, pp_node *parent)
{
    pp_node *n = pp_arena_alloc(L->a, sizeof *n);
    if (!n) {
        L->oom = true;
        return NULL;
    }
    n->level = level;
    n->parent = parent;
    n->pos = ld_pos(x);
    n->weight_pos = n->pos;
    n->id = ld_attr(L, x, "id");
    n->code = ld_attr(L, x, "codice");
    n->weight = NAN;
    double w;
    int decimals = 0;
    ld_read rw = ld_number(L, x, "peso", &w, &decimals);
    if (rw == LD_OK) {
        n->weight = w;
        n->weight_decimals = decimals;
    }
    n->weight_written = rw != LD_ABSENT;
    n->weight_printed = parent && rw == LD_OK && !L->doc->smvp.plain_mean[parent->level];
    bool unmeasured = false;
    if (level == PP_LEVEL_STRATEGICO || level == PP_LEVEL_OPERATIVO)
        n->declared_not_measured = attr_bool(L, x, "nonMisurato", &unmeasured) && unmeasured;
    n->result.band = -1;
    switch (level) {
    case PP_LEVEL_INDICATORE:
        load_indicator(L, x, n);
        break;
    case PP_LEVEL_OPERATIVO:
        load_children(L, x, n, "Indicatore", PP_LEVEL_INDICATORE, NULL, 0);
        break;
    case PP_LEVEL_STRATEGICO:
        load_children(L, x, n, "Indicatore", PP_LEVEL_INDICATORE, "ObiettivoOperativo",
                      PP_LEVEL_OPERATIVO);
        break;
    case PP_LEVEL_AMBITO:
        load_children(L, x, n, "ObiettivoStrategico", PP_LEVEL_STRATEGICO, NULL, 0);
        break;
    case PP_LEVEL_ENTE:
        load_children(L, x, n, "Ambito", PP_LEVEL_AMBITO, NULL, 0);
        break;
    }
    if (level != PP_LEVEL_INDICATORE) {
        n->title = ld_child_text(L, x, "Titolo");
        n->description = ld_child_text(L, x, "Descrizione");
        n->comment = ld_child_text(L, x, "Commento");
        load_class(L, ld_first(x, "Classificazione"), n);
    }
    if (level == PP_LEVEL_STRATEGICO) load_links(L, x, n);
    n->notes = load_notes(L, x, &n->nnotes);
    pp_node_mark_not_measured(n); /* the children are marked already */
    if (level != PP_LEVEL_ENTE) load_changes(L, x, n);
    return n;
}

static void load_tree(loader *L, const xmlNode *albero)
{
    pp_doc *doc = L->doc;
    pp_node *root = load_node(L, albero, PP_LEVEL_ENTE, NULL);
    if (!root) return;
    root->id = "ente";
    root->title = doc->admin_name ? doc->admin_name : "Ente";
    root->weight = 100;
    doc->root = root;
}

bool pp_load_is_document(const pp_xmldoc *x)
{
    xmlNode *root = xmlDocGetRootElement(x->doc);
    return pp_xml_is(root, PP_NS, "DocumentoPerformance");
}

static pp_status load(const pp_xmldoc *x, bool consume, const char *path, pp_diags *d,
                      pp_doc **out)
{
    *out = NULL;
    xmlNode *root = xmlDocGetRootElement(x->doc);
    if (!pp_load_is_document(x)) {
        pp_error(d, root ? pp_xml_line(root) : 1, root ? pp_xml_col(root) : 1,
                 "not a perfpdf document: the root must be <DocumentoPerformance "
                 "xmlns=\"" PP_NS "\">");
        return PP_ERR_INPUT;
    }
    pp_doc *doc = pp_doc_new();
    if (!doc) return pp_diag_oom(d);
    loader L = {doc, doc->arena, d, false, consume};
    /* without its path the document's images would be looked for in the
     * wrong folder */
    doc->path = pp_arena_strdup(L.a, path);
    if (path && !doc->path) L.oom = true;
    load_general(&L, ld_first(root, "DatiGenerali"));
    load_smvp(&L, ld_first(root, "Sistema"));
    load_units(&L, ld_first(root, "Organizzazione"));
    load_people(&L, ld_first(root, "Persone"));
    const xmlNode *albero = ld_first(root, "Albero");
    doc->tree_pos = ld_pos(albero);
    if (albero) load_tree(&L, albero);
    ld_calendar(&L, ld_first(root, "Calendario"));
    ld_sections(&L, ld_first(root, "Testi"));
    if (L.oom) {
        pp_doc_free(doc);
        return pp_diag_oom(d);
    }
    *out = doc;
    return PP_OK;
}

pp_status pp_load(const pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out)
{
    return load(x, false, path, d, out);
}

pp_status pp_load_consume(pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out)
{
    return load(x, true, path, d, out);
}
