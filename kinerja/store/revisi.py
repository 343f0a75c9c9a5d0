"""Revisions: an upload committed as one (checked, logged beside the data, landed, counted), an undo that rebuilds
what the surviving revisions make (and its preview, the same undo rolled back), and the list of revisions a
reader may see. Every write is a revision, so the store always equals a replay of the surviving ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pandas as pd
import pyarrow as pa

from kinerja.config import zona_waktu
from kinerja.pesan import Pesan
from kinerja.store.bantu import Koneksi, _ada, _sebagai_arrow, _sekarang
from kinerja.store.beda import _SISIP, _UPSERT, _mungkin_kembar, _sql_beda
from kinerja.store.galat import RevisiDitolak
from kinerja.store.hak import _hak_dalam_transaksi, _periksa_hak
from kinerja.store.jejak import BagianJejak, _catat_jejak, _unit_revisi
from kinerja.store.periksa import (
    _YATIM,
    _kebutuhan,
    _kebutuhan_tautan,
    _periksa_batas_nilai,
    _periksa_dalam_transaksi,
    _unit_masuk,
    bagian,
)
from kinerja.store.skema import KOLOM, KOLOM_REVISI, KUNCI, TABEL, TETAP_BILA_KOSONG
from kinerja.store.tahap import _ada_siklus, _terkunci_atau_kembali, _tersentuh, hari_ini
from kinerja.texts import ROMAWI
from kinerja_core.akses import SEMUA, Hibah, Pelaku, Peran, akar_terlihat, leluhur
from kinerja_core.siklus import KOLOM_TERKUNCI, Tahap

_ID_BERIKUT = "SELECT COALESCE(max(id), 0) + 1 FROM revisi"


@dataclass(frozen=True)
class Revisi:
    """One commit to the store: an import, or the undo of one."""

    id: int
    waktu: datetime
    pengguna: str
    berkas: str
    sha256: str
    jenis: str
    membatalkan: int | None
    dibatalkan_oleh: int | None
    baru: int
    berubah: int
    sama: int
    dihapus: int
    asal: str | None = None
    """Where the write came from (a page, the command line); None for revisions older than sign-in."""
    operator: str | None = None
    """The operator's login when the command line acted for ``pengguna`` (``--user``); else None."""
    bagian: int | None = None
    """For a reader who may see only some of the units it touched: how many of its rows are theirs (its counts
    are then not shown); None when the reader may see all of it."""


BATAS_RINCIAN_BATAL = 200
"""Rows per table an undo preview lists; the counts cover all."""


@dataclass(frozen=True)
class TinjauanBatal:
    """What undoing a revision would do: counts, and per table the rows that change (``Storage._batalkan``)."""

    revisi: int
    berubah: int
    sama: int
    dihapus: int
    rincian: dict[str, pd.DataFrame]


class BagianRevisi(BagianJejak):
    """Uploads and undos, each one revision, and the revisions listed."""

    def simpan(self, masuk: Mapping[str, pd.DataFrame | Sequence[pd.DataFrame] | None], *, pelaku: Pelaku,
               berkas: str, sha256: str) -> Revisi:
        """Commit an upload as one revision: check who writes, log what it said, upsert, count, all in one
        transaction. ``masuk``: per table, its rows as one frame, or one frame per file (handed to the database
        side by side, never copied into one frame).

        The counts are taken inside the transaction, against what is stored at
        that moment, so of two uploads racing each other the later is counted
        against the earlier. What the rows depend on (their IKU, unit, parent;
        a tree without cycles; one spelling per code) is checked again there
        too: another process may have undone or written something since the
        upload was checked. Then the whole upload is refused (``ImporDitolak``).
        So are the grants (``_izinkan``): every row's unit, where it stood and
        where it stands after the upload (``AksesDitolak``, logged in the audit trail).
        """
        masuk = bagian(masuk)
        kebutuhan = _kebutuhan(masuk)
        unit = _unit_masuk(masuk)
        with self._tertolak_dicatat(pelaku, unit), self._transaksi(tulis=True) as con:
            hibah = _hak_dalam_transaksi(con, pelaku)
            if hibah is not None:  # a cascade link made, changed or taken away changes the parent's figure
                kebutuhan += _kebutuhan_tautan(con, masuk.get("iku"))
            _periksa_hak(con, pelaku, hibah, kebutuhan, hanya_yang_ada=True)  # where the rows' units stand now
            (revisi,) = con.execute(
                "INSERT INTO revisi (id, waktu, pengguna, berkas, sha256, jenis, baru, berubah, sama, asal, "
                f"operator) VALUES (({_ID_BERIKUT}), $waktu, $pengguna, $berkas, $sha256, 'impor', 0, 0, 0, "
                "$asal, $operator) RETURNING id",
                {"waktu": _sekarang(), "pengguna": pelaku.identitas, "berkas": berkas, "sha256": sha256,
                 "asal": pelaku.asal, "operator": pelaku.operator},
            ).fetchone()  # type: ignore[misc]
            jumlah = Counter(baru=0, berubah=0, sama=0)
            siklus = _ada_siklus(con)  # the reporting cycle in use: what the rows change meets their quarter's stage
            tersentuh: set[tuple[int, int, str]] = set()
            for nama in TABEL:
                daftar = masuk.get(nama)
                if not daftar:
                    continue
                con.register("masuk", _sebagai_satu_arrow(daftar, KOLOM[nama]))
                if any(_mungkin_kembar(con, nama, d) for d in daftar):
                    baru, berubah, sama = con.execute(
                        f"SELECT count(*) FILTER (WHERE baru), count(*) FILTER (WHERE berubah), "
                        "count(*) FILTER (WHERE NOT baru AND NOT berubah) "
                        f"FROM ({_sql_beda(nama, KOLOM[nama])}) AS beda"
                    ).fetchone()  # type: ignore[misc]
                else:  # no stored row shares a year and quarter with these (asked in this transaction): all new
                    baru, berubah, sama = sum(map(len, daftar)), 0, 0
                jumlah.update(baru=baru, berubah=berubah, sama=sama)
                if siklus:
                    tersentuh |= _tersentuh(con, nama)
                con.execute(f"INSERT INTO revisi_{nama} SELECT $revisi, {', '.join(KOLOM[nama])} FROM masuk",
                            {"revisi": revisi})
                # every row new (counted just now, in this transaction): a plain insert, which need not look
                # for a row to update
                con.execute(_SISIP[nama] if baru == sum(map(len, daftar)) else _UPSERT[nama])
                _periksa_dalam_transaksi(con, nama)
                con.unregister("masuk")
            _periksa_batas_nilai(con, masuk)  # after every table: an IKU and its realisasi may come together
            _kembali_ke_draf(con, pelaku, _terkunci_atau_kembali(con, tersentuh, hari_ini()), revisi)
            _periksa_hak(con, pelaku, hibah, kebutuhan)  # and where they stand after it (new units, moves)
            con.execute("UPDATE revisi SET baru = $baru, berubah = $berubah, sama = $sama WHERE id = $id",
                        {**jumlah, "id": revisi})
            _catat_jejak(con, pelaku, "impor", Pesan("jejak.impor", {"berkas": berkas, **jumlah}), unit, revisi)
            return self._revisi(con, revisi)

    def batalkan(self, revisi_id: int, *, pelaku: Pelaku) -> Revisi:
        """Undo an import revision: its rows become what the surviving revisions make them.

        Every row the revision touched is rebuilt by replaying the import
        revisions that are not undone, so the store always equals a replay of
        the surviving revisions. The undo is itself a revision. It is refused
        when it would leave realisasi without its IKU (or an IKU without its unit),
        and unless the person is admin of every unit the revision touched (``AksesDitolak``).
        """
        with self._tertolak_dicatat(pelaku, lambda con: _unit_revisi(con, revisi_id)), \
                self._transaksi(tulis=True) as con:
            batal, _, unit = self._batalkan_berhak(con, revisi_id, pelaku)
            r = self._revisi(con, batal)
            _catat_jejak(con, pelaku, "batal", Pesan("jejak.batal", {"asal": revisi_id, "berubah": r.berubah,
                                                                    "dihapus": r.dihapus, "sama": r.sama}), unit, batal)
            return r

    def tinjau_batal(self, revisi_id: int, *, pelaku: Pelaku) -> TinjauanBatal:
        """What undoing a revision would change, row by row, without changing anything.

        The undo is carried out in a transaction that is then rolled back, so
        the preview is exactly what ``batalkan`` would do now: a refusal raises
        the same ``RevisiDitolak``, and a person who may not undo it sees none
        of its rows (``AksesDitolak``, in the audit trail like a refused undo).
        """
        with self._tertolak_dicatat(pelaku, lambda con: _unit_revisi(con, revisi_id)), \
                self._transaksi(tulis=True, kembalikan=True) as con:
            batal, rincian, _ = self._batalkan_berhak(con, revisi_id, pelaku)
            r = self._revisi(con, batal)
        return TinjauanBatal(revisi_id, r.berubah, r.sama, r.dihapus, rincian)

    def _batalkan_berhak(self, con: Koneksi, revisi_id: int,
                         pelaku: Pelaku) -> tuple[int, dict[str, pd.DataFrame], list[str]]:
        """The undo with its grants checked around it: admin of every unit the revision touched where they stand
        now, and where the undo puts them (a unit row put back under its old parent needs admin there too).
        Returns the undo's revision id, its rows per table and the units touched."""
        unit = _unit_revisi(con, revisi_id)
        hibah = _hak_dalam_transaksi(con, pelaku)
        _periksa_hak(con, pelaku, hibah, [(Peran.ADMIN, unit)])
        batal, rincian = self._batalkan(con, revisi_id, pelaku)
        baris_unit = [r[0] for r in con.execute("SELECT DISTINCT kode_unit FROM revisi_unit WHERE revisi = $id",
                                                {"id": revisi_id}).fetchall()]
        _periksa_hak(con, pelaku, hibah, [(Peran.ADMIN, unit), (Peran.ADMIN, _induk_dari(con, baris_unit))])
        return batal, rincian, unit

    def _batalkan(self, con: Koneksi, revisi_id: int,
                  pelaku: Pelaku) -> tuple[int, dict[str, pd.DataFrame]]:
        """The undo inside an open transaction: its revision id, and per table the rows it changes (at most
        BATAS_RINCIAN_BATAL each: key, new values, ``<kolom>_lama`` and ``dihapus``)."""
        semula = con.execute("SELECT jenis, dibatalkan_oleh, berkas FROM revisi WHERE id = $id",
                             {"id": revisi_id}).fetchone()
        if semula is None:
            raise RevisiDitolak(Pesan("revisi.tidak_ada", {"id": revisi_id}))
        if semula[0] != "impor":
            raise RevisiDitolak(Pesan("revisi.bukan_impor", {"id": revisi_id}))
        if semula[1] is not None:
            raise RevisiDitolak(Pesan("revisi.sudah_dibatalkan", {"id": revisi_id, "oleh": semula[1]}))
        (batal,) = con.execute(
            "INSERT INTO revisi (id, waktu, pengguna, berkas, sha256, jenis, membatalkan, baru, berubah, sama, asal, "
            f"operator) VALUES (({_ID_BERIKUT}), $waktu, $pengguna, $berkas, '', 'batal', $batal, 0, 0, 0, $asal, "
            "$operator) RETURNING id",
            {"waktu": _sekarang(), "pengguna": pelaku.identitas, "berkas": semula[2], "batal": revisi_id,
             "asal": pelaku.asal, "operator": pelaku.operator},
        ).fetchone()  # type: ignore[misc]
        con.execute("UPDATE revisi SET dibatalkan_oleh = $batal WHERE id = $asal", {"batal": batal, "asal": revisi_id})
        jumlah = Counter(berubah=0, sama=0, dihapus=0)
        rincian = {}
        siklus = _ada_siklus(con)
        tersentuh: set[tuple[int, int, str]] = set()
        for nama in TABEL:
            kunci = ", ".join(KUNCI[nama])
            sama_kunci = " AND ".join(f"s.{k} = t.{k}" for k in KUNCI[nama])
            for sementara in ("kunci", "sebelum"):
                con.execute(f"DROP TABLE IF EXISTS {sementara}")
            # the id is an int, written into the statement: a CREATE takes no parameters on PostgreSQL
            con.execute(f"CREATE TEMP TABLE kunci AS SELECT DISTINCT {kunci} FROM revisi_{nama} "
                        f"WHERE revisi = {int(revisi_id)}")
            con.execute(f"CREATE TEMP TABLE sebelum AS SELECT * FROM {nama} t WHERE {_ada('kunci', KUNCI[nama], 't')}")
            con.execute(f"DELETE FROM {nama} USING kunci WHERE "
                        + " AND ".join(f"{nama}.{k} = kunci.{k}" for k in KUNCI[nama]))
            con.execute(_sql_bangun_ulang(nama))
            beda = " OR ".join(f"s.{k} IS DISTINCT FROM t.{k}" for k in KOLOM[nama])
            hilang = f"t.{KUNCI[nama][0]} IS NULL"
            dihapus, berubah, sama = con.execute(
                f"SELECT count(*) FILTER (WHERE {hilang}), count(*) FILTER (WHERE NOT {hilang} AND ({beda})), "
                f"count(*) FILTER (WHERE NOT {hilang} AND NOT ({beda})) FROM sebelum s LEFT JOIN {nama} t ON {sama_kunci}"
            ).fetchone()  # type: ignore[misc]
            jumlah.update(berubah=berubah, sama=sama, dihapus=dihapus)
            if siklus and nama in KOLOM_TERKUNCI:  # the quarters whose reported figures the undo changes
                terkunci = " OR ".join(f"s.{k} IS DISTINCT FROM t.{k}" for k in KOLOM_TERKUNCI[nama])
                tersentuh |= {(int(th), int(q), u) for th, q, u in con.execute(
                    f"SELECT DISTINCT s.tahun, s.triwulan, s.kode_unit FROM sebelum s LEFT JOIN {nama} t ON "
                    f"{sama_kunci} WHERE {hilang} OR {terkunci}").fetchall()}
            nilai = [k for k in KOLOM[nama] if k not in KUNCI[nama]]
            rincian[nama] = con.execute(
                f"SELECT {', '.join(f's.{k}' for k in KUNCI[nama])}, {', '.join(f't.{k}' for k in nilai)}, "
                f"{', '.join(f's.{k} AS {k}_lama' for k in nilai)}, {hilang} AS dihapus "
                f"FROM sebelum s LEFT JOIN {nama} t ON {sama_kunci} WHERE {hilang} OR ({beda}) "
                f"ORDER BY {', '.join(f's.{k}' for k in KUNCI[nama])} LIMIT {BATAS_RINCIAN_BATAL}"
            ).df()
        for sementara in ("kunci", "sebelum"):
            con.execute(f"DROP TABLE {sementara}")
        for nama, sql in _YATIM.items():
            yatim = [r[0] for r in con.execute(sql + " LIMIT 5").fetchall()]
            if yatim:
                raise RevisiDitolak(Pesan(f"revisi.yatim_{nama}", {"id": revisi_id, "kode": ", ".join(map(str, yatim))}))
        _kembali_ke_draf(con, pelaku, _terkunci_atau_kembali(con, tersentuh, hari_ini()), batal)
        con.execute("UPDATE revisi SET berubah = $berubah, sama = $sama, dihapus = $dihapus WHERE id = $id",
                    {**jumlah, "id": batal})
        return batal, rincian

    def daftar_revisi(self, hibah: Sequence[Hibah] | None = None) -> list[Revisi]:
        """Every revision, newest first; with ``hibah`` (a reader's grants, any role), only those that touched a
        unit the reader may see. One that touched other units too is shown in part: its counts, which cover the
        other units' rows, give way to ``bagian``, how many of its rows are the reader's units'. A reader of
        KPPBCBOGOR sees an upload of one Bogor row and two Bekasi rows with ``bagian=1``, an upload of BTP not at all.
        """
        with self._transaksi() as con:
            semua = [_revisi_dari_baris(b) for b in con.execute(
                f"SELECT {', '.join(KOLOM_REVISI)} FROM revisi ORDER BY id DESC").fetchall()]
            akar = akar_terlihat(hibah) if hibah is not None else {SEMUA}
            if SEMUA in akar:
                return semua
            induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
            terlihat = {u for u in induk if akar & set(leluhur(induk, u))}
            # the units each revision touched, as its audit line names them (an undo: those of the undone one)
            tersentuh: dict[int, set[str]] = {}
            for revisi, unit in con.execute("SELECT j.revisi, u.kode_unit FROM jejak j JOIN jejak_unit u ON "
                                            "u.jejak = j.id WHERE j.revisi IS NOT NULL").fetchall():
                tersentuh.setdefault(revisi, set()).add(unit)
            sebagian = [r for r in semua if tersentuh.get(r.id, set()) & terlihat
                        and not tersentuh[r.id] <= terlihat]
            bagian = _baris_unit_revisi(con, {r.id: r.membatalkan or r.id for r in sebagian}, sorted(terlihat))
        return [replace(r, baru=0, berubah=0, sama=0, dihapus=0, bagian=bagian.get(r.id, 0)) if r in sebagian else r
                for r in semua if tersentuh.get(r.id, set()) & terlihat]

    @staticmethod
    def _revisi(con: Koneksi, revisi_id: int) -> Revisi:
        return _revisi_dari_baris(con.execute(f"SELECT {', '.join(KOLOM_REVISI)} FROM revisi WHERE id = $id",
                                              {"id": revisi_id}).fetchone())  # type: ignore[arg-type]


def _sebagai_satu_arrow(daftar: list[pd.DataFrame], kolom: list[str]) -> pa.Table | pd.DataFrame:
    """A table's rows, given per file, as one table for the database: the files' Arrow tables side by side (no
    copy of them put together), a column the writer does not know of (a note written before follow-up existed)
    blank. Files Arrow cannot hold (mixed types in a column) are put together as one frame instead."""
    bagian = [_sebagai_arrow(d.assign(**{k: None for k in kolom if k not in d.columns})[kolom]) for d in daftar]
    if all(isinstance(b, pa.Table) for b in bagian):
        try:
            return pa.concat_tables(bagian, promote_options="permissive") if len(bagian) > 1 else bagian[0]
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass
    return pd.concat([d if isinstance(d, pd.DataFrame) else d.to_pandas() for d in bagian], ignore_index=True)


def _kembali_ke_draf(con: Koneksi, pelaku: Pelaku, kembali: list[tuple[int, int, str, Tahap]], revisi: int) -> None:
    """An audit line for each submitted or verified quarter a write sent back to draf (it must be submitted again)."""
    for th, q, u, tahap in kembali:
        _catat_jejak(con, pelaku, "siklus_draf", Pesan("jejak.siklus_draf", {
            "unit": u, "tahun": th, "triwulan": Pesan("triwulan.nama", {"romawi": ROMAWI[q]}),
            "tahap": Pesan(f"tahap.{tahap.value}")}), [u], revisi)


def _sql_bangun_ulang(nama: str) -> str:
    """The rows of the keys in ``kunci`` as replaying every surviving import revision gives them: each column as the
    last surviving revision said it, but a column where a blank keeps (``TETAP_BILA_KOSONG``) as the last one that
    was not blank."""
    kunci = ", ".join(KUNCI[nama])
    nilai = [k for k in KOLOM[nama] if k not in KUNCI[nama]]
    tetap = [k for k in nilai if k in TETAP_BILA_KOSONG.get(nama, ())]
    hidup = (f"{_ada('kunci', KUNCI[nama], 'r')} AND r.revisi IN (SELECT id FROM revisi WHERE jenis = 'impor' "
             "AND dibatalkan_oleh IS NULL)")
    terakhir_isi = ", ".join(f"(array_agg({k} ORDER BY revisi DESC) FILTER (WHERE {k} IS NOT NULL))[1] AS {k}"
                             for k in tetap)
    if tetap == nilai:  # every value keeps (realisasi, komponen)
        return f"INSERT INTO {nama} SELECT {kunci}, {terakhir_isi} FROM revisi_{nama} r WHERE {hidup} GROUP BY {kunci}"
    terakhir = f"""(
            SELECT *, row_number() OVER (PARTITION BY {kunci} ORDER BY revisi DESC) AS _terakhir
            FROM revisi_{nama} r WHERE {hidup}
        ) AS h"""
    if not tetap:
        return f"INSERT INTO {nama} SELECT {', '.join(KOLOM[nama])} FROM {terakhir} WHERE _terakhir = 1"
    # the last revision's row, and the columns that keep from the rows that say something there (the aggregate
    # reads only those: a whole row's aggregate is several times slower than the window on a ministry's IKU)
    return f"""
        INSERT INTO {nama} SELECT {", ".join(f"t.{k}" if k in tetap else f"h.{k}" for k in KOLOM[nama])}
        FROM {terakhir} LEFT JOIN (
            SELECT {kunci}, {terakhir_isi} FROM revisi_{nama} r
            WHERE {hidup} AND ({" OR ".join(f"{k} IS NOT NULL" for k in tetap)}) GROUP BY {kunci}
        ) AS t ON {" AND ".join(f"t.{k} = h.{k}" for k in KUNCI[nama])}
        WHERE h._terakhir = 1
    """


def _baris_unit_revisi(con: Koneksi, asal: dict[int, int], unit: list[str]) -> dict[int, int]:
    """For each revision (key), how many rows its upload (value: the revision whose log holds them, the undone one
    for an undo) held for the units ``unit``."""
    if not asal or not unit:
        return {}
    con.register("unit_pembaca", pa.table({"kode_unit": pa.array(unit, pa.string())}))
    daftar = ", ".join(str(int(i)) for i in set(asal.values()))
    hitung = dict(con.execute(
        "SELECT revisi, count(*) FROM (" + " UNION ALL ".join(
            f"SELECT revisi FROM revisi_{n} WHERE revisi IN ({daftar}) AND kode_unit IN "
            "(SELECT kode_unit FROM unit_pembaca)" for n in TABEL) + ") AS baris GROUP BY revisi").fetchall())
    con.unregister("unit_pembaca")
    return {r: hitung.get(a, 0) for r, a in asal.items()}


def _induk_dari(con: Koneksi, unit: list[str]) -> list[str]:
    """The parents of the stored units among ``unit`` (``SEMUA`` for a root): who must agree to a unit's place."""
    if not unit:
        return []
    con.register("unit_diminta", pa.table({"kode_unit": pa.array(unit, pa.string())}))
    induk = [r[0] or SEMUA for r in con.execute("SELECT DISTINCT kode_induk FROM unit WHERE kode_unit IN "
                                                "(SELECT kode_unit FROM unit_diminta)").fetchall()]
    con.unregister("unit_diminta")
    return induk


def _revisi_dari_baris(baris: tuple[object, ...]) -> Revisi:
    waktu = baris[1].replace(tzinfo=UTC).astimezone(zona_waktu())  # type: ignore[attr-defined]
    return Revisi(baris[0], waktu, *baris[2:])  # type: ignore[arg-type]
