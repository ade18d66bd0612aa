"""The assessment stage: a project file in, red flags, overall risk, approval level,
mitigations and monitoring out (``run_assessment``; ``assess`` is the pure core)."""

from .assessment import Assessment, assess, screen_parties
from .project import Party, Project, ProjectError, load_project
from .service import run_assessment

__all__ = ["Assessment", "Party", "Project", "ProjectError", "assess", "load_project", "run_assessment",
           "screen_parties"]
