"""ConflictKG: Arabic documents about the Syrian war, mapped to a knowledge graph of
events, armed groups, places and claims, each claim tied to its source and text span."""

__version__ = "0.1.0"
