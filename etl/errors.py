"""Errors the CLI reports as a one-line reason."""


class ModelMissing(RuntimeError):
    """The configured spaCy pipeline is not installed or lacks a parser/NER."""
