"""``python -m kinerja.locale``: extract the code's messages into kinerja/locale/messages.pot.

Then bring each catalogue up to date with ``pybabel update -i kinerja/locale/messages.pot -d kinerja/locale -D
kinerja`` (or a PO editor's "update from POT") and fill in the new entries.
"""

from babel.messages.pofile import write_po

from kinerja.locale import FOLDER, ekstrak

with open(FOLDER / "messages.pot", "wb") as f:
    write_po(f, ekstrak(), width=120, no_location=True, sort_output=True)
print(FOLDER / "messages.pot")
