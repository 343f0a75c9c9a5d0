"""The Dialog Kinerja deck (PPTX) as a person opening it sees it: the meeting, native charts, tables that add up,
the arahan, and nothing running off a slide."""

from __future__ import annotations

import dataclasses
import datetime
import doctest
import io
import re

import pandas as pd
import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from kinerja.rapat import deck, dialog
from kinerja.rapat.simpan import simpan_catatan, simpan_rapat
from kinerja.texts import WARNA_STATUS, label_status
from kinerja_core.akses import Pelaku
from kinerja_core.model import Konsolidasi, Polaritas, Status

TW = ["TW I", "TW II", "TW III", "TW IV"]
KATA_TERLARANG = re.compile(r"\b(nan|NaN|None|NaT|null)\b")
PANJANG = ("Penerimaan negara dari bea masuk atas impor barang modal untuk kawasan berikat dan gudang berikat "
           "termasuk fasilitas KITE ") * 14  # about 1500 characters


def susun(storage, triwulan: int = 3) -> dialog.Dialog:
    return dialog.susun(storage.baca(2019), "KPPBCBOGOR", triwulan)


def buka(isi: dialog.Dialog):
    return Presentation(io.BytesIO(deck.buat_deck(isi)))


def teks(slide) -> str:
    return "\n".join(b.text_frame.text for b in slide.shapes if b.has_text_frame)


def paragraf(slide) -> list[str]:
    return [p.text for b in slide.shapes if b.has_text_frame for p in b.text_frame.paragraphs]


def rapat(storage, **isian) -> None:
    nilai = dict(tanggal=datetime.date(2019, 10, 2), tempat="Aula KPPBC Bogor", pimpinan="Kepala Kantor",
                 peserta="Kasi PKC\nKasi P2\nKasubag Umum", arahan="", pelaku=Pelaku.sistem("Sekretaris DKO"))
    simpan_rapat(storage, "KPPBCBOGOR", 2019, 3, **{**nilai, **isian})


# --- what fits: an estimate of its own, independent of the deck's --------------------------------------------------

LEBAR_HURUF = 0.5
"""Average character width in em (Calibri's is about 0,49): the deck's own estimate must be at least as wide."""
TINGGI_BARIS = 1.2


def baris_kira(isi: str, lebar_pt: float, ukuran: float) -> int:
    """Lines a paragraph takes: greedy word wrap at an average character width, overlong words broken."""
    per_baris = max(1, int(lebar_pt // (LEBAR_HURUF * ukuran)))
    jumlah = 0
    for bagian in isi.split("\n"):
        baris, panjang = 1, 0
        for kata in bagian.split(" "):
            while len(kata) > per_baris:  # broken where it must
                if panjang:
                    baris, panjang = baris + 1, 0
                kata = kata[per_baris:]
                baris += 1
            tambah = len(kata) + (1 if panjang else 0)
            if panjang + tambah > per_baris:
                baris, panjang = baris + 1, len(kata)
            else:
                panjang += tambah
        jumlah += baris
    return jumlah


def ukuran_paragraf(p) -> float:
    ukuran = [r.font.size.pt for r in p.runs if r.text]
    assert all(u is not None for u in ukuran), p.text  # no run left to the theme's default size
    return max(ukuran, default=0.0)


def tinggi_perlu(bingkai, lebar_pt: float) -> float:
    """Points of height the text needs, paragraph by paragraph (a numbered item is indented)."""
    perlu = 0.0
    for p in bingkai.paragraphs:
        if not p.runs:
            continue
        ukuran = ukuran_paragraf(p)
        pPr = p._p.pPr
        indentasi = int(pPr.get("marL", 0)) / 12700 if pPr is not None else 0
        perlu += baris_kira(p.text, lebar_pt - indentasi, ukuran) * ukuran * TINGGI_BARIS
    return perlu


def periksa_muat(berkas) -> None:
    """Every shape inside the slide; every text within its box at its font size, table cells within their cells."""
    lebar, tinggi = berkas.slide_width, berkas.slide_height
    for nomor, slide in enumerate(berkas.slides, start=1):
        for b in slide.shapes:
            tempat = (nomor, b.name, b.text_frame.text[:60] if b.has_text_frame else "")
            assert b.left >= 0 and b.top >= 0, tempat
            assert b.left + b.width <= lebar and b.top + b.height <= tinggi, tempat
            if b.has_text_frame and b.text_frame.text:
                bf = b.text_frame
                ruang_lebar = Emu(b.width - bf.margin_left - bf.margin_right).pt
                ruang_tinggi = Emu(b.height - bf.margin_top - bf.margin_bottom).pt
                assert tinggi_perlu(bf, ruang_lebar) <= ruang_tinggi, tempat
            if b.has_table:
                tabel = b.table
                assert sum(r.height for r in tabel.rows) <= b.height + 12700, tempat
                for baris in tabel.rows:
                    for kolom, sel in zip(tabel.columns, baris.cells):
                        ruang_lebar = Emu(kolom.width - sel.margin_left - sel.margin_right).pt
                        ruang_tinggi = Emu(baris.height - sel.margin_top - sel.margin_bottom).pt
                        assert tinggi_perlu(sel.text_frame, ruang_lebar) <= ruang_tinggi, (nomor, sel.text)


def semua_teks(berkas) -> list[str]:
    """Every piece of text in the deck, charts included (their titles, labels and cached categories)."""
    hasil = []
    for slide in berkas.slides:
        for b in slide.shapes:
            akar = b.chart._chartSpace if b.has_chart else b._element
            hasil += [x.text or "" for x in akar.iter() if etree.QName(x).localname in ("t", "v")]
    return hasil


# --- the meeting ---------------------------------------------------------------------------------------------------


def test_slide_pertama_detail_rapat_dan_terakhir_arahan(storage):
    rapat(storage, arahan="1. Percepat penagihan BGR-03\n- Sosialisasi survei IKM di TW IV\n\n• Tertibkan PIC")
    isi = susun(storage)
    berkas = buka(isi)
    slide = list(berkas.slides)
    # the meeting, the summary, the IKU, the actions followed up (BGR-01 and others wrote some in TW I), the arahan
    assert len(slide) == 1 + 1 + 16 + 1 + 1

    pertama = teks(slide[0])
    for kata in ("Dialog Kinerja Organisasi", "KPPBC TMP A Bogor", "Tahun 2019", "s.d. TW III", "2 Oktober 2019",
                 "Aula KPPBC Bogor", "Kepala Kantor", "Kasi PKC", "Kasi P2", "Kasubag Umum", "Peserta (3)"):
        assert kata in pertama, kata
    assert "belum diisi" not in pertama

    terakhir = slide[-1]
    assert "Arahan pimpinan" in teks(terakhir)
    daftar = [p for b in terakhir.shapes if b.has_text_frame for p in b.text_frame.paragraphs
              if p._p.pPr is not None and p._p.pPr.find("{*}buAutoNum") is not None]
    # numbered by PowerPoint, in the order given, without what was typed in front
    assert [p.text for p in daftar] == ["Percepat penagihan BGR-03", "Sosialisasi survei IKM di TW IV",
                                        "Tertibkan PIC"]
    assert "Ringkasan Kinerja" in teks(slide[1]) and "16 IKU: 15 hijau, 1 abu-abu" in teks(slide[1])
    periksa_muat(berkas)


def test_arahan_dengan_pic_dan_tenggat(storage):
    """Each arahan says who carries it out and by when, as the minutes do (issue 31)."""
    rapat(storage, arahan=[dialog.Arahan("Percepat penagihan BGR-03", "Kasi PKC", datetime.date(2019, 11, 30)),
                           dialog.Arahan("Sosialisasi survei IKM", tenggat=datetime.date(2019, 12, 15)),
                           dialog.Arahan("Tertibkan arsip")])
    terakhir = buka(susun(storage)).slides[-1]
    daftar = [p.text for b in terakhir.shapes if b.has_text_frame for p in b.text_frame.paragraphs
              if p._p.pPr is not None and p._p.pPr.find("{*}buAutoNum") is not None]
    assert daftar == ["Percepat penagihan BGR-03 (PIC Kasi PKC · Tenggat 30/11/2019)",
                      "Sosialisasi survei IKM (Tenggat 15/12/2019)", "Tertibkan arsip"]


def test_tanpa_rapat_setiap_isian_belum_diisi(storage):
    berkas = buka(susun(storage))
    pertama = paragraf(berkas.slides[0])
    assert pertama.count("belum diisi") == 4  # date, place, chair, attendees
    assert "Dialog Kinerja Organisasi" in pertama
    assert "Belum ada arahan yang dicatat." in teks(berkas.slides[-1])
    periksa_muat(berkas)


def test_peserta_banyak_dalam_kolom_dipotong(storage):
    rapat(storage, peserta="\n".join(f"Pelaksana Seksi Perbendaharaan dan Keberatan {i}" for i in range(1, 61)))
    berkas = buka(susun(storage))
    pertama = berkas.slides[0]
    nama = [p for p in paragraf(pertama) if p.startswith("Pelaksana")]
    (lainnya,) = [p for p in paragraf(pertama) if p.startswith("… dan")]
    assert len(nama) + int(re.fullmatch(r"… dan (\d+) lainnya", lainnya).group(1)) == 60
    assert "Peserta (60)" in teks(pertama)
    kolom = {b.left for b in pertama.shapes if b.has_text_frame and "Pelaksana" in b.text_frame.text}
    assert 2 <= len(kolom) <= 3
    periksa_muat(berkas)


def test_arahan_banyak_dipotong(storage):
    rapat(storage, arahan="\n".join(f"Arahan nomor {i}: percepat tindak lanjut temuan dan laporkan" for i in range(30)))
    berkas = buka(susun(storage))
    akhir = paragraf(berkas.slides[-1])
    (lainnya,) = [p for p in akhir if p.startswith("… dan")]
    ditampilkan = [p for p in akhir if p.startswith("Arahan nomor")]
    assert len(ditampilkan) + int(re.search(r"\d+", lainnya).group()) == 30
    periksa_muat(berkas)


# --- the summary -----------------------------------------------------------------------------------------------------


def test_iku_perlu_perhatian_dipotong(storage):
    isi = susun(storage)
    perhatian = pd.DataFrame({
        "kode_iku": [f"X-{i:02d}" for i in range(40)], "nama_iku": ["Persentase penyelesaian tindak lanjut"] * 40,
        "nama_unit": ["KPPBC TMP A Bogor"] * 40, "capaian": [55.5] * 40, "status": ["merah"] * 40,
        "keterangan": [""] * 40,
    })
    isi = dataclasses.replace(isi, ringkasan=dataclasses.replace(isi.ringkasan, perhatian=perhatian))
    berkas = buka(isi)
    ringkasan = paragraf(berkas.slides[1])
    tampil = [p for p in ringkasan if p.startswith("X-")]
    (lainnya,) = [p for p in ringkasan if p.startswith("… dan")]
    assert 5 <= len(tampil) < 40
    assert lainnya == f"… dan {40 - len(tampil)} IKU lainnya"
    assert tampil[0] == "X-00 Persentase penyelesaian tindak lanjut: ■ Merah (55,50 %)"
    periksa_muat(berkas)


# --- one IKU ---------------------------------------------------------------------------------------------------------


def test_grafik_asli_realisasi_dan_target_satu_sumbu(storage):
    isi = susun(storage)
    berkas = buka(isi)
    for sl, s in zip(list(berkas.slides)[2:-1], isi.slide):
        (grafik,) = [b.chart for b in sl.shapes if b.has_chart]
        kolom, garis = grafik.plots
        assert list(kolom.categories) == TW
        terukur = s.progres["target_periodik"].notna()
        harapan_r = [float(v) if u and pd.notna(v) else None for v, u in zip(s.progres["realisasi"], terukur)]
        harapan_t = [float(v) if u and pd.notna(v) else None for v, u in zip(s.progres["target"], terukur)]
        assert list(kolom.series[0].values) == harapan_r
        assert list(garis.series[0].values) == harapan_t
        # one value axis, the target's line on it; both in the legend
        area = grafik._chartSpace.chart.plotArea
        assert len(area.findall("{*}valAx")) == 1
        sumbu = [[a.get("val") for a in p.findall("{*}axId")] for p in (area.find("{*}barChart"),
                                                                         area.find("{*}lineChart"))]
        assert sumbu[0] == sumbu[1]
        assert grafik.has_legend
        assert [x.name for x in grafik.series] == ["Realisasi s.d. TW (warna = status)", "Target s.d. TW"]
        # each measured column in its status colour
        for i, v in enumerate(harapan_r):
            if v is not None:
                warna = kolom.series[0].points[i].format.fill.fore_color.rgb
                assert f"#{warna}".lower() == WARNA_STATUS[Status(s.progres["status"].iloc[i])]
        assert s.iku.satuan in grafik.value_axis.axis_title.text_frame.text
        if s.iku.polaritas is Polaritas.MINIMIZE:
            assert "Semakin rendah semakin baik" in grafik.chart_title.text_frame.text

    # the survey IKU measured only in TW IV: no columns, one target point, nothing drawn as if measured
    bgr05 = next(i for i, s in enumerate(isi.slide) if s.iku.kode_iku == "BGR-05")
    (grafik,) = [b.chart for b in berkas.slides[2 + bgr05].shapes if b.has_chart]
    assert list(grafik.plots[0].series[0].values) == [None] * 4
    assert list(grafik.plots[1].series[0].values) == [None, None, None, 4.25]


def test_label_grafik_angka_indonesia(storage):
    isi = susun(storage)
    berkas = buka(isi)
    (grafik,) = [b.chart for b in berkas.slides[2].shapes if b.has_chart]  # BGR-01: 33,1 · 79 · 127,2 vs 38,5 …
    label = [x.text for x in grafik._chartSpace.iter() if etree.QName(x).localname == "t"]
    assert "127,2 ●" in label and "123,5" in label and "38,5" in label


def _angka(teks: str) -> float:
    return float(teks.replace(".", "").replace(",", "."))


def test_tabel_periodik_dan_sd_yang_bertambah(storage):
    isi = susun(storage)
    berkas = buka(isi)
    n = next(i for i, s in enumerate(isi.slide) if s.iku.konsolidasi is Konsolidasi.SUM)
    (tabel,) = [b.table for b in berkas.slides[2 + n].shapes if b.has_table]
    baris = [[sel.text for sel in r.cells] for r in tabel.rows]
    assert baris[0] == ["Triwulan", "Target TW", "Realisasi TW", "Target s.d. TW", "Realisasi s.d. TW",
                        "Capaian (%)", "Status"]
    assert [b[0] for b in baris[1:]] == TW
    for q in (1, 2, 3):  # the year-to-date figures are the sums of the periodic ones above them
        assert sum(_angka(b[2]) for b in baris[1:q + 1]) == pytest.approx(_angka(baris[q][4]))
        assert sum(_angka(b[1]) for b in baris[1:q + 1]) == pytest.approx(_angka(baris[q][3]))
    s = isi.slide[n]
    assert baris[3][5] == f"{s.hasil.capaian.nilai:.2f}".replace(".", ",")
    assert baris[3][6] == label_status(s.hasil.status)
    assert baris[4][2] == baris[4][4] == "—"  # TW IV not reported yet


def test_angka_negatif_dan_besar(storage):
    """Figures are written as figures: a minus sign, no spreadsheet quote; large ones scaled on the chart."""
    isi = susun(storage)
    s = isi.slide[0]
    progres = s.progres.assign(target=[-5.0, -3.0, 2.0, 4.0], realisasi=[-6.0, -2.0, 1.5, None])
    besar = s.progres.assign(**{k: s.progres[k] * 4.3e10 for k in ("target_periodik", "realisasi_periodik",
                                                                     "target", "realisasi")})
    isi = dataclasses.replace(isi, slide=[dataclasses.replace(s, progres=progres), dataclasses.replace(
        s, progres=besar, iku=dataclasses.replace(s.iku, satuan="Rp"))])
    berkas = buka(isi)
    (tabel,) = [b.table for b in berkas.slides[2].shapes if b.has_table]
    assert [r.cells[3].text for r in list(tabel.rows)[1:]] == ["-5", "-3", "2", "4"]
    assert [r.cells[4].text for r in list(tabel.rows)[1:]] == ["-6", "-2", "1,5", "—"]
    (grafik,) = [b.chart for b in berkas.slides[3].shapes if b.has_chart]
    assert "T = triliun" in grafik.value_axis.axis_title.text_frame.text
    assert grafik.value_axis.tick_labels.number_format.endswith(',,,," T"')
    label = [x.text for x in grafik._chartSpace.iter() if etree.QName(x).localname == "t"]
    assert "5,47 T ●" in label
    periksa_muat(berkas)


def test_teks_panjang_dipangkas_dan_tetap_muat(storage):
    isi = susun(storage)
    simpan_catatan(storage, isi.slide[0].iku, 2019, 3, kendala=PANJANG, rencana_aksi=PANJANG[:900],
                   pic="Kepala Seksi Perbendaharaan " * 7, tenggat=datetime.date(2019, 11, 15), pelaku=Pelaku.sistem("uji"))
    isi = susun(storage)
    pertama = dataclasses.replace(isi.slide[0], iku=dataclasses.replace(isi.slide[0].iku, nama_iku=PANJANG))
    isi = dataclasses.replace(isi, slide=[pertama, *isi.slide[1:]])
    berkas = buka(isi)
    slide = berkas.slides[2]
    (judul,) = [p for p in paragraf(slide) if p.startswith("BGR-01 · Penerimaan negara")]
    assert judul.endswith("…") and len(judul) < 200
    (kendala,) = [p for p in paragraf(slide) if p.startswith("Kendala: ")]
    assert kendala.endswith("…") and kendala[len("Kendala: "):-1] in PANJANG
    assert any(p.startswith("Rencana aksi: ") for p in paragraf(slide))
    (pic,) = [p for p in paragraf(slide) if p.startswith("PIC: Kepala Seksi")]
    assert pic.endswith("… · Tenggat: 15/11/2019")  # the PIC cut, the due date kept
    periksa_muat(berkas)


def test_teks_pengguna_dinetralkan_dan_tanpa_nan(storage):
    rapat(storage, tempat="=HYPERLINK(\"http://x\")", peserta="=1+1\nKasi P2")
    isi = susun(storage)
    simpan_catatan(storage, isi.slide[0].iku, 2019, 3, kendala="=SUM(A1)", rencana_aksi="Asistensi", pic="Budi",
                   tenggat=None, pelaku=Pelaku.sistem("uji"))
    berkas = buka(susun(storage))
    assert "'=HYPERLINK(\"http://x\")" in paragraf(berkas.slides[0])
    assert "'=1+1" in paragraf(berkas.slides[0])
    assert "Kendala: =SUM(A1)" in paragraf(berkas.slides[2])  # the label first: the text as typed
    for isi_teks in semua_teks(berkas):
        assert not KATA_TERLARANG.search(isi_teks), isi_teks
    periksa_muat(berkas)


def test_tidak_ada_teks_berwarna_status(storage):
    """Status colours fill shapes, columns and cells; text is never written in one (it would not read on white)."""
    berkas = buka(susun(storage))
    warna_status = {w.lstrip("#").upper() for w in WARNA_STATUS.values()}
    for slide in berkas.slides:
        for b in slide.shapes:
            akar = b.chart._chartSpace if b.has_chart else b._element
            for rpr in akar.iter("{*}rPr", "{*}defRPr"):
                for warna in rpr.iter("{*}srgbClr"):
                    assert warna.get("val") not in warna_status, (b.name, etree.tostring(rpr)[:200])
    # and the status word with its shape stands beside each colour
    assert "● Hijau" in teks(berkas.slides[2]) and "○ Abu-abu" in teks(berkas.slides[1])


def test_dipotong_dan_contoh():
    hasil = doctest.testmod(deck)
    assert hasil.attempted > 0 and hasil.failed == 0
    panjang = deck.pangkas(PANJANG, 300, 14, 2)
    assert panjang.endswith("…") and deck.jumlah_baris(panjang, 300, 14) <= 2
    assert deck.pangkas("Kasi PKC", 300, 14, 1) == "Kasi PKC"


def test_realisasi_dihitung_disebut_asalnya(storage):
    """Bogor's BGR-14 from its komponen (78 of 100 WBK indicators in TW III), BPPT's PNBP from the Pusat below it: the
    slide says so under the formula, the notes too, and the four lines still fit above the chart."""
    berkas = buka(susun(storage))
    (slide,) = [s for s in berkas.slides if "BGR-14 · " in teks(s)]
    baris = "Realisasi dihitung dari komponennya, TW III: 78 indikator terpenuhi dari 100 indikator"
    assert baris in paragraf(slide) and baris in slide.notes_slide.notes_text_frame.text
    periksa_muat(berkas)
    bppt = buka(dialog.susun(storage.baca(2017), "BPPT", 3))
    (slide,) = [s for s in bppt.slides if "BPPT-01 · " in teks(s)]
    assert "Realisasi dihitung dari 1 IKU turunan (jumlah)" in paragraf(slide)
    assert not [p for s in berkas.slides if "BGR-01 · " in teks(s) for p in paragraf(s) if "dihitung dari" in p]
