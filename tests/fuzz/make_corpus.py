#!/usr/bin/python3
"""Writes the seed corpora of the case-data harnesses (csv, mapping, xlsx) into
tests/fuzz/corpus/. Run it again after changing it; the files are small and committed.

csv:     the first byte chooses encoding and delimiter (see fuzz_csv.cpp), then the file:
         UTF-8 with and without BOM, UTF-16LE/BE with BOM, Windows-1256, ; and tab,
         quoted cells with line breaks and doubled quotes, CRLF, Excel's sep= line,
         Arabic headers, bad dates (0000-00-00, 2026-02-30), a ragged row.
mapping: mapping files (every key of the format) and header lines for the guesser.
xlsx:    real workbooks (deflated zips, as Excel writes them) and the same workbooks as
         "parts" text (the XML parts separated by ==== lines; fuzz_xlsx.cpp packs them).
"""
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")


def write(kind, name, data):
    d = os.path.join(OUT, kind)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


CANON = ("case_id,caseworker,supervisor,sex,age,date_of_birth,disability,registration_date,risk_level,consent,"
         "assessment_date,case_plan_date,case_plan_approved,last_followup_date,status,closure_date,closure_reason,"
         "closure_approved,post_closure_review_date")
ROWS = [
    "C-001,w1,s1,male,7,2019-01-02,yes,2026-01-05,high,yes,2026-01-06,2026-01-10,yes,2026-06-01,open,,,,",
    "C-002,w2,s1,female,15,,no,2026-02-01,medium,no,2026-02-20,,,2026-03-01,closed,2026-03-30,needs_met,yes,2026-06-29",
    "C-003,w1,s2,other,,,,2026-02-30,low,yes,0000-00-00,,,,open,,,,",
    "C-004,w3,s2,unknown,19,2007-05-05,no,2025-12-01,high,yes,2025-12-01,2025-12-03,no,2026-01-01,closed,2026-02-01,over_18,no,",
]
# Mode bytes of fuzz_csv.cpp: encoding = b % 6 (0,1 auto, 2 utf8, 3 utf16le, 4 utf16be,
# 5 cp1256), delimiter = (b // 6) % 6 (0,1 detect, 2 ',', 3 ';', 4 tab, 5 '|').
AUTO, UTF8_COMMA, SEMI_AUTO, TAB_AUTO, CP1256 = 0, 2 + 6 * 2, 6 * 3, 6 * 4, 5


def csv_seed(name, mode, text, encoding="utf-8", bom=b""):
    write("csv", name, bytes([mode]) + bom + text.encode(encoding))


def corpus_csv():
    plain = "\n".join([CANON] + ROWS) + "\n"
    csv_seed("canonical-utf8", AUTO, plain)
    csv_seed("canonical-utf8-bom-crlf", AUTO, plain.replace("\n", "\r\n"), bom=b"\xef\xbb\xbf")
    csv_seed("canonical-explicit", UTF8_COMMA, plain)
    csv_seed("semicolon-sep-line", SEMI_AUTO, "sep=;\n" + plain.replace(",", ";"))
    csv_seed("tab", TAB_AUTO, plain.replace(",", "\t"))
    arabic = ("رقم الحالة,مدير الحالة,الجنس,العمر,تاريخ التسجيل,مستوى الخطورة,الموافقة,حالة الملف\n"
              "١٢,أحمد,ذكر,٧,٢٠٢٦-٠١-٠٥,عالي,نعم,مفتوحة\n"
              "13,سارة,أنثى,,05/02/2026,متوسط,لا,مغلقة\n")
    csv_seed("arabic-utf16le", AUTO, arabic, "utf-16-le", b"\xff\xfe")
    csv_seed("arabic-utf16be", AUTO, arabic, "utf-16-be", b"\xfe\xff")
    csv_seed("arabic-utf16le-nobom", 3, arabic, "utf-16-le")
    csv_seed("arabic-cp1256", AUTO, arabic.replace("١٢", "12").replace("٧", "7").replace("٢٠٢٦-٠١-٠٥", "2026-01-05"),
             "cp1256")
    csv_seed("arabic-cp1256-explicit", CP1256, "case_id,caseworker\nA1,\u0639\u0645\u0631\n", "cp1256")
    quoted = (CANON + "\n"
              '"C-1","w ""one""",s1,male,"7",,"yes",2026-01-05,high,yes,,,,,"open",,,,\n'
              '"C-2","line\nbreak",s1,female,8,,no,2026-01-05,low,no,,,,,open,,,,\n'
              '"C-3"x,w1,s1,male,9,,,,,,,,,,open,,,,\n'
              'C-4,w1,s1,"male\r\n",9,,,,,,,,,,open,,,,\r\n'
              '"C-5,unterminated\n')
    csv_seed("quoted", AUTO, quoted)
    csv_seed("ragged", AUTO, "case_id,status,sex\nA,open\nB,open,male,extra\n\n,,\nC,closed,female\n")
    csv_seed("utf8-then-cp1256", AUTO, "case_id,caseworker\n" + "A,w\n" * 2000 + "B,")
    with open(os.path.join(OUT, "csv", "utf8-then-cp1256"), "ab") as f:
        f.write("\u0639\u0645\u0631\n".encode("cp1256"))
    csv_seed("empty", AUTO, "")
    csv_seed("header-only", AUTO, "case_id\n")
    csv_seed("dates", AUTO, "case_id,registration_date,assessment_date,risk_level,status\n"
             "a,0000-00-00,2026-02-30,high,open\nb,2026-13-01,1899-12-31,low,open\nc,20026-01-01,2026-02-28,medium,open\n"
             "d,45000,2026-1-5,high,open\ne,5 Mar 2026,2026-03-05T10:00:00Z,low,closed\n")


def corpus_mapping():
    write("mapping", "full.json", """{
  // a mapping with every key
  "format": "mizan-case-mapping", "format_version": 1,
  "name": "kobo-arabic", "description": "Kobo export of the field teams", "extends": "primero",
  "encoding": "utf-8", "delimiter": ";", "sheet": "cases",
  "columns": {"case_id": ["رقم الحالة", "case_no"], "caseworker": "owned_by", "age": null},
  "values": {"sex": {"ذكر": "male", "أنثى": "female", "?": null, "*": "unknown"},
             "consent": {"نعم": "yes", "لا": "no"}, "status": {"مفتوحة": "open", "مغلقة": "closed"},
             "closure_reason": {"اكتملت": "needs_met"}},
  "date_formats": ["YYYY-MM-DD", "DD/MM/YYYY", "D Mon YYYY", "excel"],
  "limits": {"caseload": 20, "caseworkers_per_supervisor": 5, "post_closure_review_days": 60,
             "assessment_due_days": {"high": 1, "medium": 2, "low": 5},
             "followup_days": {"high": 7, "medium": 10, "low": 20}}
}
""")
    write("mapping", "minimal.json", '{"extends": "canonical"}')
    write("mapping", "primero.json", '{"extends": "primero", "name": "p", "delimiter": "tab", "encoding": "cp1256"}')
    write("mapping", "bad-values.json", '{"values": {"age": {"x": "y"}, "sex": {"m": "mail"}}}')
    write("mapping", "bad-limits.json", '{"limits": {"caseload": -1, "followup_days": {"urgent": 3}}}')
    write("mapping", "bad-dates.json", '{"date_formats": ["YYYY", "DD.MM.YYYY", "Mon-YY"]}')
    write("mapping", "newer.json", '{"format": "mizan-case-mapping", "format_version": 2}')
    write("mapping", "header-en", "Case No,Caseworker Code,Sex of child,Age (years),Date of Registration or Interview,"
          "Level of risk,Informed consent,Case Status,Date Closed,Reason for closure,Disability Type")
    write("mapping", "header-ar", "رقم الحالة,مدير/ة الحالة,الجنس,العمر,تاريخ التسجيل,مستوى الخطورة,الموافقة,"
          "حالة الملف,تاريخ الإغلاق,سبب الإغلاق,نوع الإعاقة,المشرف")
    write("mapping", "header-primero", "short_id\nowned_by\ndate_case_plan\nassessment_requested_on\ndate_closure\n"
          "consent_for_services\napproval_status_case_plan\ndisability_type")


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="0"/>'
            '<sheets><sheet name="cases" sheetId="1" r:id="rId1"/><sheet name="other" sheetId="2" r:id="rId9"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
           '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
           '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>'
           '</Relationships>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>')
SST = ('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">'
       '<si><t>case_id</t></si><si><t>status</t></si><si><t>registration_date</t></si>'
       '<si><r><t>ris</t></r><r><t>k_level</t></r></si><si><t>open</t><rPh><t>x</t></rPh></si><si><t>مفتوحة</t></si></sst>')
SHEET = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" t="s"><v>4</v></c><c r="C2" s="1"><v>46027</v></c><c r="D2" t="str"><v>high</v></c></row>'
         '<row r="3"><c r="A3"><v>17</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" s="2"><v>46000.5</v></c><c r="D3" t="b"><v>1</v></c></row>'
         '<row r="5"><c r="A5" t="e"><v>#N/A</v></c><c r="C5" t="d"><v>2026-02-30T00:00:00</v></c><c r="XFD5"><v>1</v></c></row>'
         '<row><c t="inlineStr"><is><t>C-6</t></is></c><c><v>x</v></c><c s="3"><v>0.5</v></c></row>'
         '</sheetData></worksheet>')
PARTS = [ROOT_RELS, WORKBOOK, WB_RELS, STYLES, SST, SHEET]
NAMES = ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
         "xl/worksheets/sheet1.xml"]


def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = compression
            z.writestr(info, data)
    return buf.getvalue()


def corpus_xlsx():
    entries = [("[Content_Types].xml", CONTENT_TYPES)] + list(zip(NAMES, PARTS))
    write("xlsx", "tiny.xlsx", zip_bytes(entries))
    write("xlsx", "tiny-stored.xlsx", zip_bytes(entries, zipfile.ZIP_STORED))
    # No relationships at all: the reader falls back to xl/workbook.xml and sheet1.xml.
    write("xlsx", "bare.xlsx", zip_bytes([("xl/workbook.xml", WORKBOOK), ("xl/worksheets/sheet1.xml", SHEET)]))
    write("xlsx", "tiny.parts", "\n====\n".join(PARTS))
    write("xlsx", "no-styles.parts", "\n====\n".join([ROOT_RELS, WORKBOOK, WB_RELS, "", SST, SHEET]))
    write("xlsx", "doctype.parts", "\n====\n".join(
        [ROOT_RELS, '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><workbook><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>',
         WB_RELS, STYLES, SST, SHEET]))
    write("xlsx", "traversal.parts", "\n====\n".join(
        [ROOT_RELS.replace("xl/workbook.xml", "../../../../etc/passwd"), WORKBOOK,
         WB_RELS.replace("worksheets/sheet1.xml", "../../../../../../etc/passwd"), STYLES, SST, SHEET]))


if __name__ == "__main__":
    corpus_csv()
    corpus_mapping()
    corpus_xlsx()
    for kind in ("csv", "mapping", "xlsx"):
        d = os.path.join(OUT, kind)
        print(kind, len(os.listdir(d)), "files,", sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)), "bytes")
