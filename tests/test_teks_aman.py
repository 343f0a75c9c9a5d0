"""kinerja.teks_aman: data shown as text, never as markdown or HTML (issue 27, finding 1).

Each text is parsed the way Streamlit's markdown reads it (CommonMark with tables, markdown-it-py) and must come
out as one paragraph of plain text (markdown) or inside the HTML block it was put in (HTML), showing what was typed.
"""

import html as html_std
import re

import pytest
from markdown_it import MarkdownIt

from kinerja import teks_aman
from kinerja.texts import dalam_bahasa
from kinerja.web import tampilan

MD = MarkdownIt("commonmark").enable("table")
# remark-gfm's finder of bare addresses, which Streamlit runs on the parsed text (escapes do not stop it)
ALAMAT_GFM = [re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE | re.ASCII),
              re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII)]

SERANGAN = [
    "x\n\n![a](http://evil.example/x.png)",
    "x\n===",
    "x\n---",
    '<a href="http://evil.example/">x</a>',
    "<img src=http://evil.example/i.png>",
    "![a](http://evil.example/x.png)",
    "[klik](http://evil.example/)",
    "<http://evil.example/>",
    "# Judul jahat",
    "x\n# Judul jahat",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "x\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    ":red[x]",
    "$x$",
    "**tebal** _miring_ `kode` ~~coret~~",
    "    kode terindentasi",
    "x\n\n    kode terindentasi",
    "x\r\n\r\n![a](http://evil.example/x.png)",
    "x\r\r![a](http://evil.example/x.png)",
    "x\n \t\n![a](http://evil.example/x.png)",
    "&lt;img src=x&gt; &amp; &#60;a&#62;",
    "> kutipan",
    "1. daftar\n- butir\n+ butir\n* butir",
    "***\n___",
    "[a]: http://evil.example/\n[a]",
    "x\\\n\\",
    "a@b.example www.evil.example http://evil.example/ HTTPS://EVIL.EXAMPLE WWW.EVIL.EXAMPLE",
    "<!-- komentar -->",
    "x\u2028\u2029\x0b\x0c![a](http://evil.example/x.png)",
]


def _tanpa_markup(token_list) -> list[str]:
    """The token types of a parse that are not a paragraph of plain text (with line breaks)."""
    boleh = {"paragraph_open", "paragraph_close", "inline", "text", "softbreak", "hardbreak"}
    lain = []
    for tok in token_list:
        if tok.type not in boleh:
            lain.append(tok.type)
        lain += _tanpa_markup(tok.children or [])
    return lain


def _teks_terbaca(token_list) -> str:
    """What a reader sees of a parse of plain paragraphs: the text, line breaks as newlines."""
    bagian = []
    for tok in token_list:
        if tok.type == "text":
            bagian.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            bagian.append("\n")
        bagian.append(_teks_terbaca(tok.children or []))
    return "".join(bagian)


def _baris_berisi(teks: str) -> list[str]:
    """The lines of ``teks`` that hold something, trimmed: what the markdown text must show, in order."""
    return [b.strip() for b in re.split(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", teks) if b.strip()]


@pytest.mark.parametrize("serangan", SERANGAN)
def test_md_satu_paragraf_teks_polos(serangan):
    token = MD.parse(teks_aman.md(serangan))
    assert _tanpa_markup(token) == [], teks_aman.md(serangan)
    assert [tok.type for tok in token] == ["paragraph_open", "inline", "paragraph_close"]
    # the reader sees exactly what was typed, line by line, each run of line breaks one line break (and an
    # invisible word joiner inside a bare address)
    assert _teks_terbaca(token).replace(teks_aman.PENGHUBUNG, "").split("\n") == _baris_berisi(serangan)
    # no bare address left for Streamlit to turn into a link
    assert not [p.pattern for p in ALAMAT_GFM if p.search(_teks_terbaca(token))], _teks_terbaca(token)


@pytest.mark.parametrize("serangan", SERANGAN)
def test_md_tanpa_tanda_baca_ascii_yang_tidak_di_escape(serangan):
    """Every ASCII punctuation character is escaped: nothing is left for Streamlit's own extensions either
    (``:red[x]`` colours, ``$x$`` formulas, ``:smile:`` emoji, bare links)."""
    aman = teks_aman.md(serangan)
    tanpa_escape = re.sub(r"\\[!-/:-@\[-`{-~]", "", aman.replace("  \n", "\n"))
    assert "\\" + teks_aman.PENGHUBUNG not in aman  # a word joiner never escaped (it would show a backslash)
    assert not re.search(r"[!-/:-@\[-`{-~]", tanpa_escape), aman


def test_md_contoh():
    assert teks_aman.md("x\n\n\n  ![a](http://h/x.png)") == (
        "x  \n" + r"\!\[a\]\(http\:" + teks_aman.PENGHUBUNG + r"\/\/h\/x\.png\)")
    assert teks_aman.md("Rp 1.500,5 (50%)") == r"Rp 1\.500\,5 \(50\%\)"
    assert teks_aman.md("") == ""
    assert teks_aman.md(12) == "12"


@pytest.mark.parametrize("serangan", SERANGAN)
def test_html_tetap_di_dalam_blok_html(serangan):
    isi = f'<div class="x">{teks_aman.html(serangan)}</div>'
    token = MD.parse(isi)
    assert [tok.type for tok in token] == ["html_block"], isi
    assert "\n" not in isi and "\r" not in isi
    assert not re.search(r"<(?!/?div\b|br>)", isi), isi  # no tag of the data's own
    # what the browser shows: the text as typed, each line break a line break
    terbaca = html_std.unescape(isi.removeprefix('<div class="x">').removesuffix("</div>").replace("<br>", "\n"))
    assert terbaca == re.sub(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", "\n", serangan)


def test_html_contoh():
    assert teks_aman.html('x\n\n<a href="h">y</a> & \'z\'') == (
        "x<br><br>&lt;a href=&#34;h&#34;&gt;y&lt;/a&gt; &amp; &#39;z&#39;")
    assert teks_aman.html("a\r\nb\u2028c", satu_baris=True) == "a b c"


def test_atribut_tanpa_baris_kosong():
    isi = f'<div title="{teks_aman.atribut(SERANGAN[0])}">x</div>'
    assert [tok.type for tok in MD.parse(isi)] == ["html_block"]
    assert "\n" not in isi and '"' not in isi.split('title="')[1].split('">x')[0]


def test_t_aman_escape_isian_bukan_templat():
    with dalam_bahasa("id"):
        teks = teks_aman.t_aman("gerbang.sebagai", identitas="![a](http://evil.example/x.png)\n\n# h", hak="admin")
    assert teks.startswith("Masuk sebagai **") and teks.endswith("** · hak: admin")  # the template's bold kept
    token = MD.parse(teks)
    assert [tok.type for tok in token] == ["paragraph_open", "inline", "paragraph_close"]
    assert [c.type for c in token[1].children] == ["text", "strong_open", "text", "hardbreak", "text", "strong_close",
                                                   "text"]


def test_t_aman_angka_tetap_angka():
    with dalam_bahasa("id"):
        assert teks_aman.t_aman("riwayat.tinjau_kosong", id=7) == teks_aman.t_aman("riwayat.tinjau_kosong", id="7")


def test_tampilan_aman_sama_dengan_md():
    for serangan in SERANGAN:
        assert tampilan.aman(serangan) == teks_aman.md(serangan)
