"""sentence-transformers backend (the ``st`` extra): any local model directory or cached model.

Nothing here may reach the network: the Hugging Face offline switches are set before
sentence-transformers is imported, and a model is only loaded once it has been found on disk.
torch is imported when an encoder is built, never when this module is imported.
"""

from __future__ import annotations

import hashlib
import logging
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Sequence

import numpy as np

from aligner.errors import AlignerError

INSTALL_HINT = "the sentence-transformers backend needs the st extra: pip install 'aligner[st]'"
# Files of a model directory that do not change what it computes.
_FINGERPRINT_SKIP = {".git", "README.md"}


class SentenceTransformerEncoder:
    """Embeds with a sentence-transformers model on CPU.

    ``model`` is a model directory or the name of a model already in the local Hugging Face
    cache. ``prefix`` is prepended to every text; when it is None the model's default prompt
    (``config_sentence_transformers.json``) is used, or no prefix if it has none.
    """

    def __init__(self, model: str | os.PathLike, prefix: str | None = None) -> None:
        directory, identity = resolve_model(str(model))
        self._model = _load(directory)
        self.prefix = self._default_prompt() if prefix is None else prefix
        self.dim = _dimension(self._model)
        self.name = f"st/{identity}/prefix={self.prefix!r}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            prompt=self.prefix,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def _default_prompt(self) -> str:
        name = self._model.default_prompt_name
        return self._model.prompts.get(name, "") if name else ""


def resolve_model(spec: str) -> tuple[Path, str]:
    """Find the model on disk: (directory, identity for the embedding cache's key)."""
    path = Path(spec).expanduser()
    if path.is_dir():
        return path.resolve(), f"{path.resolve().name}@{_directory_fingerprint(path)}"
    if not _looks_like_repo_id(spec):
        raise AlignerError(f"model directory {spec} does not exist")
    _set_offline()
    for repo_id in _candidate_repo_ids(spec):
        snapshot = _cached_snapshot(repo_id)
        if snapshot is not None:
            return snapshot, f"{repo_id}@{snapshot.name}"
    raise AlignerError(
        f"model {spec!r} is not available offline: give a model directory or a model name in the local cache"
    )


def _looks_like_repo_id(spec: str) -> bool:
    parts = spec.split("/")
    return 1 <= len(parts) <= 2 and all(parts) and not spec.startswith((".", "~"))


def _candidate_repo_ids(spec: str) -> list[str]:
    """``all-MiniLM-L6-v2`` is also looked up as ``sentence-transformers/all-MiniLM-L6-v2``."""
    return [spec] if "/" in spec else [spec, f"sentence-transformers/{spec}"]


def _cached_snapshot(repo_id: str) -> Path | None:
    """The cached snapshot of ``repo_id``, looked up without any network access."""
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError
    except ImportError:
        raise AlignerError(INSTALL_HINT) from None
    try:
        return Path(snapshot_download(repo_id, local_files_only=True))
    except (LocalEntryNotFoundError, HFValidationError, FileNotFoundError):
        return None


def _directory_fingerprint(directory: Path) -> str:
    """A cheap identity of a model directory's contents: every file's path, size and mtime."""
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not _FINGERPRINT_SKIP & set(path.relative_to(directory).parts):
            stat = path.stat()
            digest.update(f"{path.relative_to(directory)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:12]


def _set_offline() -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def _dimension(model) -> int:
    # sentence-transformers 6 renamed get_sentence_embedding_dimension; the extra allows >= 3.
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(getter())


@contextmanager
def _quiet_loggers(*names: str):
    """Keep library notices (e.g. "default prompt name is set") off the user's terminal."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _load(directory: Path):
    _set_offline()
    try:
        from sentence_transformers import SentenceTransformer  # imports torch
        from transformers.utils import logging as transformers_logging
    except ImportError:
        raise AlignerError(INSTALL_HINT) from None
    transformers_logging.disable_progress_bar()
    try:
        with _quiet_loggers("sentence_transformers", "transformers"):
            return SentenceTransformer(str(directory), device="cpu", local_files_only=True)
    except Exception as exc:  # whatever breaks here is in the user's model directory, not in aligner
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise AlignerError(f"cannot load the sentence-transformers model in {directory}: {first_line}") from None
