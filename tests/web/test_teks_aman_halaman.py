"""Every page shows hostile names and notes as text (issue 27, finding 1; AppTest, no browser).

The database holds the sample data with hostile unit and IKU names, sasaran strategis, satuan, notes and meeting
(``tests/jahat.py``). Each markdown text a page sends (markdown, captions, headings, alerts, toasts, widget labels
and help, expander labels) is parsed the way Streamlit's markdown reads it (CommonMark with tables): no image,
link, table, or heading made of data; in an HTML block (``unsafe_allow_html``) the data stays inside the block,
with no tag of its own. Every string of every plotly figure is free of ``<a``/``<img`` (plotly obeys them in tick
labels, hover text, titles).
"""

import json
import re
import shutil

import pytest
from google.protobuf.message import Message
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from tests.conftest import AKAR
from tests.jahat import simpan_jahat

APP = str(AKAR / "app.py")
MD = MarkdownIt("commonmark").enable("table")
TAG_JAHAT = re.compile(r"<\s*(a|img)\b", re.IGNORECASE)
# remark-gfm's finder of bare addresses, which Streamlit runs on the parsed text (escapes do not stop it)
ALAMAT_GFM = [re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE | re.ASCII),
              re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII)]


@pytest.fixture(scope="module")
def db_jahat(_db_contoh, tmp_path_factory):
    db = tmp_path_factory.mktemp("jahat") / "kinerja.duckdb"
    shutil.copy(_db_contoh, db)
    simpan_jahat(db)
    return db


@pytest.fixture
def at(db_jahat, monkeypatch, _apptest_navigasi) -> AppTest:
    monkeypatch.setenv("KINERJA_DB", str(db_jahat))
    app = AppTest.from_file(APP, default_timeout=60).run()
    assert not app.exception, app.exception
    return app


def _node(simpul):
    yield simpul
    for anak in getattr(simpul, "children", {}).values():
        yield from _node(anak)


def _teks_proto(pesan, html: bool = False):
    """(text, in an HTML block?) of every markdown string of a Streamlit message: body, label, help."""
    if pesan.DESCRIPTOR.name in ("Html", "PlotlyChart", "Arrow"):  # st.html is our own script; charts: below
        return
    html = html or any(f.name == "allow_html" and v for f, v in pesan.ListFields())
    for f, v in pesan.ListFields():
        if f.type == f.TYPE_STRING and f.name in ("body", "label", "help") and isinstance(v, str):
            yield v, html
        elif f.type == f.TYPE_MESSAGE:
            for m in ([v] if isinstance(v, Message) else v):
                yield from _teks_proto(m, html)


def teks_markdown(at: AppTest) -> list[tuple[str, bool]]:
    teks = []
    for simpul in _node(at._tree):
        if getattr(simpul, "proto", None) is not None:
            teks += list(_teks_proto(simpul.proto))
    return teks


def _token(token_list):
    for tok in token_list:
        yield tok
        yield from _token(tok.children or [])


def masalah_markdown(teks: str, html: bool) -> list[str]:
    """What a text turns into that data must never become."""
    masalah = []
    for tok in _token(MD.parse(teks)):
        if tok.type == "image":
            masalah.append(f"image {tok.attrGet('src')}")
        elif tok.type == "link_open" and "evil" in str(tok.attrGet("href")):
            masalah.append(f"link {tok.attrGet('href')}")
        elif tok.type == "table_open":
            masalah.append("table")
        elif tok.type == "code_block" and "JAHAT" in tok.content:
            masalah.append("code block")
        elif tok.type in ("html_block", "html_inline") and TAG_JAHAT.search(tok.content):
            masalah.append(f"tag {TAG_JAHAT.search(tok.content).group(0)}")
        elif tok.type == "text" and any("evil" in m.group(0) for p in ALAMAT_GFM for m in p.finditer(tok.content)):
            masalah.append(f"bare address {tok.content[:60]!r}")
        elif html and tok.type == "inline" and "JAHAT" in tok.content:
            masalah.append(f"outside its HTML block: {tok.content[:60]!r}")
    kepala = [i for i, tok in enumerate(MD.parse(teks)) if tok.type == "heading_open"]
    for i in kepala:
        if "JAHAT" in MD.parse(teks)[i + 1].content:
            masalah.append(f"heading {MD.parse(teks)[i + 1].content[:40]!r}")
    return masalah


def string_plotly(nilai) -> list[str]:
    if isinstance(nilai, str):
        return [nilai]
    if isinstance(nilai, dict):
        return [s for v in nilai.values() for s in string_plotly(v)]
    if isinstance(nilai, list):
        return [s for v in nilai for s in string_plotly(v)]
    return []


def periksa(at: AppTest, halaman: str, harus_ada: bool = True) -> None:
    """No markdown text of the page turns data into markup; no figure string carries a tag; the data is shown."""
    assert not at.exception, at.exception
    teks = teks_markdown(at)
    temuan = [(isi[:80], m) for isi, html in teks for m in masalah_markdown(isi, html)]
    assert not temuan, f"{halaman}: {temuan}"
    for grafik in at.get("plotly_chart"):
        tag = [s[:80] for s in string_plotly(json.loads(grafik.proto.spec)) if TAG_JAHAT.search(s)]
        assert not tag, f"{halaman}, a figure: {tag}"
    if harus_ada:
        assert any("JAHAT" in isi for isi, _ in teks), f"{halaman}: the hostile text is not shown at all"


def pilih_unit(at: AppTest, kode: str, tahun: int = 2019) -> AppTest:
    at.sidebar.selectbox(key="tahun").set_value(tahun).run()
    at.sidebar.selectbox(key="unit").set_value(kode).run()
    assert not at.exception, at.exception
    return at


def test_ringkasan_kanwil_dan_sub_unit(at):
    pilih_unit(at, "KWBCJABAR")
    periksa(at, "Ringkasan KWBCJABAR")
    (grafik,) = at.get("plotly_chart")
    assert any("&lt;a href=" in s for s in string_plotly(json.loads(grafik.proto.spec)))  # the name, as text


def test_ringkasan_progres_peta_kaskade_kantor(at):
    pilih_unit(at, "KPPBCBOGOR")
    periksa(at, "Ringkasan KPPBCBOGOR")
    for halaman in ("progres", "peta", "kaskade"):
        at.switch_page(f"pages/{halaman}.py").run()
        periksa(at, f"{halaman} KPPBCBOGOR")


def test_kaskade_bppt(at):
    pilih_unit(at, "BPPT", tahun=2017)
    at.switch_page("pages/kaskade.py").run()
    periksa(at, "Kaskade BPPT")


def test_dialog_ringkasan_iku_dan_arahan(at):
    pilih_unit(at, "KPPBCBOGOR")
    at.switch_page("pages/dialog.py").run()
    periksa(at, "Dialog: summary")
    at.button(key="dialog_berikutnya").click().run()
    periksa(at, "Dialog: IKU 1")
    assert any("JAHAT" in isi and 'data-testid="dialog-catatan"' in isi for isi, _ in teks_markdown(at))
    at.session_state["dialog_slide"] = 17
    at.run()
    periksa(at, "Dialog: arahan")
    assert any('data-testid="dialog-arahan"' in isi for isi, _ in teks_markdown(at))


def test_unggah_dan_riwayat(at):
    pilih_unit(at, "KPPBCBOGOR")
    at.switch_page("pages/unggah.py").run()
    periksa(at, "Unggah: template")
    nama = "![a](http://evil.example/f.png) <img src=http://evil.example/f.png> JAHAT.csv"
    isi = "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala\n2019;TW III;KPPBCBOGOR;BGR-02;10;\"a\x0bb\"\n"
    at.file_uploader(key="unggah_berkas").set_value((nama, isi.encode(), "text/csv")).run()
    periksa(at, "Unggah: preview")
    at.button(key="unggah_simpan").click().run()
    periksa(at, "Unggah: stored")
    at.switch_page("pages/riwayat.py").run()
    periksa(at, "Riwayat", harus_ada=False)
