"""``python -m govbudget``: the same as the ``govbudget`` command."""

import sys

from govbudget.cli import main

sys.exit(main())
