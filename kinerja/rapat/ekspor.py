"""The Dialog's table as Excel: one row per IKU (``dialog.tabel_ekspor``), then the NKO on the summary screen
with the formula that recomputes it from the rows above, so a reader can check it in Excel."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from kinerja.masuk import exporting
from kinerja.rapat.dialog import Dialog, tabel_ekspor
from kinerja.texts import t
from kinerja_core.capaian import bulatkan_tepat
from kinerja_core.model import Perspektif
from kinerja_core.nko import nko_tepat


def rumus_nko(tabel: pd.DataFrame, kode_unit: str | None, baris_akhir: int) -> str:
    """The Excel formula of the NKO over the rows 2..``baris_akhir``: the bobot-weighted mean of capaian over the
    IKU with a capaian and a bobot above 0 (grey IKU left out), of ``kode_unit`` only when given (the NKO of the
    unit's own IKU), rounded to two decimals as the app rounds it.

    >>> tabel = pd.DataFrame(columns=["kode_unit", "bobot", "capaian"])
    >>> rumus_nko(tabel, "U", 4)
    '=ROUND(SUMPRODUCT((A2:A4="U")*ISNUMBER(C2:C4)*(B2:B4>0),B2:B4,C2:C4)/SUMPRODUCT((A2:A4="U")*ISNUMBER(C2:C4)*(B2:B4>0),B2:B4),2)'
    """
    def rentang(kolom: str) -> str:
        huruf = get_column_letter(list(tabel.columns).index(kolom) + 1)
        return f"{huruf}2:{huruf}{baris_akhir}"

    bobot, capaian, unit = rentang("bobot"), rentang("capaian"), rentang("kode_unit")
    syarat = (f'({unit}="{kode_unit}")*' if kode_unit else "") + f"ISNUMBER({capaian})*({bobot}>0)"
    return f"=ROUND(SUMPRODUCT({syarat},{bobot},{capaian})/SUMPRODUCT({syarat},{bobot}),2)"


def nko_dari_baris(tabel: pd.DataFrame, kode_unit: str | None) -> float | None:
    """What ``rumus_nko`` gives on these rows, computed here (None when no IKU has a capaian)."""
    c, b = tabel["capaian"].to_numpy(dtype=float), tabel["bobot"].to_numpy(dtype=float)
    masuk = ~np.isnan(c) & (b > 0)
    if kode_unit:
        masuk &= tabel["kode_unit"].to_numpy() == kode_unit
    if not masuk.any():
        return None
    # exact, as the NKO on screen is (and as Excel's ROUND of the formula row gives it)
    tepat = nko_tepat([(x, y, Perspektif.STAKEHOLDER) for x, y in zip(c[masuk].tolist(), b[masuk].tolist())])
    return None if tepat is None else bulatkan_tepat(tepat, 2)


def ke_xlsx(isi: Dialog, kode_unit: str) -> bytes:
    """The table, then two rows: the NKO as shown on the summary, and its formula over the rows above.

    The formula row is written only when it gives the NKO on screen from these rows (the default profile, every
    IKU of the NKO in the table); otherwise that row says the NKO is not a formula of this table (e.g. a status
    filter keeps some IKU off the slides)."""
    tabel = tabel_ekspor(isi)
    r = isi.ringkasan
    milik = kode_unit if r.nko_milik_sendiri else None
    buku = load_workbook(io.BytesIO(exporting.ke_xlsx(tabel, "dialog", laporan=True)))
    lembar = buku["dialog"]
    akhir = len(tabel) + 1
    label = list(tabel.columns).index("nama_iku") + 1
    nilai = list(tabel.columns).index("capaian") + 1
    baris = akhir + 2
    lembar.cell(baris, label, f"{r.judul_nko} ({r.cakupan_nko})")
    lembar.cell(baris, 1, t("kolom.nko"))
    lembar.cell(baris, nilai, r.nko.nilai)
    lembar.cell(baris + 1, 1, t("kolom.rumus"))
    cocok = r.nko.nilai is not None and len(tabel) and nko_dari_baris(tabel, milik) == r.nko.nilai
    if cocok:
        lembar.cell(baris + 1, label, t("dialog.rumus_nko_xlsx"))
        lembar.cell(baris + 1, nilai, rumus_nko(tabel, milik, akhir))
    else:
        lembar.cell(baris + 1, label, t("dialog.rumus_nko_xlsx_tidak"))
    for sel in (lembar.cell(baris, nilai), lembar.cell(baris + 1, nilai)):
        sel.number_format = "#,##0.00"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
