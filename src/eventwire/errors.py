"""Every error eventwire raises, named after the condition, with a message a user can act on."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: every error the library raises on purpose."""

    code = "E000"


class UnsupportedInput(EventwireError):
    """The input is not something eventwire can read (binary, empty, unknown format)."""

    code = "E001"


class EmptyInput(UnsupportedInput):
    """The input holds no bytes or no text."""

    code = "E002"


class DecodeError(UnsupportedInput):
    """The input's bytes could not be decoded as text."""

    code = "E003"


class InputTooLarge(UnsupportedInput):
    """The input is larger than the configured size cap."""

    code = "E004"


class ExtractionFailed(EventwireError):
    """No article could be extracted from the document."""

    code = "E010"


class ModelNotInstalled(EventwireError):
    """The configured spaCy pipeline is not installed."""

    code = "E020"


class DataFileError(EventwireError):
    """A lexicon, ontology or dictionary file is malformed."""

    code = "E030"


class StoreError(EventwireError):
    """The database cannot be opened or migrated."""

    code = "E040"


class BadQuery(EventwireError):
    """A query parameter (filter, grouping, order, export format) has a value eventwire cannot use."""

    code = "E050"


class NotFound(EventwireError):
    """A requested record does not exist."""

    code = "E404"
