"""Repository runs (``aligner check``): configuration, discovery of document groups, git, baselines, suppressions."""

from .check import Options, run_check
from .config import Config, find_config

__all__ = ["Config", "Options", "find_config", "run_check"]
