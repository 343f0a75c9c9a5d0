"""What an upload and an undo must satisfy as the store stands when they commit, checked inside the committing
transaction (another process may have written since the upload was checked): every row's unit, IKU and parent
stored, one spelling per code, a tree and cascade without cycles; and which roles an upload's rows need.

The rules an upload's values meet against their IKU (a bound, a whole number, a komponen its formula names) are
the preview's own functions (``kinerja.aturan_unggah``), applied here to the rows read inside the transaction.
What stays SQL only is set-based existence: a row's unit, IKU or parent stored (``_RUJUKAN_MASUK``, ``_YATIM``,
``_INDUK_HILANG``), one spelling per code (``_EJAAN_GANDA``), a parent with a child, a realisasi for an IKU that
computes it. Those are joins over whole tables that the preview answers from its own read of the codes; written
as anti joins they stay in the database, where a ministry's rows are, instead of being read out at every commit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from kinerja.aturan_unggah import batas_dilanggar, deklarasi_batas, komponen_disebut
from kinerja.pesan import Pesan
from kinerja.store.bantu import Koneksi, _ada, _sebagai_arrow
from kinerja.store.galat import ImporDitolak
from kinerja.store.skema import KUNCI
from kinerja_core import kaskade
from kinerja_core.akses import PERAN_TULIS, SEMUA, Peran
from kinerja_core.unit import Unit, siklus

_INDUK_HILANG = ("SELECT DISTINCT m.tahun || ' ' || m.kode_unit || ' ' || m.kode_iku || ' → ' || "
                 "m.kode_unit_induk || ' ' || m.kode_iku_induk AS kode FROM {dari} m "
                 "WHERE m.kode_iku_induk IS NOT NULL AND NOT EXISTS "
                 "(SELECT 1 FROM iku i WHERE i.tahun = m.tahun AND i.kode_unit = m.kode_unit_induk "
                 "AND i.kode_iku = m.kode_iku_induk)")
"""IKU (of ``dari``) linked to an IKU that is not stored in their year."""

_YATIM = {
    "iku": f"SELECT DISTINCT kode_unit AS kode FROM iku t WHERE {_ada('unit', 'kode_unit', 't', tidak=True)}",
    "realisasi": "SELECT DISTINCT kode_iku AS kode FROM realisasi t WHERE "
                 f"{_ada('iku', KUNCI['iku'], 't', tidak=True)}",
    "unit": "SELECT DISTINCT u.kode_induk AS kode FROM unit u WHERE u.kode_induk IS NOT NULL "
            "AND u.kode_induk NOT IN (SELECT kode_unit FROM unit)",
    "rapat": f"SELECT DISTINCT kode_unit AS kode FROM rapat t WHERE {_ada('unit', 'kode_unit', 't', tidak=True)}",
    "arahan_rapat": "SELECT DISTINCT kode_unit AS kode FROM arahan_rapat t WHERE "
                    f"{_ada('unit', 'kode_unit', 't', tidak=True)}",
    "komponen": f"SELECT DISTINCT kode_iku AS kode FROM komponen t WHERE {_ada('iku', KUNCI['iku'], 't', tidak=True)}",
    "kaskade": _INDUK_HILANG.format(dari="iku"),
}
"""Rows left without what they refer to (an undo may not leave any)."""


_RUJUKAN_MASUK = {
    "unit": "SELECT DISTINCT m.kode_induk FROM masuk m WHERE m.kode_induk IS NOT NULL "
            "AND m.kode_induk NOT IN (SELECT kode_unit FROM unit) ORDER BY 1 LIMIT 5",
    "iku": f"SELECT DISTINCT m.kode_unit FROM masuk m WHERE {_ada('unit', 'kode_unit', 'm', tidak=True)} "
           "ORDER BY 1 LIMIT 5",
    # each IKU key once before it is looked up: a ministry's quarters name each IKU four times or more
    "realisasi": "SELECT DISTINCT m.tahun || ' ' || m.kode_unit || ' ' || m.kode_iku "
                 "FROM (SELECT DISTINCT tahun, kode_unit, kode_iku FROM masuk) m "
                 f"WHERE {_ada('iku', KUNCI['iku'], 'm', tidak=True)} ORDER BY 1 LIMIT 5",
    "rapat": f"SELECT DISTINCT m.kode_unit FROM masuk m WHERE {_ada('unit', 'kode_unit', 'm', tidak=True)} "
             "ORDER BY 1 LIMIT 5",
    "arahan_rapat": f"SELECT DISTINCT m.kode_unit FROM masuk m WHERE {_ada('unit', 'kode_unit', 'm', tidak=True)} "
                    "ORDER BY 1 LIMIT 5",
    "komponen": "SELECT DISTINCT m.tahun || ' ' || m.kode_unit || ' ' || m.kode_iku "
                "FROM (SELECT DISTINCT tahun, kode_unit, kode_iku FROM masuk) m "
                f"WHERE {_ada('iku', KUNCI['iku'], 'm', tidak=True)} ORDER BY 1 LIMIT 5",
}
"""Incoming rows whose unit, IKU or parent is not stored (within the committing transaction)."""

_EJAAN_GANDA = {
    "unit": "SELECT string_agg(DISTINCT kode_unit, ' / ' ORDER BY kode_unit) FROM unit "
            "WHERE upper(kode_unit) IN (SELECT upper(kode_unit) FROM masuk) GROUP BY upper(kode_unit) "
            "HAVING count(*) > 1 LIMIT 5",
    # the keys stored twice are found first (a group by), then kept if the upload names them: ten times
    # quicker at a ministry's size than joining upper() of every stored IKU to the upload
    "iku": "WITH ganda AS (SELECT tahun, upper(kode_unit) AS u, upper(kode_iku) AS k FROM iku "
           "GROUP BY tahun, upper(kode_unit), upper(kode_iku) HAVING count(*) > 1), disebut AS (SELECT * FROM ganda g "
           "WHERE EXISTS (SELECT 1 FROM masuk m WHERE m.tahun = g.tahun AND upper(m.kode_unit) = g.u "
           "AND upper(m.kode_iku) = g.k)) "
           "SELECT string_agg(DISTINCT i.kode_unit || ' ' || i.kode_iku, ' / ' "
           "ORDER BY i.kode_unit || ' ' || i.kode_iku) FROM iku i JOIN disebut g "
           "ON i.tahun = g.tahun AND upper(i.kode_unit) = g.u AND upper(i.kode_iku) = g.k "
           "GROUP BY i.tahun, g.u, g.k LIMIT 5",
}
"""Codes stored twice in different case because of this upload (codes compare without regard to case)."""


def _periksa_dalam_transaksi(con: Koneksi, nama: str) -> None:
    """Refuse the upload if, as stored now, what its rows of ``nama`` depend on does not hold."""
    yatim = [r[0] for r in con.execute(_RUJUKAN_MASUK[nama]).fetchall()]
    if yatim:
        raise ImporDitolak(Pesan(f"impor.yatim_{nama}", dict(kode=", ".join(map(str, yatim)))))
    if nama in _EJAAN_GANDA:
        ganda = [r[0] for r in con.execute(_EJAAN_GANDA[nama]).fetchall()]
        if ganda:
            raise ImporDitolak(Pesan("impor.ejaan_ganda", dict(kode="; ".join(ganda))))
    if nama == "unit":
        jalur = siklus(Unit(k, "", i) for k, i in con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
        if jalur:
            raise ImporDitolak(Pesan("impor.siklus", dict(jalur=" → ".join(jalur))))
    if nama == "iku":  # an IKU of this upload that takes its realisasi from its children has one
        tanpa_anak = [r[0] for r in con.execute(
            "SELECT DISTINCT m.kode_unit || ' ' || m.kode_iku FROM masuk m WHERE m.agregasi_anak IS NOT NULL AND NOT "
            "EXISTS (SELECT 1 FROM iku c WHERE c.tahun = m.tahun AND c.kode_unit_induk = m.kode_unit AND "
            "c.kode_iku_induk = m.kode_iku) ORDER BY 1 LIMIT 5").fetchall()]
        if tanpa_anak:
            raise ImporDitolak(Pesan("impor.kaskade_tanpa_anak", dict(kode=", ".join(tanpa_anak))))
    if nama == "iku" and con.execute("SELECT count(*) FROM masuk WHERE kode_iku_induk IS NOT NULL").fetchall()[0][0]:
        hilang = [r[0] for r in con.execute(_INDUK_HILANG.format(dari="masuk") + " ORDER BY 1 LIMIT 5").fetchall()]
        if hilang:
            raise ImporDitolak(Pesan("impor.kaskade_induk", dict(kode="; ".join(hilang))))
        tautan = con.execute("SELECT tahun, kode_unit, kode_iku, kode_unit_induk, kode_iku_induk FROM iku WHERE "
                             "kode_iku_induk IS NOT NULL AND tahun IN (SELECT DISTINCT tahun FROM masuk)").fetchall()
        lingkar = kaskade.siklus({(th, u, i): (th, ui, ii) for th, u, i, ui, ii in tautan})
        if lingkar:
            raise ImporDitolak(Pesan("impor.kaskade_siklus", dict(jalur=" → ".join(f"{u} {i}" for _, u, i in
                                                                          [*lingkar[0], lingkar[0][0]]))))
    if nama == "realisasi":
        turunan = [r[0] for r in con.execute(
            "SELECT DISTINCT m.kode_unit || ' ' || m.kode_iku FROM masuk m JOIN iku i USING (tahun, kode_unit, "
            "kode_iku) WHERE m.realisasi IS NOT NULL AND (i.agregasi_anak IS NOT NULL OR i.rumus_komponen IS NOT NULL) "
            "ORDER BY 1 LIMIT 5").fetchall()]
        if turunan:
            raise ImporDitolak(Pesan("impor.realisasi_turunan", dict(kode=", ".join(turunan))))
    if nama == "komponen":  # each komponen is one its IKU's formula names, as the IKU is stored now
        baris = con.execute("SELECT DISTINCT m.kode_unit, m.kode_iku, m.komponen, i.rumus_komponen FROM masuk m "
                            "JOIN iku i USING (tahun, kode_unit, kode_iku)").df()
        asing = baris[~komponen_disebut(baris)]
        if not asing.empty:
            kode = sorted({f"{u} {i}: {k}" for u, i, k in zip(asing["kode_unit"], asing["kode_iku"], asing["komponen"])})
            raise ImporDitolak(Pesan("impor.komponen_asing", dict(kode=", ".join(kode[:5]))))


Bagian = dict[str, list[pd.DataFrame]]
"""An upload's rows per table, as one or more frames (its files), none empty: ``bagian`` makes them."""


def bagian(masuk: Mapping[str, pd.DataFrame | Sequence[pd.DataFrame] | None]) -> Bagian:
    """An upload's rows per table (one frame, or one per file) as ``Bagian``: the tables with rows, each as a list
    of its non-empty frames, never copied.

    >>> {n: [len(d) for d in b] for n, b in bagian({"unit": pd.DataFrame({"kode_unit": ["BTP"]}),
    ...                                             "iku": [pd.DataFrame(), pd.DataFrame({"tahun": [2019, 2020]})],
    ...                                             "realisasi": None}).items()}
    {'unit': [1], 'iku': [2]}
    """
    hasil = {}
    for nama, data in masuk.items():
        daftar = [data] if isinstance(data, pd.DataFrame) else list(data or [])
        daftar = [d for d in daftar if not d.empty]
        if daftar:
            hasil[nama] = daftar
    return hasil


def _unik(bagian: list[pd.DataFrame], kolom: str) -> list:
    """The distinct values of a column across the frames of a table, in order of appearance."""
    return list(dict.fromkeys(v for d in bagian for v in d[kolom].unique().tolist()))


def _periksa_batas_nilai(con: Koneksi, masuk: Bagian) -> None:
    """Refuse the upload if, once all its rows are written, a realisasi of the units and years it touched breaks
    what its IKU declares (``batas_bawah``, ``bilangan_bulat``): the preview's rule (``aturan_unggah.batas_dilanggar``)
    on the rows as stored now, read into DataFrames inside this transaction. Realisasi computed from komponen or
    child IKU are not uploaded, so not held here."""
    bagian = [d for n in ("iku", "realisasi") for d in masuk.get(n, [])]
    if not bagian or not con.execute(  # most installations declare nothing: no join of their realisasi then
            "SELECT count(*) FROM iku WHERE batas_bawah IS NOT NULL OR bilangan_bulat").fetchone()[0]:  # type: ignore[index]
        return
    kunci = pd.concat([d[["tahun", "kode_unit"]].drop_duplicates() for d in bagian], ignore_index=True).drop_duplicates()
    con.register("batas_kunci", _sebagai_arrow(kunci.astype({"tahun": "int64", "kode_unit": object})))
    baris = con.execute(  # the realisasi of the IKU that declare a bound, in the units and years touched
        "SELECT r.kode_unit, r.kode_iku, r.triwulan, r.realisasi, i.batas_bawah, i.bilangan_bulat FROM realisasi r "
        "JOIN iku i USING (tahun, kode_unit, kode_iku) JOIN batas_kunci k USING (tahun, kode_unit) "
        "WHERE r.realisasi IS NOT NULL AND i.agregasi_anak IS NULL AND i.rumus_komponen IS NULL AND "
        "(i.batas_bawah IS NOT NULL OR i.bilangan_bulat)").df()
    con.unregister("batas_kunci")
    baris = deklarasi_batas(baris)
    bawah, pecahan = batas_dilanggar(baris)
    langgar = baris[(bawah | pecahan).to_numpy(bool)]
    if not langgar.empty:  # the value as DuckDB wrote it before: -9.0
        kode = sorted(f"{u} {i} TW {int(q)}: {float(v)!r}" for u, i, q, v in
                      zip(langgar["kode_unit"], langgar["kode_iku"], langgar["triwulan"], langgar["realisasi"]))
        raise ImporDitolak(Pesan("impor.batas_nilai", dict(kode="; ".join(kode[:5]))))


def _unit_masuk(masuk: Bagian) -> list[str]:
    """Every unit an upload's rows are for, sorted."""
    return sorted({u for daftar in masuk.values() for u in _unik(daftar, "kode_unit")})


def _kebutuhan(masuk: Bagian) -> list[tuple[Peran, list[str]]]:
    """The role each row of an upload needs, on which units (``PERAN_TULIS``); a unit row also needs admin on
    the parent it is placed under (on every unit, ``SEMUA``, for a new root)."""
    kebutuhan = []
    for nama, daftar in masuk.items():
        kebutuhan.append((PERAN_TULIS[nama], _unik(daftar, "kode_unit")))
        if nama == "unit":
            induk = _unik(daftar, "kode_induk")
            kebutuhan.append((Peran.ADMIN, [*(i for i in induk if not pd.isna(i)),
                                            *([SEMUA] if any(pd.isna(i) for i in induk) else [])]))
    return kebutuhan


def _kebutuhan_tautan(con: Koneksi, iku: list[pd.DataFrame] | None) -> list[tuple[Peran, list[str]]]:
    """Admin on the unit of every IKU that an uploaded IKU newly supports, or no longer supports, compared with
    what is stored now (``kode_unit_induk`` + ``kode_iku_induk``): a link sent again unchanged needs nothing.
    The same rule as the preview's ``importing._induk_tautan_berubah``, here inside the committing transaction."""
    if not iku:
        return []
    kolom = [*KUNCI["iku"], "kode_unit_induk", "kode_iku_induk"]
    iku_tautan = pd.concat([d.reindex(columns=kolom) for d in iku], ignore_index=True)
    con.register("tautan_masuk", _sebagai_arrow(iku_tautan.astype(
        {"kode_unit_induk": object, "kode_iku_induk": object})))
    sama_kunci = " AND ".join(f"m.{k} = t.{k}" for k in KUNCI["iku"])
    beda = "(m.kode_unit_induk IS DISTINCT FROM t.kode_unit_induk OR m.kode_iku_induk IS DISTINCT FROM t.kode_iku_induk)"
    unit = [r[0] for r in con.execute(
        f"SELECT DISTINCT u FROM (SELECT m.kode_unit_induk AS u FROM tautan_masuk m LEFT JOIN iku t ON {sama_kunci} "
        f"WHERE {beda} UNION ALL SELECT t.kode_unit_induk AS u FROM tautan_masuk m JOIN iku t ON {sama_kunci} "
        f"WHERE {beda}) AS induk WHERE u IS NOT NULL ORDER BY u").fetchall()]
    con.unregister("tautan_masuk")
    return [(Peran.ADMIN, unit)] if unit else []
