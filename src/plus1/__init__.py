"""Plus1: one installation serving many gemeenten from one shared catalog of base processes."""

__version__ = "0.1.0"
