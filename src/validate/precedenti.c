/* Earlier Relazioni beside this one (the trend over the years): what
 * makes one unusable is refused here, before anything is compared. */
#include "validate.h"

#include <string.h>

/* The document as the messages name it: its file. */
static const char *name_of(const pp_doc *doc) { return doc->path ? doc->path : "the document"; }

static const char *kind_name(pp_doc_kind k)
{
    return k == PP_DOC_PIANO ? "Piano" : k == PP_DOC_SCHEDE ? "schede" : "Relazione";
}

void pp_check_precedente(const pp_doc *doc, const pp_doc *prev, const pp_doc *const *seen,
                         size_t nseen, pp_diags *d)
{
    /* A Piano has targets, not results: nothing to put beside them. */
    if (prev->kind != PP_DOC_RELAZIONE) {
        pp_error(d, 0, 0, "this is a %s, not a Relazione: only a Relazione gives the results "
                          "of an earlier year", kind_name(prev->kind));
        return;
    }
    const char *here = doc->admin_name ? doc->admin_name : "";
    const char *there = prev->admin_name ? prev->admin_name : "";
    if (strcmp(here, there) != 0)
        pp_error(d, 0, 0, "another administration: '%s', not '%s' of %s", there, here,
                 name_of(doc));
    if (prev->year >= doc->year)
        pp_error(d, prev->year_pos.line, prev->year_pos.col,
                 "year %d is not before %d, the year of %s: an earlier Relazione must report "
                 "on an earlier year", prev->year, doc->year, name_of(doc));
    for (size_t i = 0; i < nseen; i++)
        if (seen[i]->year == prev->year) {
            pp_error(d, prev->year_pos.line, prev->year_pos.col,
                     "a second Relazione of %d: %s reports on that year already", prev->year,
                     name_of(seen[i]));
            break;
        }
}

void pp_check_precedente_matches(const pp_doc *doc, size_t i, pp_diags *d)
{
    if (i < doc->nprecedenti && pp_doc_past_matches(doc, i) == 0)
        pp_warning(d, 0, 0, "no area, objective or indicator of %s has a code found here: "
                            "only the ente's result can be compared", name_of(doc));
}
