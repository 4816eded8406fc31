"""`python -m desktop` starts Clearstone exactly like the `clearstone` command."""

import sys

from desktop.app import main

sys.exit(main())
