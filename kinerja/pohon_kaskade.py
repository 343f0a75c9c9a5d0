"""The cascade of one IKU as a table: the IKU, the IKU of the units below that support it, theirs, and so on.

Built from scored rows (``scores.skor``: status, capaian, target, realisasi) that carry the links
(``kode_unit_induk``, ``kode_iku_induk``) and how a parent takes its realisasi from its children
(``agregasi_anak``). Links point upward only, so the tree below an IKU of a unit lies within that unit and its
sub-units: score those, and every child is among the rows. Within a parent the children come worst light
first, so the IKU holding the parent back is read first. Pure pandas; the page draws what comes out.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kinerja import scores
from kinerja_core.model import Status

URUTAN_STATUS = {Status.MERAH.value: 0, Status.KUNING.value: 1, Status.HIJAU.value: 2, Status.ABU_ABU.value: 3}
"""The order of children under a parent: worst light first, grey (not measured yet, not a failure) last."""

KOLOM = ["tingkat", "kode_unit", "nama_unit", "kode_iku", "nama_iku", "status", "capaian", "target", "realisasi",
         "satuan", "asal", "label"]
"""The columns of a tree (``pohon``)."""

INDEN = "\u3000"  # an ideographic space: as wide as a letter, and a table does not strip it


def _kunci(kode_unit: object, kode_iku: object) -> tuple[str, str] | None:
    """An IKU's identity within a year (codes compare without regard to case); None for a blank link."""
    if not isinstance(kode_unit, str) or not isinstance(kode_iku, str) or not kode_unit or not kode_iku:
        return None
    return kode_unit.casefold(), kode_iku.casefold()


def _anak(skor: pd.DataFrame) -> dict[tuple[str, str], list[int]]:
    """The positions of each parent's children among the rows (only parents that are among the rows too)."""
    ada = {_kunci(u, i) for u, i in zip(skor["kode_unit"], skor["kode_iku"])}
    anak: dict[tuple[str, str], list[int]] = {}
    for posisi, (u, i) in enumerate(zip(skor["kode_unit_induk"], skor["kode_iku_induk"])):
        induk = _kunci(u, i)
        if induk is not None and induk in ada:
            anak.setdefault(induk, []).append(posisi)
    return anak


def akar(skor: pd.DataFrame) -> pd.DataFrame:
    """The IKU that at least one IKU among the rows supports: the roots a cascade can be shown from, in the
    table's order (the rows of ``skor``, index reset).

    >>> skor = pd.DataFrame({"kode_unit": ["BPPT", "PTM", "BTP", "BTP"],
    ...     "kode_iku": ["BPPT-01", "PTM-02", "BTP-01", "BTP-05"],
    ...     "kode_unit_induk": [None, "BPPT", "PTM", None], "kode_iku_induk": [None, "BPPT-01", "PTM-02", None]})
    >>> akar(skor)["kode_iku"].tolist()
    ['BPPT-01', 'PTM-02']
    """
    anak = _anak(skor)
    punya = [_kunci(u, i) in anak for u, i in zip(skor["kode_unit"], skor["kode_iku"])]
    return skor[punya].reset_index(drop=True)


def _label(tingkat: int, kode_unit: str, nama_iku: str) -> str:
    """'BPPT · Penerimaan PNBP BPPT' at the root, '　└ PTM · Penerimaan PNBP' one level down, and so on."""
    awal = f"{INDEN * tingkat}└ " if tingkat else ""
    return f"{awal}{kode_unit} · {nama_iku}"


def pohon(skor: pd.DataFrame, kode_unit: str, kode_iku: str, nama_unit: Mapping[str, str]) -> pd.DataFrame:
    """The cascade below one IKU, depth first: the IKU itself (``tingkat`` 0), then each child followed by its
    own subtree, children worst light first (merah, kuning, hijau, abu-abu), then by unit and IKU code.

    Columns ``KOLOM``; ``asal`` says how a computed parent's realisasi is made from its children, ``label`` is
    the unit code and IKU name indented by level, for display. An IKU met a second time (a cycle: stored links
    have none, but a table could) is left out the second time, so the walk always ends. Empty when the IKU is
    not among the rows.

    Balai Teknologi Polimer's PNBP (TW III 2017: Rp 3,4 of 3,7 miliar) supports Pusat Teknologi Material's,
    which BPPT's PNBP adds up:

    >>> skor = pd.DataFrame({"kode_unit": ["BPPT", "PTM", "BTP"], "kode_iku": ["BPPT-01", "PTM-02", "BTP-01"],
    ...     "nama_iku": ["Penerimaan PNBP BPPT", "Penerimaan PNBP", "Penerimaan PNBP"],
    ...     "kode_unit_induk": [None, "BPPT", "PTM"], "kode_iku_induk": [None, "BPPT-01", "PTM-02"],
    ...     "agregasi_anak": ["jumlah", None, None], "status": ["kuning", "kuning", "kuning"],
    ...     "capaian": [98.89, 98.89, 91.89], "target": [9.0, 9.0, 3.7], "realisasi": [8.9, 8.9, 3.4],
    ...     "satuan": ["Rp miliar"] * 3})
    >>> nama = {"BPPT": "Badan Pengkajian dan Penerapan Teknologi", "PTM": "Pusat Teknologi Material",
    ...         "BTP": "Balai Teknologi Polimer"}
    >>> for b in pohon(skor, "BPPT", "BPPT-01", nama).itertuples():
    ...     print(b.tingkat, b.label, b.status, b.capaian, b.asal or "—", sep=" | ")
    0 | BPPT · Penerimaan PNBP BPPT | kuning | 98.89 | dihitung dari 1 IKU turunan (jumlah)
    1 | 　└ PTM · Penerimaan PNBP | kuning | 98.89 | —
    2 | 　　└ BTP · Penerimaan PNBP | kuning | 91.89 | —
    """
    anak = _anak(skor)
    asal = scores.teks_asal(skor).tolist()  # the words every screen uses for a computed realisasi
    kunci_baris = {_kunci(u, i): posisi for posisi, (u, i) in enumerate(zip(skor["kode_unit"], skor["kode_iku"]))}
    awal = kunci_baris.get(_kunci(kode_unit, kode_iku))
    if awal is None:
        return pd.DataFrame(columns=KOLOM)

    def urutan(posisi: int) -> tuple[int, str, str]:
        baris = skor.iloc[posisi]
        return URUTAN_STATUS.get(baris["status"], len(URUTAN_STATUS)), baris["kode_unit"].casefold(), \
            baris["kode_iku"].casefold()

    hasil: list[dict[str, object]] = []
    dikunjungi: set[int] = set()
    tumpukan: list[tuple[int, int]] = [(awal, 0)]  # (row position, level), the next to show on top
    while tumpukan:
        posisi, tingkat = tumpukan.pop()
        if posisi in dikunjungi:  # a cycle: shown once
            continue
        dikunjungi.add(posisi)
        baris = skor.iloc[posisi]
        induk = _kunci(baris["kode_unit"], baris["kode_iku"])
        bawah = sorted((p for p in (anak.get(induk, []) if induk is not None else []) if p not in dikunjungi),
                       key=urutan)
        hasil.append({
            "tingkat": tingkat, "kode_unit": baris["kode_unit"],
            "nama_unit": nama_unit.get(baris["kode_unit"], baris["kode_unit"]), "kode_iku": baris["kode_iku"],
            "nama_iku": baris["nama_iku"], "status": baris["status"], "capaian": baris["capaian"],
            "target": baris["target"], "realisasi": baris["realisasi"], "satuan": baris["satuan"],
            "asal": asal[posisi],
            "label": _label(tingkat, baris["kode_unit"], baris["nama_iku"]),
        })
        tumpukan.extend((p, tingkat + 1) for p in reversed(bawah))
    return pd.DataFrame(hasil, columns=KOLOM).astype({"capaian": float, "target": float, "realisasi": float})


def paling_menahan(pohon: pd.DataFrame) -> pd.Series | None:
    """The weakest IKU at the bottom of a cascade (a row with no children below it, not the root): the worst
    light, then the lowest capaian; None when every one is hijau or grey (nothing below holds the root back).

    >>> tabel = pd.DataFrame({"tingkat": [0, 1, 2, 1], "kode_iku": ["BPPT-03", "PTM-03", "BTP-03", "X-01"],
    ...                       "status": ["kuning", "kuning", "kuning", "hijau"], "capaian": [99.85, 99.85, 97.25, 101]})
    >>> paling_menahan(tabel)["kode_iku"]
    'BTP-03'
    >>> paling_menahan(tabel.assign(status="hijau")) is None
    True
    """
    tingkat = pohon["tingkat"].tolist()
    daun = [i for i in range(1, len(pohon)) if i + 1 == len(pohon) or tingkat[i + 1] <= tingkat[i]]
    calon = pohon.iloc[daun]
    calon = calon[calon["status"].isin([Status.MERAH.value, Status.KUNING.value])]
    if calon.empty:
        return None
    urut = calon.assign(_urutan=calon["status"].map(URUTAN_STATUS)).sort_values(["_urutan", "capaian"], kind="stable")
    return urut.drop(columns="_urutan").iloc[0]
