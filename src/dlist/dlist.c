/* Pages of the display list. The item array grows with realloc (an arena
 * cannot give memory back when it moves); what items point to lives in the
 * page's arena. */
#include "dlist.h"

#include <stdlib.h>

#include "grow.h"

pp_page *pp_page_new(int number, double width, double height)
{
    pp_page *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    if (!(p->arena = pp_arena_new())) {
        free(p);
        return NULL;
    }
    p->number = number;
    p->width = width;
    p->height = height;
    return p;
}

void pp_page_free(pp_page *p)
{
    if (!p)
        return;
    free(p->items);
    pp_arena_free(p->arena);
    free(p);
}

pp_dl_item *pp_page_add(pp_page *p, const pp_dl_item *item)
{
    if (!pp_grow(&p->items, &p->cap, p->nitems + 1, sizeof *p->items, 64))
        return NULL;
    p->items[p->nitems] = *item;
    return &p->items[p->nitems++];
}
