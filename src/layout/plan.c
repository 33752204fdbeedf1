/* The plan: the layout's outline applied to the document, before any
 * pagination. It fixes every heading (level, number, title) up front, so
 * the INDICE can be sized and reserved before the body is laid out, and the
 * body only follows the plan. */
#include <string.h>

#include "grow.h"
#include "layout_internal.h"

static size_t push_item(ly_ctx *c, ly_plan_item it)
{
    if (!pp_grow_arena(c->arena, &c->plan, &c->cap_plan, c->nplan, c->nplan + 1,
                       sizeof *c->plan, 256)) {
        c->oom = true;
        return 0;
    }
    c->plan[c->nplan] = it;
    return c->nplan++;
}

static void push(ly_ctx *c, ly_plan_kind kind) { push_item(c, (ly_plan_item){.kind = kind}); }

static void push_node(ly_ctx *c, ly_plan_kind kind, const pp_node *n)
{
    push_item(c, (ly_plan_item){.kind = kind, .node = n});
}

static void push_flag(ly_ctx *c, ly_plan_kind kind, bool flag)
{
    push_item(c, (ly_plan_item){.kind = kind, .flag = flag});
}

/* Adds a heading and its plan item. number may be NULL. */
static void heading(ly_ctx *c, int level, const char *number, const char *title)
{
    if (!pp_grow_arena(c->arena, &c->heads, &c->cap_heads, c->nheads, c->nheads + 1,
                       sizeof *c->heads, 64)) {
        c->oom = true;
        return;
    }
    if (!title || !*title) title = "\u2014";
    ly_heading *h = &c->heads[c->nheads];
    *h = (ly_heading){.level = level, .number = number, .title = title,
                      .in_toc = level <= c->lay->toc_depth};
    h->text = number ? pp_arena_printf(c->arena, "%s\u2002%s", number, title) : title;
    h->dest = pp_arena_printf(c->arena, "h%zu", c->nheads + 1);
    if (!h->text || !h->dest) {
        c->oom = true;
        return;
    }
    push_item(c, (ly_plan_item){.kind = PL_HEADING, .heading = c->nheads});
    c->nheads++;
}

/* ---- narrative sections ------------------------------------------------------ */

typedef struct {
    const pp_section **placed; /* Testi sections the outline placed */
    size_t nplaced, cap;
} placed_set;

static const pp_section *find_role(const ly_ctx *c, const char *role)
{
    for (size_t i = 0; role && i < c->doc->nsections; i++)
        if (c->doc->sections[i].role && strcmp(c->doc->sections[i].role, role) == 0)
            return &c->doc->sections[i];
    return NULL;
}

static bool section_has_blocks(const pp_section *s) { return s && s->nblocks > 0; }

/* Numbers a heading at `level` under `prefix` (NULL at the top). */
static const char *number_for(ly_ctx *c, int level, bool numbered, const char *prefix, int *counter)
{
    if (!numbered || level > c->lay->number_depth) return NULL;
    const char *n = prefix ? pp_arena_printf(c->arena, "%s.%d", prefix, *counter)
                           : pp_arena_printf(c->arena, "%d", *counter);
    if (!n) c->oom = true;
    (*counter)++;
    return n;
}

/* The blocks of a Testi section: runs of blocks, nested sections as
 * sub-headings (numbered on from *counter). Depth is bounded by the XML
 * reader. */
static void plan_blocks(ly_ctx *c, const pp_section *s, int level, const char *prefix,
                        int *counter, bool numbering)
{
    size_t start = 0;
    for (size_t i = 0; i <= s->nblocks && !c->oom; i++) {
        bool nested = i < s->nblocks && s->blocks[i].kind == PP_BLOCK_SECTION;
        if (i < s->nblocks && !nested) continue;
        if (i > start)
            push_item(c, (ly_plan_item){.kind = PL_BLOCKS, .blocks = s->blocks + start,
                                        .nblocks = i - start});
        start = i + 1;
        if (!nested || !s->blocks[i].section) continue;
        const pp_section *sub = s->blocks[i].section;
        const char *num = number_for(c, level, numbering, prefix, counter);
        heading(c, level, num, sub->title);
        int sub_counter = 1;
        plan_blocks(c, sub, level + 1, num ? num : prefix, &sub_counter, num != NULL);
    }
}

/* The blocks a <narrative> places (LY_BLOCKS_*): all, those before the
 * first nested section, or the rest. */
static void plan_narrative(ly_ctx *c, const pp_section *s, int which, int level,
                           const char *prefix, int *counter, bool numbering)
{
    size_t first = 0;
    while (first < s->nblocks && s->blocks[first].kind != PP_BLOCK_SECTION) first++;
    pp_section part = *s;
    if (which == LY_BLOCKS_INTRO) part.nblocks = first;
    else if (which == LY_BLOCKS_REST) {
        part.blocks += first;
        part.nblocks -= first;
    }
    if (part.nblocks > 0) plan_blocks(c, &part, level, prefix, counter, numbering);
}

/* ---- generated content --------------------------------------------------------- */

static bool has_areas(const ly_ctx *c) { return c->doc->root && c->doc->root->nchildren > 0; }

/* Persons of a kind (PP_PERSON_ANY: all). */
static size_t people_of_kind(const ly_ctx *c, pp_person_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < c->doc->npeople; i++)
        n += kind == PP_PERSON_ANY || c->doc->people[i].kind == kind;
    return n;
}

/* A plan whose objectives name no unit has no Allegato of dashboards. */
static bool any_dashboard(const ly_ctx *c)
{
    for (size_t i = 0; i < c->doc->nunits; i++)
        if (ly_unit_has_dashboard(c, &c->doc->units[i])) return true;
    return false;
}

static bool part_has_content(const ly_ctx *c, const ly_part *p)
{
    switch (p->kind) {
    case LY_P_NARRATIVE: return false; /* counted with its section */
    case LY_P_RESULTS:
    case LY_P_TREE:
    case LY_P_OBJECTIVES:
    case LY_P_ENTE:
    case LY_P_PLAN_TREE:
    case LY_P_SCHEDE: return has_areas(c);
    case LY_P_INDICATOR_TREE: return has_areas(c);
    case LY_P_CALENDAR: return c->doc->nphases > 0;
    case LY_P_SISTEMA: return true; /* the default rule at least */
    case LY_P_PEOPLE: return people_of_kind(c, p->person_kind) > 0;
    case LY_P_DASHBOARDS: return any_dashboard(c);
    case LY_P_STRATEGY_MAP: return pp_strategy_map_objectives(c->doc) > 0;
    case LY_P_UNITS: return c->doc->nunits > 0;
    case LY_P_VARIATIONS: return c->doc->piano != NULL;
    case LY_P_TRENDS: return has_areas(c) && c->doc->nprecedenti > 0;
    case LY_P_POINTS_LOST: return ly_points_lost_any(c->doc);
    case LY_P_SECTION:
        if (section_has_blocks(find_role(c, p->role))) return true;
        for (size_t i = 0; i < p->nchildren; i++)
            if (part_has_content(c, &p->children[i])) return true;
        return false;
    default: return false;
    }
}

static bool has_operational(const pp_node *so)
{
    for (size_t o = 0; o < so->nchildren; o++)
        if (so->children[o]->level == PP_LEVEL_OPERATIVO) return true;
    return false;
}

static bool area_has_operational(const pp_node *area)
{
    for (size_t s = 0; s < area->nchildren; s++)
        if (area->children[s]->level == PP_LEVEL_STRATEGICO && has_operational(area->children[s]))
            return true;
    return false;
}

/* Per area and strategic objective their headings and parts. Where only
 * the operational objectives are shown, an objective without any (one
 * measured by its own indicators alone) and an area without any get no
 * heading: a heading with nothing under it. */
static void plan_objectives(ly_ctx *c, int level, int show)
{
    const pp_node *root = c->doc->root;
    bool only_ops = show == LY_SHOW_OPERATIONAL;
    for (size_t a = 0; a < root->nchildren && !c->oom; a++) {
        const pp_node *area = root->children[a];
        if (only_ops && !area_has_operational(area)) continue;
        const char *kv[] = {"codice", area->code ? area->code : "", "titolo",
                            area->title ? area->title : "", NULL};
        heading(c, level, NULL, ly_subst(c->arena, ly_lbl(c, LY_L_AREA_HEADING), kv));
        if (show != LY_SHOW_OPERATIONAL) push_node(c, PL_AREA, area);
        for (size_t s = 0; s < area->nchildren && !c->oom; s++) {
            const pp_node *so = area->children[s];
            if (so->level != PP_LEVEL_STRATEGICO || (only_ops && !has_operational(so))) continue;
            const char *kv2[] = {"codice", so->code ? so->code : "", "titolo",
                                 so->title ? so->title : "", NULL};
            heading(c, level + 1, NULL,
                    ly_subst(c->arena, ly_lbl(c, LY_L_STRATEGIC_HEADING), kv2));
            if (show != LY_SHOW_OPERATIONAL) push_node(c, PL_STRATEGIC, so);
            for (size_t o = 0; show != LY_SHOW_STRATEGIC && o < so->nchildren; o++)
                if (so->children[o]->level == PP_LEVEL_OPERATIVO)
                    push_node(c, PL_OPERATIONAL, so->children[o]);
        }
    }
}

/* The schede: per area a heading, per strategic objective a sheet on a new
 * page under its heading (the area's goes along with its first sheet). */
static void plan_schede(ly_ctx *c, int level)
{
    const pp_node *root = c->doc->root;
    for (size_t a = 0; a < root->nchildren && !c->oom; a++) {
        const pp_node *area = root->children[a];
        push(c, PL_PAGEBREAK);
        const char *kv[] = {"codice", area->code ? area->code : "", "titolo",
                            area->title ? area->title : "", NULL};
        heading(c, level, NULL, ly_subst(c->arena, ly_lbl(c, LY_L_SCHEDA_AREA), kv));
        bool first = true;
        for (size_t s = 0; s < area->nchildren && !c->oom; s++) {
            const pp_node *so = area->children[s];
            if (so->level != PP_LEVEL_STRATEGICO) continue;
            if (!first) push(c, PL_PAGEBREAK);
            first = false;
            const char *kv2[] = {"codice", so->code ? so->code : "", "titolo",
                                 so->title ? so->title : "", NULL};
            heading(c, level + 1, NULL, ly_subst(c->arena, ly_lbl(c, LY_L_SCHEDA_HEADING), kv2));
            push_node(c, PL_SCHEDA, so);
        }
    }
}


/* Everyone with the usual table, or (categoria) the persons of one kind
 * with the dashboards' table: Allegato 3, the objectives of each PO. */
static void plan_people(ly_ctx *c, int level, pp_person_kind kind)
{
    if (people_of_kind(c, kind) == 0) push(c, PL_NO_PEOPLE);
    for (size_t i = 0; i < c->doc->npeople && !c->oom; i++) {
        const pp_person *p = &c->doc->people[i];
        if (kind != PP_PERSON_ANY && p->kind != kind) continue;
        const char *kv[] = {"nome", p->name ? p->name : "", "incarico", p->role ? p->role : "",
                            NULL};
        /* a person of a kind is headed by name and incarico ("PO2 – Servizio
         * Registro Imprese"), when there is one */
        ly_label label = kind != PP_PERSON_ANY && p->role ? LY_L_PERSON_DASHBOARD_HEADING
                                                          : LY_L_PERSON_HEADING;
        heading(c, level, NULL, ly_subst(c->arena, ly_lbl(c, label), kv));
        push_item(c, (ly_plan_item){
                         .kind = kind == PP_PERSON_ANY ? PL_PERSON : PL_PERSON_DASHBOARD,
                         .person = p});
    }
}

/* A dashboard for each unit some objective names, in document order. */
static void plan_dashboards(ly_ctx *c, int level)
{
    size_t shown = 0;
    for (size_t i = 0; i < c->doc->nunits && !c->oom; i++) {
        const pp_unit_org *u = &c->doc->units[i];
        if (!ly_unit_has_dashboard(c, u)) continue;
        const char *name = u->name ? u->name : u->id ? u->id : "";
        const char *kv[] = {"codice", u->code ? u->code : "", "nome", name, NULL};
        /* without a code the heading is the name alone, not "– name" */
        heading(c, level, NULL,
                u->code ? ly_subst(c->arena, ly_lbl(c, LY_L_DASHBOARD_HEADING), kv) : name);
        push_item(c, (ly_plan_item){.kind = PL_DASHBOARD, .unit = u});
        shown++;
    }
    if (shown == 0) push(c, PL_NO_DASHBOARDS);
}

/* Units that answer for some objective, each under its heading; a unit
 * naming none has no result to show. */
static void plan_units(ly_ctx *c, int level)
{
    size_t shown = 0;
    for (size_t i = 0; i < c->doc->nunits && !c->oom; i++) {
        const pp_unit_org *u = &c->doc->units[i];
        if (u->nobjectives == 0) continue;
        const char *kv[] = {"nome", u->name ? u->name : u->id ? u->id : "", NULL};
        heading(c, level, NULL, ly_subst(c->arena, ly_lbl(c, LY_L_UNIT_HEADING), kv));
        push_item(c, (ly_plan_item){.kind = PL_UNIT, .unit = u});
        shown++;
    }
    if (shown == 0) push(c, PL_NO_UNITS);
}

/* ---- the outline ------------------------------------------------------------------- */

static void plan_section(ly_ctx *c, const ly_part *p, const pp_section *s, int level,
                         const char *prefix, int *counter, bool landscape, bool numbering);

static void plan_others(ly_ctx *c, const ly_part *root, int level, const char *prefix,
                        int *counter, bool landscape, bool numbering);

/* A section left out for want of content keeps its number: the numbers are
 * the layout's, so a document without a context section still prints
 * "3.0 Albero della performance" (unless the layout asks to renumber). */
static void skip_number(ly_ctx *c, const ly_part *p, int level, int *counter, bool numbering)
{
    if (numbering && p->numbered && level <= c->lay->number_depth) (*counter)++;
}

/* numbering: false under an unnumbered heading (its subsections would
 * otherwise take numbers that collide with the top level's). */
static void plan_children(ly_ctx *c, const ly_part *p, const pp_section *s, int level,
                          const char *prefix, int *counter, bool landscape, const ly_part *root,
                          bool numbering)
{
    bool narrative_placed = false;
    for (size_t i = 0; i < p->nchildren; i++)
        if (p->children[i].kind == LY_P_NARRATIVE) narrative_placed = true;
    if (!narrative_placed && section_has_blocks(s))
        plan_blocks(c, s, level, prefix, counter, numbering);
    for (size_t i = 0; i < p->nchildren && !c->oom; i++) {
        const ly_part *ch = &p->children[i];
        switch (ch->kind) {
        case LY_P_COVER: push(c, PL_COVER); break;
        case LY_P_TOC: push(c, PL_TOC); break;
        case LY_P_PAGEBREAK: push(c, PL_PAGEBREAK); break;
        case LY_P_NARRATIVE:
            if (section_has_blocks(s))
                plan_narrative(c, s, ch->blocks, level, prefix, counter, numbering);
            break;
        case LY_P_RESULTS:
            if (has_areas(c)) push(c, PL_RESULTS);
            break;
        case LY_P_TREE:
            if (has_areas(c)) push_flag(c, PL_TREE, ch->operational);
            break;
        case LY_P_OBJECTIVES:
            if (has_areas(c)) plan_objectives(c, level, ch->show);
            break;
        case LY_P_ENTE:
            if (has_areas(c)) push(c, PL_ENTE);
            break;
        case LY_P_SISTEMA: push(c, PL_SISTEMA); break;
        case LY_P_PLAN_TREE:
            if (has_areas(c)) push(c, PL_PLAN_TREE);
            break;
        case LY_P_SCHEDE:
            if (has_areas(c)) plan_schede(c, level);
            break;
        case LY_P_PEOPLE: plan_people(c, level, ch->person_kind); break;
        case LY_P_DASHBOARDS: plan_dashboards(c, level); break;
        case LY_P_CALENDAR:
            if (c->doc->nphases > 0) push(c, PL_CALENDAR);
            break;
        case LY_P_INDICATOR_TREE:
            if (has_areas(c)) push(c, PL_INDICATOR_TREE);
            break;
        case LY_P_STRATEGY_MAP:
            /* no objective has a perspective: no map, and no word about it */
            if (pp_strategy_map_objectives(c->doc) > 0) push(c, PL_STRATEGY_MAP);
            break;
        case LY_P_UNITS: plan_units(c, level); break;
        case LY_P_VARIATIONS:
            /* nothing to compare with: the section has nothing to show */
            if (c->doc->piano && ly_variations_compare(c)) push(c, PL_VARIATIONS);
            break;
        case LY_P_TRENDS:
            if (has_areas(c) && c->doc->nprecedenti > 0) push(c, PL_TRENDS);
            break;
        case LY_P_POINTS_LOST:
            /* nothing lost (100 %, or nothing measured): nothing to say */
            if (ly_points_lost_any(c->doc))
                push_item(c, (ly_plan_item){.kind = PL_POINTS_LOST, .count = ch->top});
            break;
        case LY_P_OTHERS: plan_others(c, root, level, prefix, counter, landscape, numbering); break;
        case LY_P_SECTION:
            if (part_has_content(c, ch))
                plan_section(c, ch, find_role(c, ch->role), level, prefix, counter, landscape,
                             numbering);
            else if (c->lay->keep_numbers)
                skip_number(c, ch, level, counter, numbering);
            break;
        }
    }
}

static void plan_section(ly_ctx *c, const ly_part *p, const pp_section *s, int level,
                         const char *prefix, int *counter, bool landscape, bool numbering)
{
    bool land = p->orientation >= 0 ? p->orientation == 1 : landscape;
    push_flag(c, PL_ORIENT, land);
    if (p->new_page) push(c, PL_PAGEBREAK);
    /* a fixed number ("2.2": the PIAO's subsection) takes no count */
    const char *num = p->number && p->numbered
                          ? p->number
                          : number_for(c, level, numbering && p->numbered, prefix, counter);
    heading(c, level, num, s && s->title ? s->title : p->title);
    int sub = p->first_number;
    plan_children(c, p, s, level + 1, num ? num : prefix, &sub, land, NULL, num != NULL);
    /* the next part returns to the orientation around it */
    push_flag(c, PL_ORIENT, landscape);
}

/* True when the outline places a section with this role. */
static bool role_placed(const ly_part *p, const char *role)
{
    if (p->kind == LY_P_SECTION && p->role && role && strcmp(p->role, role) == 0) return true;
    for (size_t i = 0; i < p->nchildren; i++)
        if (role_placed(&p->children[i], role)) return true;
    return false;
}

/* Testi sections the outline does not place: a section without a role, a
 * role the outline lacks, or a second section with the same role. They are
 * printed here rather than lost. */
static void plan_others(ly_ctx *c, const ly_part *root, int level, const char *prefix,
                        int *counter, bool landscape, bool numbering)
{
    const ly_part *outline = &c->lay->root;
    (void)root;
    for (size_t i = 0; i < c->doc->nsections && !c->oom; i++) {
        const pp_section *s = &c->doc->sections[i];
        bool placed = s->role && role_placed(outline, s->role) && find_role(c, s->role) == s;
        if (placed || !section_has_blocks(s)) continue;
        ly_part p = {.kind = LY_P_SECTION, .numbered = true, .first_number = 1,
                     .orientation = -1, .new_page = level == 1, .title = s->title};
        plan_section(c, &p, s, level, prefix, counter, landscape, numbering);
    }
}

bool ly_plan_build(ly_ctx *c)
{
    int counter = c->lay->root.first_number;
    plan_children(c, &c->lay->root, NULL, 1, NULL, &counter, false, &c->lay->root, true);
    /* a landscape section at the end returns to portrait for nothing: that
     * turn would open an empty last page */
    while (c->nplan > 0 && c->plan[c->nplan - 1].kind == PL_ORIENT) c->nplan--;
    return !c->oom;
}
