"""aligner: check that translations say what the original says.

Pipeline, top-down: ``load`` → ``segment`` → ``embed`` → ``align`` → ``check`` → ``report``;
``pipeline.compare`` runs it, ``cli`` is the command line.
"""

__version__ = "0.1.0"
