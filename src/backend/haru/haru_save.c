/* Writing the file. libharu's HPDF_SaveToStream takes the file identifier
 * of an encrypted document from the clock, and with it every encryption
 * key: the same input would give different bytes each run. The file is
 * written here through the same steps with libharu's own functions (the
 * header, the trailer's Root and Info, the encryption dictionary, the
 * cross-reference table), the identifier being a digest of what the pages
 * show and of the metadata, so that the bytes depend on the input only. */
#include <string.h>

#include <hpdf_encryptdict.h>

#include "haru_internal.h"

static HPDF_STATUS to_outfile(HPDF_Stream stream, const HPDF_BYTE *ptr, HPDF_UINT n)
{
    return pp_outfile_write(stream->attr, ptr, n) ? HPDF_OK : HPDF_FILE_IO_ERROR;
}

static void identity(haru_backend *b, HPDF_BYTE id[HPDF_ID_LEN])
{
    const char *parts[] = {b->meta.title, b->meta.author, b->meta.subject, b->meta.keywords};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i]) HPDF_MD5Update(&b->identity, (const HPDF_BYTE *)parts[i],
                                     (HPDF_UINT32)strlen(parts[i]));
    HPDF_MD5Update(&b->identity, (const HPDF_BYTE *)&b->meta.date, sizeof b->meta.date);
    HPDF_BYTE kind = b->opt.pdfa ? 'A' : b->opt.protect ? 'P' : 'N';
    HPDF_MD5Update(&b->identity, &kind, 1);
    HPDF_MD5Final(id, &b->identity);
}

/* The permissions of the publication copy (PDF 1.4, table 3.20, bits
 * counted from 1): print (3) at full quality (12), copy (5) and extract for
 * accessibility (10), so that screen readers still read it; bits 7-8 and
 * 13-32 are reserved and must be 1. Modifying, annotating, filling forms
 * and assembling stay forbidden. libharu's HPDF_SetPermission leaves the
 * reserved bits and the last two permissions out. */
#define PROTECT_PERMISSIONS ((HPDF_INT)(0xFFFFF0C0u | (1u << 2) | (1u << 4) | (1u << 9) | (1u << 11)))

/* As HPDF_EncryptDict_Prepare, with the identifier given. */
static void prepare_encryption(haru_backend *b, const HPDF_BYTE id[HPDF_ID_LEN])
{
    HPDF_Doc pdf = b->pdf;
    HPDF_Encrypt e = HPDF_EncryptDict_GetAttr(pdf->encrypt_dict);
    memcpy(e->encrypt_id, id, HPDF_ID_LEN);
    e->permission = PROTECT_PERMISSIONS;
    HPDF_Encrypt_CreateOwnerKey(e);
    HPDF_Encrypt_CreateEncryptionKey(e);
    HPDF_Encrypt_CreateUserKey(e);
    HPDF_Dict dict = pdf->encrypt_dict;
    HPDF_Dict_Add(dict, "O", HPDF_Binary_New(pdf->mmgr, e->owner_key, HPDF_PASSWD_LEN));
    HPDF_Dict_Add(dict, "U", HPDF_Binary_New(pdf->mmgr, e->user_key, HPDF_PASSWD_LEN));
    HPDF_Dict_AddName(dict, "Filter", "Standard");
    HPDF_Dict_AddNumber(dict, "V", 2);
    HPDF_Dict_AddNumber(dict, "R", 3);
    HPDF_Dict_AddNumber(dict, "Length", (HPDF_INT32)(e->key_len * 8));
    HPDF_Dict_AddNumber(dict, "P", e->permission);
}

/* RC4 128 (revision 3), no user password: the permissions are set in
 * prepare_encryption. */
static void protect(haru_backend *b)
{
    HPDF_SetPassword(b->pdf, b->opt.owner_password, "");
    HPDF_SetEncryptionMode(b->pdf, HPDF_ENCRYPT_R3, 16);
}

static void write_trailer_id(haru_backend *b, const HPDF_BYTE id[HPDF_ID_LEN])
{
    HPDF_Array arr = HPDF_Array_New(b->pdf->mmgr);
    if (!arr) return;
    HPDF_Array_Add(arr, HPDF_Binary_New(b->pdf->mmgr, (HPDF_BYTE *)id, HPDF_ID_LEN));
    HPDF_Array_Add(arr, HPDF_Binary_New(b->pdf->mmgr, (HPDF_BYTE *)id, HPDF_ID_LEN));
    HPDF_Dict_Add(b->pdf->trailer, "ID", arr);
}

pp_status haru_save(haru_backend *b, pp_diags *d)
{
    HPDF_Doc pdf = b->pdf;
    if (b->opt.protect) protect(b);
    pp_status st = haru_check(b, "the encryption", d);
    if (st != PP_OK) return st;
    HPDF_BYTE id[HPDF_ID_LEN];
    identity(b, id);
    HPDF_Stream out = HPDF_CallbackWriter_New(pdf->mmgr, to_outfile, b->out);
    if (!out) return haru_check(b, "the file", d) == PP_OK ? pp_diag_oom(d) : PP_ERR_ENV;
    /* binary bytes on the second line: the file is not text (PDF/A asks it) */
    HPDF_Stream_WriteStr(out, "%PDF-1.4\n%\xB7\xBE\xAD\xAA\n");
    HPDF_Dict_Add(pdf->trailer, "Root", pdf->catalog);
    HPDF_Dict_Add(pdf->trailer, "Info", pdf->info);
    write_trailer_id(b, id);
    HPDF_Encrypt e = NULL;
    if (b->opt.protect) {
        prepare_encryption(b, id);
        e = HPDF_EncryptDict_GetAttr(pdf->encrypt_dict);
    }
    if (!b->error) HPDF_Xref_WriteToStream(pdf->xref, out, e);
    HPDF_Stream_Free(out);
    if (b->out->err) {
        pp_outfile_error(b->out, d);
        return PP_ERR_ENV;
    }
    return haru_check(b, "the file", d);
}
