"""The one place masswork's version is written: hatch reads it when building (pyproject's
``[tool.hatch.version]``), ``masswork.__version__`` and ``masswork --version`` import it."""

__version__ = "0.1.0"
