/* libFuzzer harness: read + validate + load + score + write the scores,
 * on arbitrary bytes. Any crash, leak, hang or sanitizer report is a bug. */
#include <stdint.h>
#include <stdio.h>

#include "validate.h"
#include "score.h"
#include "score_out.h"
#include "xmlsafe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink) {
        pp_xml_init();
        sink = fopen("/dev/null", "w");
    }
    pp_diags d;
    pp_diags_init(&d, "fuzz.xml");
    pp_doc *doc = NULL;
    if (pp_open_document_mem((const char *)data, size, "fuzz.xml", &d, &doc) == PP_OK) {
        pp_score(doc);
        pp_write_scores(doc, PP_FORMAT_JSON, sink);
        pp_write_scores(doc, PP_FORMAT_TEXT, sink);
        pp_doc_free(doc);
    }
    pp_diags_clear(&d);
    return 0;
}
