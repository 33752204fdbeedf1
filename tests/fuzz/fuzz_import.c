/* libFuzzer harness: CSV bytes -> import (reader, columns, values, tree,
 * document checks) without a template. Any crash, leak, hang or sanitizer
 * report is a bug, and so is an internal error: whatever the bytes, the
 * import either writes a valid document or reports the input's problems. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "import.h"
#include "xmlsafe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init) {
        pp_xml_init();
        init = 1;
    }
    pp_import_opts o = {.csv_path = "fuzz.csv"};
    pp_diags csv_d, tpl_d;
    pp_diags_init(&csv_d, "fuzz.csv");
    pp_diags_init(&tpl_d, "");
    char *xml = NULL;
    size_t len = 0;
    if (pp_import_mem(&o, (const char *)data, size, &csv_d, &tpl_d, &xml, &len) == PP_ERR_ENV) {
        pp_diags_print(&csv_d, stderr);
        abort();
    }
    free(xml);
    pp_diags_clear(&csv_d);
    pp_diags_clear(&tpl_d);
    return 0;
}
