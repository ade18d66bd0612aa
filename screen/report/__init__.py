"""Renderers: results → text for people (rich) and machines (JSON). No decisions here."""
