"""The alignment map as a PNG (matplotlib, the ``map`` extra), for a pull-request comment.

The same picture as the HTML report's: source sentences across, target sentences down; aligned
beads on the diagonal, moved ones in orange, omissions as red columns, additions as yellow rows.
"""

from __future__ import annotations

import io

from ..errors import require
from ..model import Report, Severity
from .layout import findings_by_bead

COLOURS = {"aligned": "#607d8b", "flagged": "#b26a00", "moved": "#ef6c00", "missing": "#c62828", "added": "#fbc02d"}


def render_map_png(report: Report) -> bytes:
    require(("matplotlib",), "drawing the alignment map", "pip install 'aligner[map]'")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    comparisons = report.comparisons
    figure, axes = plt.subplots(1, max(len(comparisons), 1), figsize=(4.2 * max(len(comparisons), 1), 4.6), squeeze=False)
    for ax, comparison in zip(axes[0], comparisons):
        source, target = report.documents[comparison.source], report.documents[comparison.target]
        n, m = max(len(source.sentences), 1), max(len(target.sentences), 1)
        by_bead = findings_by_bead(comparison)
        for index, bead in enumerate(comparison.beads):
            flagged = any(f.severity in (Severity.ERROR, Severity.WARNING) for f in by_bead.get(index, []))
            if bead.source and bead.target:
                kind = "moved" if bead.moved else "flagged" if flagged else "aligned"
                ax.add_patch(Rectangle((min(bead.source), min(bead.target)), len(bead.source), len(bead.target), color=COLOURS[kind]))
            elif bead.source:
                ax.add_patch(Rectangle((min(bead.source), 0), len(bead.source), m, color=COLOURS["missing"], alpha=0.3, linewidth=0))
            else:
                ax.add_patch(Rectangle((0, min(bead.target)), n, len(bead.target), color=COLOURS["added"], alpha=0.45, linewidth=0))
        ax.set_xlim(0, n)
        ax.set_ylim(m, 0)
        ax.set_xlabel(f"{source.path} ({source.language}), sentences →", fontsize=8)
        ax.set_ylabel(f"{target.path} ({target.language}), sentences ↓", fontsize=8)
        ax.set_title(f"{comparison.verdict}, coverage {comparison.coverage_source:.0%} / {comparison.coverage_target:.0%}", fontsize=9)
        ax.tick_params(labelsize=7)
    legend = [Patch(color=c, label=k.replace("flagged", "with a finding").replace("missing", "missing from the target").replace("added", "not in the source")) for k, c in COLOURS.items()]
    figure.legend(handles=legend, loc="lower center", ncol=len(legend), fontsize=7, frameon=False)
    figure.tight_layout(rect=(0, 0.06, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    plt.close(figure)
    return buffer.getvalue()
