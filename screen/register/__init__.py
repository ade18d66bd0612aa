"""The curated risk register: security and justice bodies linked to abuses, the links
between them, host-country indicators and assistance types (shipped in ``watchlists/``,
extended by users' own folders in the same format)."""

from .graph import Chain, Step, chains
from .load import Problem, RegisterError, check_folders, load_register, shipped_folder
from .model import AssistanceType, Body, Country, Register, Source

__all__ = [
    "AssistanceType", "Body", "Chain", "Country", "Problem", "Register", "RegisterError", "Source", "Step",
    "chains", "check_folders", "load_register", "shipped_folder",
]
