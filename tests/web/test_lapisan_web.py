"""The layers of kinerja/web: no module imports one that imports it back, and the filter is a whole cache key.

The reads (``baca``) sit below the sidebar (``saring``); what both share, the ``Filter``, has its own home
below both (``kunci``), and so do the Dialog's arrow keys (``panah``). The imports are read from the source
(``ast``), every one of them: at the top, inside a function, or only for type checking.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.store import Storage
from kinerja_core.akses import Pelaku
from tests.conftest import AKAR

WEB = AKAR / "kinerja" / "web"


def _impor_web(berkas: Path) -> set[str]:
    """The kinerja.web modules ``berkas`` imports, by their short name (``baca``, ``saring`` …)."""
    modul: set[str] = set()
    for simpul in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
        if isinstance(simpul, ast.Import):
            nama = [a.name for a in simpul.names]
        elif isinstance(simpul, ast.ImportFrom):
            asal = "kinerja.web" if simpul.level == 1 and not simpul.module else (
                f"kinerja.web.{simpul.module}" if simpul.level == 1 else simpul.module or "")
            nama = [asal] + [f"{asal}.{a.name}" for a in simpul.names]
        else:
            continue
        modul |= {n.split(".")[2] for n in nama if n.startswith("kinerja.web.")}
    return modul & {p.stem for p in WEB.glob("*.py")}


def _graf() -> dict[str, set[str]]:
    return {p.stem: _impor_web(p) - {p.stem} for p in WEB.glob("*.py") if p.stem != "__init__"}


def _terjangkau(graf: dict[str, set[str]], dari: str) -> set[str]:
    """Every module ``dari`` imports, directly or through another."""
    sudah, antre = set(), list(graf[dari])
    while antre:
        m = antre.pop()
        if m not in sudah:
            sudah.add(m)
            antre.extend(graf.get(m, ()))
    return sudah


def test_baca_tidak_mengimpor_saring():
    """The reads know nothing of the sidebar, not even for type checking: saring builds on baca, not back."""
    graf = _graf()
    assert "saring" not in _terjangkau(graf, "baca"), graf


def test_tanpa_lingkaran_di_kinerja_web():
    graf = _graf()
    lingkar = {m for m in graf if m in _terjangkau(graf, m)}
    assert not lingkar, {m: graf[m] for m in lingkar}


def test_kunci_dan_panah_di_bawah_semuanya():
    graf = _graf()
    assert graf["kunci"] == set() and graf["panah"] == set(), graf
    assert "kunci" in graf["baca"] and "kunci" in graf["saring"], graf


def test_penguji_melihat_impor_untuk_tipe_dan_di_dalam_fungsi(tmp_path):
    berkas = tmp_path / "contoh.py"
    berkas.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kinerja.web.saring import Filter\n"
                      "def f():\n    from . import baca\n    import kinerja.web.panah\n")
    assert _impor_web(berkas) == {"saring", "baca", "panah"}


def test_filter_utuh_sebagai_kunci_cache_per_versi_data(db_contoh, monkeypatch):
    """The cached reads take the filter whole: an equal filter finds the same entry, a status choice scores
    nothing again, another quarter scores again from the same rows, and a write reads everything afresh."""
    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    from kinerja.web import baca
    from kinerja.web.kunci import Filter

    f = Filter(2019, 3, "KPPBCBOGOR", True, (), ())
    awal = baca.pilihan(f)
    sama = baca.pilihan(Filter(2019, 3, "KPPBCBOGOR", True, (), ()))  # equal, not the same object
    assert sama.ikhtisar is awal.ikhtisar and sama.data is awal.data and sama.versi == awal.versi
    assert sama.per_unit()[0] is awal.per_unit()[0]
    merah = baca.pilihan(dataclasses.replace(f, status=("merah",)))
    assert merah.ikhtisar is awal.ikhtisar and merah.tabel.empty and len(awal.tabel) == 16
    tw2 = baca.pilihan(dataclasses.replace(f, triwulan=2))
    assert tw2.data is awal.data and tw2.ikhtisar is not awal.ikhtisar
    assert baca.skor(f) is baca.skor(dataclasses.replace(f, perspektif=("Stakeholder",), status=("hijau",)))
    assert baca.pilihan(dataclasses.replace(f, sub_unit=False)).data is not awal.data

    storage = Storage(db_contoh)
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
    terapkan(rencanakan([("realisasi.csv", isi)], storage), storage, Pelaku.sistem("uji"))
    sesudah = baca.pilihan(f)
    assert sesudah.versi != awal.versi
    assert sesudah.data is not awal.data and sesudah.ikhtisar is not awal.ikhtisar
    assert "merah" in set(sesudah.tabel["status"]) and "merah" not in set(awal.tabel["status"])
