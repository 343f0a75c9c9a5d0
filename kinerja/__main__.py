"""``python -m kinerja``: the command line (see ``kinerja.cli``)."""

import sys

from kinerja.cli import main

sys.exit(main())
