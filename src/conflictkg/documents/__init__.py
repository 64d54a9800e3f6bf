"""Documents: read files and folders, decode them, attach their metadata.

    from conflictkg.documents import iter_documents, Document, LoadError

    for item in iter_documents([Path("corpus")]):
        if isinstance(item, LoadError):
            print(item)  # "corpus/x.txt: binary file, not text"
        else:
            print(item.file, item.publisher, item.published, item.language)

A document's text is its decoded text with line ends normalised to ``\\n`` and
nothing else changed; offsets everywhere count code points of that text.
"""

from conflictkg.documents.loaders import DEFAULT_MAX_BYTES, iter_documents, load_bytes
from conflictkg.documents.manifest import MANIFEST_NAME, load_manifest
from conflictkg.documents.metadata import normalise_date
from conflictkg.documents.model import Document, LoadError, detect_language

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MANIFEST_NAME",
    "Document",
    "LoadError",
    "detect_language",
    "iter_documents",
    "load_bytes",
    "load_manifest",
    "normalise_date",
]
