"""Match names against the compiled list indexes: retrieve candidates, score, explain."""

from .engine import Hit, MatchConfig, Matcher, MatchResult, Query, canonical_kind

__all__ = ["Hit", "MatchConfig", "MatchResult", "Matcher", "Query", "canonical_kind"]
