"""The application layer: one typed, Qt-free home per use case, under both front ends.

The command line and the desktop window do the same things — open a data folder, check a lot, record a
decision, attest, verify, report the data's status, import lists, query the register — and both do them
only through this package. A front end parses, asks and shows; it never decides (docs/architecture.md).
"""

from desktop.service.errors import ServiceError
from desktop.service.workspace import Workspace

__all__ = ["ServiceError", "Workspace"]
