"""The reporting cycle in the store: each unit-quarter's stage, the steps that move it (checked and written in one
transaction, with an audit line), the installation's cycle settings, and what a write to a unit-quarter meets
(``_tahap_dalam_transaksi``: locked, or sent back to draf). The rules are ``kinerja_core.siklus``'s."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from kinerja.config import zona_waktu
from kinerja.pesan import Pesan
from kinerja.store.bantu import Koneksi, _saring_unit, _sekarang
from kinerja.store.beda import _nilai_efektif
from kinerja.store.galat import AksesDitolak, PermintaanDitolak, SiklusDitolak
from kinerja.store.hak import _hak_dalam_transaksi, _periksa_hak
from kinerja.store.jejak import BagianJejak, _catat_jejak
from kinerja.store.skema import KUNCI
from kinerja.texts import N_, ROMAWI
from kinerja_core.akses import SEMUA, Pelaku, Peran, leluhur
from kinerja_core.siklus import (
    KE,
    KOLOM_TERKUNCI,
    PERAN_LANGKAH,
    AkibatTulis,
    Alasan,
    Aturan,
    HariTenggat,
    Jadwal,
    Keadaan,
    Langkah,
    Tahap,
    akibat_tulis,
    kembali_ke_draf,
    lanjutkan,
    periksa_langkah,
    terlambat_hari,
)

KOLOM_TAHAP = ["kode_unit", "tahap", "diajukan_oleh", "diajukan_pada", "diverifikasi_oleh", "diverifikasi_pada",
               "final_oleh", "final_pada", "alasan", "tenggat_berikutnya", "terlambat_hari"]
"""The columns of ``python -m kinerja status`` (and the Pemantauan page's), in this order."""

BATAS_BUKTI_MB = 20
"""The largest data dukung file, by default (``PengaturanSiklus.bukti_maks_mb``)."""


@dataclass(frozen=True)
class PengaturanSiklus:
    """The installation's settings of the cycle, kept in the database so every app server applies the same:
    its rules, its deadlines, and the data dukung's size limit and (optional) folder.

    >>> p = PengaturanSiklus.dari_json('{"kunci_tenggat": true, "hari": [10, 20, 28]}')
    >>> p.aturan.kunci_tenggat, p.jadwal.bawaan.ajukan, PengaturanSiklus.dari_json(p.ke_json()) == p
    (True, 10, True)
    """

    aturan: Aturan = field(default_factory=Aturan)
    jadwal: Jadwal = field(default_factory=Jadwal)
    bukti_maks_mb: int = BATAS_BUKTI_MB
    folder_bukti: str | None = None

    @staticmethod
    def dari_json(teks: str | None) -> PengaturanSiklus:
        data = json.loads(teks) if teks else {}
        return PengaturanSiklus(
            Aturan(bool(data.get("verifikasi_unit_sendiri", False)), bool(data.get("kunci_tenggat", False))),
            Jadwal(HariTenggat(*data.get("hari", (14, 23, 30))),
                   {(u.get("tahun"), u.get("tingkat")): HariTenggat(*u["hari"]) for u in data.get("ubah", [])}),
            int(data.get("bukti_maks_mb", BATAS_BUKTI_MB)), data.get("folder_bukti"))

    def ke_json(self) -> str:
        def hari(h: HariTenggat) -> list[int]:
            return [h.ajukan, h.verifikasi, h.final]

        return json.dumps({
            "verifikasi_unit_sendiri": self.aturan.verifikasi_unit_sendiri, "kunci_tenggat": self.aturan.kunci_tenggat,
            "hari": hari(self.jadwal.bawaan), "bukti_maks_mb": self.bukti_maks_mb, "folder_bukti": self.folder_bukti,
            "ubah": [{"tahun": th, "tingkat": tk, "hari": hari(h)} for (th, tk), h in self.jadwal.ubah.items()],
        }, sort_keys=True)


_KUNCI_PENGATURAN = "siklus"

_PESAN = (
    N_("tahap.draf"), N_("tahap.diajukan"), N_("tahap.terverifikasi"), N_("tahap.dikembalikan"), N_("tahap.final"),
    N_("langkah.ajukan"), N_("langkah.verifikasi"), N_("langkah.kembalikan"), N_("langkah.finalkan"), N_("langkah.buka"),
    N_("siklus.tahap_salah"), N_("siklus.tanpa_peran"), N_("siklus.pengaju_sama"), N_("siklus.unit_sendiri"),
    N_("siklus.tanpa_alasan"), N_("siklus.lewat_tenggat"), N_("siklus.bukti_kurang"),
    N_("jejak.siklus_ajukan"), N_("jejak.siklus_verifikasi"), N_("jejak.siklus_verifikasi_catatan"),
    N_("jejak.siklus_kembalikan"), N_("jejak.siklus_finalkan"), N_("jejak.siklus_buka"),
    N_("jejak.tindakan.siklus_ajukan"), N_("jejak.tindakan.siklus_verifikasi"), N_("jejak.tindakan.siklus_kembalikan"),
    N_("jejak.tindakan.siklus_finalkan"), N_("jejak.tindakan.siklus_buka"), N_("jejak.tindakan.siklus_atur"),
    N_("jejak.tindakan.bukti_tambah"), N_("jejak.siklus_draf"), N_("jejak.tindakan.siklus_draf"),
)
"""The messages of the cycle whose keys the code builds (``f"tahap.{...}"``), for the extraction."""


def hari_ini() -> dt.date:
    """Today where the unit is (``KINERJA_ZONA_WAKTU``): deadlines are dates of the unit's calendar."""
    return dt.datetime.now(zona_waktu()).date()


class BagianTahap(BagianJejak):
    """The reporting cycle's reads and steps."""

    def pengaturan_siklus(self) -> PengaturanSiklus:
        """The installation's cycle settings (the defaults until an admin sets them)."""
        if not self.ada():
            return PengaturanSiklus()
        with self._buka() as con:
            return _pengaturan(con)

    def atur_siklus(self, pengaturan: PengaturanSiklus, *, pelaku: Pelaku) -> None:
        """Store the cycle settings: an admin of every unit's (or the operator's) decision, audited."""
        with self._tertolak_dicatat(pelaku, []), self._transaksi(tulis=True) as con:
            _periksa_hak(con, pelaku, _hak_dalam_transaksi(con, pelaku), [(Peran.ADMIN, [SEMUA])])
            con.execute("DELETE FROM pengaturan WHERE kunci = $k", {"k": _KUNCI_PENGATURAN})
            con.execute("INSERT INTO pengaturan VALUES ($k, $v)", {"k": _KUNCI_PENGATURAN, "v": pengaturan.ke_json()})
            _catat_jejak(con, pelaku, "siklus_atur", Pesan("jejak.siklus_atur", {"isi": pengaturan.ke_json()}), [])

    def daftar_tahap(self, tahun: int, triwulan: int, kode_unit: str | None = None, *, sub_unit: bool = False,
                     hari: dt.date | None = None) -> pd.DataFrame:
        """One row per unit that has IKU in ``tahun`` (of ``kode_unit``, with ``sub_unit`` every unit below it;
        None: every unit) with its quarter's stage, who and when, the next deadline and the days past it
        (negative: days left), as ``KOLOM_TAHAP``; a unit nobody has submitted yet is ``draf``."""
        hari = hari or hari_ini()
        if not self.ada():
            return pd.DataFrame(columns=KOLOM_TAHAP)
        dengan, syarat, param = _saring_unit(tahun, kode_unit, sub_unit, self._dialek)
        with self._transaksi() as con:
            unit = [r[0] for r in con.execute(
                f"{dengan}SELECT DISTINCT kode_unit FROM iku {syarat} ORDER BY kode_unit", param).fetchall()]
            keadaan = _keadaan(con, tahun, triwulan, unit)
            induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
            jadwal = _pengaturan(con).jadwal
        baris = []
        for k in unit:
            s = keadaan.get(k, Keadaan())
            batas = jadwal.tenggat(tahun, triwulan, len(leluhur(induk, k)) - 1).berikutnya(s.tahap)
            baris.append([k, s.tahap.value, s.diajukan_oleh, s.diajukan_pada, s.diverifikasi_oleh,
                          s.diverifikasi_pada, s.final_oleh, s.final_pada, s.alasan, batas,
                          terlambat_hari(batas, hari)])
        return pd.DataFrame(baris, columns=KOLOM_TAHAP)

    def tahap_tahun(self, tahun: int) -> pd.DataFrame:
        """The stored stage of every unit-quarter of ``tahun`` that has left draf or was reopened: triwulan,
        kode_unit, tahap (a unit-quarter without a row is draf)."""
        if not self.ada():
            return pd.DataFrame(columns=["triwulan", "kode_unit", "tahap"])
        with self._buka() as con:
            return con.execute("SELECT triwulan, kode_unit, tahap FROM tahap WHERE tahun = $tahun "
                               "ORDER BY triwulan, kode_unit", {"tahun": tahun}).df()

    def keadaan_tahap(self, tahun: int, triwulan: int, kode_unit: str) -> Keadaan:
        """One unit-quarter's stage and who moved it there."""
        if not self.ada():
            return Keadaan()
        with self._buka() as con:
            return _keadaan(con, tahun, triwulan, [kode_unit]).get(kode_unit, Keadaan())

    def langkah_tahap(self, tahun: int, triwulan: int, kode_unit: str, langkah: Langkah, *, pelaku: Pelaku,
                      alasan: str | None = None, hari: dt.date | None = None) -> Keadaan:
        """Take one step of the cycle on a unit's quarter, checked and written in one transaction, with an audit
        line (``kinerja_core.siklus.periksa_langkah`` says what may be done). A refusal changes nothing:
        ``AksesDitolak`` (no role: audited), ``SiklusDitolak`` (the stage, the same person, no reason …)."""
        hari = hari or hari_ini()
        with self._tertolak_dicatat(pelaku, [kode_unit]), self._transaksi(tulis=True) as con:
            induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
            if kode_unit not in induk:
                raise PermintaanDitolak(Pesan("siklus.unit_tidak_ada", {"unit": kode_unit}))
            hibah = _hak_dalam_transaksi(con, pelaku)
            keadaan = _keadaan(con, tahun, triwulan, [kode_unit]).get(kode_unit, Keadaan())
            pengaturan = _pengaturan(con)
            batas = pengaturan.jadwal.tenggat(tahun, triwulan, len(leluhur(induk, kode_unit)) - 1)
            tolak = periksa_langkah(keadaan, langkah, pelaku.identitas, hibah, kode_unit, induk, alasan=alasan,
                                    aturan=pengaturan.aturan, lewat_tenggat=hari > batas.ajukan)
            isian = {"unit": kode_unit, "tahun": tahun, "triwulan": Pesan("triwulan.nama", {"romawi": ROMAWI[triwulan]}),
                     "tahap": Pesan(f"tahap.{keadaan.tahap.value}"), "langkah": Pesan(f"langkah.{langkah.value}"),
                     "identitas": pelaku.identitas}
            if tolak in (Alasan.TANPA_PERAN, Alasan.UNIT_SENDIRI):  # a want of grants: audited as a refusal
                raise AksesDitolak(Pesan(f"siklus.{tolak.value}", {**isian, "peran": PERAN_LANGKAH[langkah].value}))
            if tolak is None and langkah is Langkah.AJUKAN:
                kurang = _tanpa_bukti_wajib(con, tahun, triwulan, kode_unit)
                if kurang:
                    tolak = Alasan.BUKTI_KURANG
                    isian["iku"] = Pesan.daftar(kurang[:10], lain=len(kurang) - 10)
            if tolak is not None:
                raise SiklusDitolak(Pesan(f"siklus.{tolak.value}", {**isian, "tenggat": batas.ajukan.isoformat(),
                                                                      "tahap_baru": Pesan(f"tahap.{KE[langkah].value}")}))
            baru = lanjutkan(keadaan, langkah, pelaku.identitas, _sekarang(), alasan.strip() if alasan else None)
            _tulis_keadaan(con, tahun, triwulan, kode_unit, baru)
            kunci = f"jejak.siklus_{langkah.value}" + ("_catatan" if langkah is Langkah.VERIFIKASI and baru.alasan else "")
            _catat_jejak(con, pelaku, f"siklus_{langkah.value}", Pesan(kunci, {**isian, "alasan": baru.alasan or ""}),
                         [kode_unit])
            return baru


def _tanpa_bukti_wajib(con: Koneksi, tahun: int, triwulan: int, kode_unit: str) -> list[str]:
    """The unit's IKU marked ``bukti_wajib`` that are measured this quarter (a target for it) and have no data dukung
    for it yet: submitting waits for them."""
    return [r[0] for r in con.execute(
        f"SELECT i.kode_iku FROM iku i WHERE i.tahun = $th AND i.kode_unit = $u AND i.bukti_wajib "
        f"AND i.target_tw{int(triwulan)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bukti b WHERE b.tahun = i.tahun "
        "AND b.triwulan = $q AND b.kode_unit = i.kode_unit AND b.kode_iku = i.kode_iku AND NOT b.dihapus) "
        "ORDER BY i.kode_iku", {"th": tahun, "q": triwulan, "u": kode_unit}).fetchall()]


def _pengaturan(con: Koneksi) -> PengaturanSiklus:
    baris = con.execute("SELECT nilai FROM pengaturan WHERE kunci = $k", {"k": _KUNCI_PENGATURAN}).fetchone()
    return PengaturanSiklus.dari_json(baris[0] if baris else None)


_KOLOM_KEADAAN = ["kode_unit", "tahap", "diajukan_oleh", "diajukan_pada", "diverifikasi_oleh", "diverifikasi_pada",
                  "final_oleh", "final_pada", "alasan", "dibuka"]


def _keadaan(con: Koneksi, tahun: int, triwulan: int, unit: Iterable[str]) -> dict[str, Keadaan]:
    """The stored stage of each of ``unit``'s quarter (a unit without a row is draf: left out)."""
    unit = list(unit)
    if not unit:
        return {}
    baris = con.execute(f"SELECT {', '.join(_KOLOM_KEADAAN)} FROM tahap WHERE tahun = $tahun AND triwulan = $triwulan",
                        {"tahun": tahun, "triwulan": triwulan}).fetchall()
    dicari = set(unit)
    return {u: Keadaan(Tahap(tahap), a, ap, v, vp, f, fp, alasan, bool(dibuka))
            for u, tahap, a, ap, v, vp, f, fp, alasan, dibuka in baris if u in dicari}


def _tulis_keadaan(con: Koneksi, tahun: int, triwulan: int, kode_unit: str, k: Keadaan) -> None:
    con.execute("DELETE FROM tahap WHERE tahun = $tahun AND triwulan = $triwulan AND kode_unit = $unit",
                {"tahun": tahun, "triwulan": triwulan, "unit": kode_unit})
    con.execute(
        "INSERT INTO tahap (tahun, triwulan, kode_unit, tahap, diajukan_oleh, diajukan_pada, diverifikasi_oleh, "
        "diverifikasi_pada, final_oleh, final_pada, alasan, dibuka, diubah_pada) VALUES ($tahun, $triwulan, $unit, "
        "$tahap, $a, $ap, $v, $vp, $f, $fp, $alasan, $dibuka, $kini)",
        {"tahun": tahun, "triwulan": triwulan, "unit": kode_unit, "tahap": k.tahap.value, "a": k.diajukan_oleh,
         "ap": k.diajukan_pada, "v": k.diverifikasi_oleh, "vp": k.diverifikasi_pada, "f": k.final_oleh,
         "fp": k.final_pada, "alasan": k.alasan, "dibuka": k.dibuka, "kini": _sekarang()})


# --- what a write to a unit-quarter meets ----------------------------------------------------------------------


def _ada_siklus(con: Koneksi) -> bool:
    """Whether any unit-quarter has left draf or the installation locks at the deadline: otherwise no write can
    meet a lock or send anything back, and the check costs nothing."""
    return bool(con.execute("SELECT count(*) FROM tahap WHERE tahap <> 'draf'").fetchone()[0]) or (  # type: ignore[index]
        _pengaturan(con).aturan.kunci_tenggat)


def _tersentuh(con: Koneksi, nama: str) -> set[tuple[int, int, str]]:
    """The unit-quarters whose locked columns (``siklus.KOLOM_TERKUNCI``) the rows of ``masuk`` (registered, of table
    ``nama``) would change: a row new, or different there, the blanks that keep a stored value counted as kept."""
    if nama not in KOLOM_TERKUNCI:
        return set()
    kunci = KUNCI[nama]
    gabung = " AND ".join(f"t.{k} = m.{k}" for k in kunci)
    beda = " OR ".join(f"{_nilai_efektif(nama, k)} IS DISTINCT FROM t.{k}" for k in KOLOM_TERKUNCI[nama])
    return {(int(th), int(q), u) for th, q, u in con.execute(
        f"SELECT DISTINCT m.tahun, m.triwulan, m.kode_unit FROM masuk m LEFT JOIN {nama} t ON {gabung} "
        f"WHERE t.{kunci[0]} IS NULL OR {beda}").fetchall()}


def _akibat_tulis(con: Koneksi, tersentuh: Iterable[tuple[int, int, str]], hari: dt.date
                  ) -> dict[tuple[int, int, str], tuple[Keadaan, AkibatTulis | None]]:
    """Each unit-quarter's stage and what a change of its figures meets (``siklus.akibat_tulis``), as stored now: the
    preview's read (``Bacaan``) and the committing transaction's."""
    tersentuh = sorted(set(tersentuh))
    if not tersentuh or not _ada_siklus(con):
        return {k: (Keadaan(), None) for k in tersentuh}
    pengaturan = _pengaturan(con)
    induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
    hasil = {}
    for th, q in sorted({(th, q) for th, q, _ in tersentuh}):
        unit = [u for t_, q_, u in tersentuh if (t_, q_) == (th, q)]
        keadaan = _keadaan(con, th, q, unit)
        for u in unit:
            k = keadaan.get(u, Keadaan())
            lewat = hari > pengaturan.jadwal.tenggat(th, q, len(leluhur(induk, u)) - 1).ajukan
            hasil[(th, q, u)] = (k, akibat_tulis(k, lewat_tenggat=lewat, aturan=pengaturan.aturan))
    return hasil


def butir_terkunci(th: int, q: int, u: str, akibat: AkibatTulis, keadaan: Keadaan) -> Pesan:
    """'KPPBCBOGOR TW III 2026: Final' (or '…: past the submission deadline'), for a refusal."""
    return Pesan("siklus.terkunci_butir", {
        "unit": u, "triwulan": Pesan("triwulan.nama", {"romawi": ROMAWI[q]}), "tahun": th,
        "tahap": Pesan("siklus.lewat_tenggat_singkat" if akibat is AkibatTulis.LEWAT_TENGGAT
                       else f"tahap.{keadaan.tahap.value}")})


def _terkunci_atau_kembali(con: Koneksi, tersentuh: Iterable[tuple[int, int, str]], hari: dt.date
                           ) -> list[tuple[int, int, str, Tahap]]:
    """Inside the transaction that writes to ``tersentuh`` unit-quarters: refuse the write whole
    (``SiklusDitolak``, naming each and its stage) when any is final or past its submit deadline on an
    installation that locks there; otherwise send the submitted or verified ones back to draf and say which
    (unit-quarter and the stage it left)."""
    akibat = _akibat_tulis(con, tersentuh, hari)
    terkunci = [butir_terkunci(*k, a, s) for k, (s, a) in akibat.items()
                if a in (AkibatTulis.FINAL, AkibatTulis.LEWAT_TENGGAT)]
    if terkunci:
        raise SiklusDitolak(Pesan("siklus.terkunci", {"daftar": Pesan.daftar(terkunci[:5], lain=len(terkunci) - 5)}))
    kembali = [(th, q, u, s.tahap) for (th, q, u), (s, a) in akibat.items() if a is AkibatTulis.KEMBALI_DRAF]
    for th, q, u, _ in kembali:
        _tulis_keadaan(con, th, q, u, kembali_ke_draf(akibat[(th, q, u)][0]))
    return kembali
