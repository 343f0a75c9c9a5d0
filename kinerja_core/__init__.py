"""The scoring core of Dasbor Kinerja: the domain rules, pure.

Nothing in this package touches streamlit, duckdb, plotly or files. It turns
IKU definitions and realisasi into capaian, traffic-light status and NKO,
following ``shared/DOMAIN.md`` (Kemenkeu defaults, KMK 467/KMK.01/2014).

Modules, one idea each:
  model          closed vocabularies (Polaritas, Konsolidasi, Status ...) and the Iku record
  profil         the rule profile: floor, cap, thresholds, stabilize scale
  konsolidasi    year-to-date target and realisasi through a quarter
  capaian        capaian per polaritas, clamped, and its status
  nko            the weighted organisation score over non-grey IKU
  unit           the unit tree: sub-unit selection
"""
