"""Timeline of compounds' clinical phases over time: one row per compound, coloured by owner.

Every phase statement in the graph is a dated record (``?compound pkg:phaseRecord ?rec``, with
``pkg:phase``, ``pkg:phaseDate`` = the stating document's date, ``pkg:phaseStatus`` "current" or
"planned"; see :mod:`pharmakg.graph.rdf`). :func:`timeline_rows` reads them with one SPARQL query and
groups them per compound; :func:`write_png` draws them with matplotlib (an optional extra:
``pip install 'pharmakg[timeline-png]'``), :func:`write_html` as a self-contained page with a hand-built
SVG (no script, no remote resource; tooltips name the compound, phase, date and document). A marker is
one (date, status) point; planned stages are drawn hollow.
"""

from __future__ import annotations

import html
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pharmakg import atomic
from pharmakg.atomic import atomic_path
from pharmakg.graph.queries import load_internal_query

UNKNOWN_OWNER = "unknown"
UNKNOWN_COLOR = "#9e9e9e"
# Tableau 10 without its grey (grey means "unknown owner"), then a few extra distinguishable colours.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
    "#e6550d",
    "#31a354",
    "#756bb1",
)

# Everything the timeline shows, in one query (queries/internal/timeline.rq); ``company`` is bound.
TIMELINE_QUERY = load_internal_query("timeline")
COMPOUNDS_QUERY = load_internal_query("timeline-compounds")
# The page names the compounds it cannot draw; more than this many end with "and N more".
MAX_UNDRAWN_NAMES = 40
PNG_EXTRA = "pip install 'pharmakg[timeline-png]'"


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def timeline_rows(kg: Any, company: str | None = None) -> list[dict[str, Any]]:
    """One dict per compound that has phase records, in the order the timeline draws them.

    Keys: ``compound`` (skos:prefLabel), ``iri``, ``owner`` (first developer alphabetically, or
    "unknown"), ``owners`` (all developers), ``records`` (list of dicts ``phase``, ``rank``, ``date``
    (ISO string or None), ``status`` ("current"/"planned"), ``document``; sorted by date then rank),
    ``first`` / ``last`` (ISO dates of the first and last dated record, None if none is dated).
    Rows are sorted by first date, then name. ``company`` keeps the compounds that company develops
    (any of its names, case-insensitive).
    """
    bindings = {"company": company} if company else None
    result = kg.query(TIMELINE_QUERY, bindings)
    owners: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    records: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = defaultdict(dict)
    for r in result.records():
        c = str(r["c"])
        names[c] = str(r["compound"])
        if r.get("owner") is not None:
            owners[c].add(str(r["owner"]))
        rec = {
            "phase": str(r["phase"]),
            "rank": int(r["rank"]) if r.get("rank") is not None else None,
            "date": str(r["date"])[:10] if r.get("date") is not None else None,
            "status": str(r["status"]) if r.get("status") is not None else "current",
            "document": str(r["document"]) if r.get("document") is not None else None,
        }
        # keyed by record IRI: the owner join repeats each record once per owner
        records[c][(str(r["rec"]),)] = rec
    rows: list[dict[str, Any]] = []
    for c, recs in records.items():
        ordered = sorted(
            recs.values(),
            key=lambda x: (
                x["date"] or "",
                -1 if x["rank"] is None else x["rank"],
                x["phase"],
                x["document"] or "",
            ),
        )
        dated = [x["date"] for x in ordered if x["date"]]
        own = sorted(owners.get(c, ()), key=lambda s: (s.casefold(), s))
        rows.append(
            {
                "compound": names[c],
                "iri": c,
                "owner": own[0] if own else UNKNOWN_OWNER,
                "owners": own,
                "records": ordered,
                "first": min(dated) if dated else None,
                "last": max(dated) if dated else None,
            }
        )
    rows.sort(key=lambda r: (r["first"] or "9999", r["compound"].casefold(), r["iri"]))
    return rows


def compounds_without_stage(kg: Any, rows: list[dict[str, Any]], company: str | None = None) -> list[str]:
    """The names of the compounds (of ``company``, if given) that ``rows`` cannot draw: no phase record
    dated by its document. Their releases state no stage the extraction reads (a partner's drug named in a
    combination, a licensed asset without its phase), so the timeline names them rather than hide them."""
    drawn = {r["iri"] for r in rows if r["first"]}
    result = kg.query(COMPOUNDS_QUERY, {"company": company} if company else None)
    names = {str(r["c"]): str(r["compound"]) for r in result.records() if str(r["c"]) not in drawn}
    return sorted(names.values(), key=lambda n: (n.casefold(), n))


def owner_colors(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Owner -> hex colour; owners with most compounds get the first colours, "unknown" is grey."""
    count: dict[str, int] = defaultdict(int)
    for r in rows:
        count[r["owner"]] += 1
    owners = sorted((o for o in count if o != UNKNOWN_OWNER), key=lambda o: (-count[o], o.casefold(), o))
    colors = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(owners)}
    if UNKNOWN_OWNER in count:
        colors[UNKNOWN_OWNER] = UNKNOWN_COLOR
    return colors


def _points(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The row's markers, one per date: the phases stated that day ("Phase 1 / Phase 2"), the planned
    ones marked so ("Phase 1 (plans Phase 2)"); hollow (``planned``) only when every record is planned."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for rec in row["records"]:
        if rec["date"] and _as_date(rec["date"]):
            groups.setdefault(rec["date"], []).append(rec)
    points = []
    for day, recs in sorted(groups.items()):
        current = list(dict.fromkeys(x["phase"] for x in recs if x["status"] != "planned"))
        planned = [
            p for p in dict.fromkeys(x["phase"] for x in recs if x["status"] == "planned") if p not in current
        ]
        if current and planned:
            label = f"{' / '.join(current)} (plans {' / '.join(planned)})"
        elif current:
            label = " / ".join(current)
        else:
            label = f"{' / '.join(planned)} (planned)"
        docs = sorted({x["document"] for x in recs if x["document"]})
        points.append(
            {
                "date": _as_date(day),
                "iso": day,
                "status": "current" if current else "planned",
                "phases": current,
                "planned": planned,
                "label": label,
                "documents": docs,
            }
        )
    return points


def _flip_labels(xs: list[float], labels: list[str], char_width: float) -> list[bool]:
    """Whether each label goes above its marker: below when it would overlap the previous label."""
    out: list[bool] = []
    prev_x, prev_w, above = -1e18, 0.0, False
    for x, label in zip(xs, labels, strict=True):
        w = len(label) * char_width
        above = (not above) if (x - prev_x) < (w + prev_w) / 2 else True
        out.append(above)
        prev_x, prev_w = x, w
    return out


def _drawable(rows: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    return [(r, pts) for r in rows if (pts := _points(r))]


def _span(drawn: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> tuple[date, date]:
    days = [p["date"] for _r, pts in drawn for p in pts]
    lo, hi = min(days), max(days)
    pad = max((hi - lo).days // 20, 90)  # a little room either side, at least three months
    return lo - timedelta(days=pad), hi + timedelta(days=pad)


def _default_title(company: str | None) -> str:
    return f"Clinical phases over time: {company}" if company else "Clinical phases over time"


# ----------------------------------------------------------------------------------------------- PNG


def write_png(kg: Any, path: str | Path, title: str | None = None, company: str | None = None) -> Path:
    """Draw the timeline with matplotlib (Agg backend, no display needed) and save it as PNG."""
    try:
        import matplotlib
    except ImportError as exc:  # an optional extra: the HTML timeline needs nothing
        raise ImportError(f"the PNG timeline needs matplotlib: {PNG_EXTRA} (or write .html)") from exc

    matplotlib.use("Agg")  # headless: works in CI and notebooks alike
    import matplotlib.pyplot as plt

    drawn = _drawable(timeline_rows(kg, company))
    colors = owner_colors([r for r, _ in drawn])
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Names and titles come from documents: "$" must stay a dollar sign, never start mathtext or TeX (a lone
    # one used to crash the drawing), so no text of the figure is parsed as math.
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        return _draw_png(plt, drawn, colors, out, title or _default_title(company))


def _draw_png(plt: Any, drawn: Any, colors: dict[str, str], out: Path, title: str) -> Path:
    height = 1.6 + 0.42 * max(len(drawn), 2)
    fig, ax = plt.subplots(figsize=(11, height), dpi=110)
    try:
        ax.set_title(title, loc="left", fontsize=12)
        if not drawn:
            ax.text(
                0.5,
                0.5,
                "no dated phase records in this graph",
                ha="center",
                va="center",
                transform=ax.transAxes,
                color="#555555",
            )
            ax.set_axis_off()
        else:
            _draw_rows(ax, drawn, colors)
            _draw_axes_and_legend(ax, drawn, colors)
        fig.tight_layout()
        with atomic_path(out) as tmp:
            fig.savefig(tmp, format="png")
    finally:
        plt.close(fig)
    return out


def _draw_rows(
    ax: Any, drawn: list[tuple[dict[str, Any], list[dict[str, Any]]]], colors: dict[str, str]
) -> None:
    """One line per compound from its first to its last dated stage, a dot and a label per stage."""
    import matplotlib.dates as mdates

    lo, hi = _span(drawn)
    span_days = max((hi - lo).days, 1)
    for y, (row, pts) in enumerate(drawn):
        color = colors[row["owner"]]
        xs = [p["date"] for p in pts]
        if len(xs) > 1:
            ax.plot([min(xs), max(xs)], [y, y], color=color, linewidth=2, alpha=0.6, zorder=1)
        # ~140 characters of 7 pt text fit across the axes: a label's width in days
        sides = _flip_labels([float(x.toordinal()) for x in xs], [p["label"] for p in pts], span_days / 140)
        for p, above in zip(pts, sides, strict=True):
            planned = p["status"] == "planned"
            ax.scatter(
                [p["date"]],
                [y],
                s=60,
                zorder=3,
                color=color,
                facecolors="white" if planned else color,
                linewidths=1.5,
            )
            ax.annotate(
                p["label"],
                (mdates.date2num(p["date"]), y),
                textcoords="offset points",
                xytext=(0, 7 if above else -13),
                ha="center",
                fontsize=7,
                color="#333333",
            )


def _draw_axes_and_legend(
    ax: Any, drawn: list[tuple[dict[str, Any], list[dict[str, Any]]]], colors: dict[str, str]
) -> None:
    """Compound names on the y axis (first on top), concise dates on the x axis, owners in the legend."""
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    lo, hi = _span(drawn)
    ax.set_yticks(range(len(drawn)), [r["compound"] for r, _ in drawn], fontsize=8)
    ax.set_ylim(len(drawn) - 0.4, -0.6)  # first compound on top
    ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Line2D([], [], marker="o", linestyle="-", color=c, label=o) for o, c in colors.items()]
    if any(p["status"] == "planned" for _r, pts in drawn for p in pts):
        planned = Line2D(
            [], [], marker="o", linestyle="", color="#555555", markerfacecolor="white", label="planned"
        )
        handles.append(planned)
    ax.legend(
        handles=handles,
        title="owner",
        fontsize=8,
        title_fontsize=8,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
    )


# ---------------------------------------------------------------------------------------------- HTML

_ROW_H = 44
_TOP = 30
_BOTTOM = 40
_WIDTH = 1100
_CHAR_W = 7.0  # generous width of a 12px sans-serif character, for the name column


def _e(text: Any) -> str:
    """Document text is data: escaped for element content and attribute values alike."""
    return html.escape(str(text), quote=True)


def _svg(drawn: list[tuple[dict[str, Any], list[dict[str, Any]]]], colors: dict[str, str]) -> str:
    longest = max(len(r["compound"]) for r, _ in drawn)
    name_w = int(min(max(longest * _CHAR_W + 30, 120), 320))
    max_chars = round((name_w - 30) / _CHAR_W)
    left, right = name_w, _WIDTH - 40
    height = _TOP + _ROW_H * len(drawn) + _BOTTOM
    lo, hi = _span(drawn)
    total = max((hi - lo).days, 1)

    def x(d: date) -> float:
        return round(left + (right - left) * (d - lo).days / total, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" font-family="sans-serif">'
    ]
    axis_y = _TOP + _ROW_H * len(drawn) + 4
    for i in range(1, len(drawn), 2):  # zebra stripes first, so grid lines stay visible on them
        parts.append(
            f'<rect x="0" y="{_TOP + _ROW_H * i}" width="{_WIDTH}" height="{_ROW_H}" fill="#f5f5f5"/>'
        )
    # year gridlines and labels; every other year when the span is long
    years = list(range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1))
    step = max(1, len(years) // 15 + (1 if len(years) > 15 else 0))
    for yr in years[::step]:
        gx = x(date(yr, 1, 1))
        parts.append(f'<line x1="{gx}" y1="{_TOP - 10}" x2="{gx}" y2="{axis_y}" stroke="#e3e3e3"/>')
        parts.append(
            f'<text x="{gx}" y="{axis_y + 16}" font-size="11" text-anchor="middle" fill="#444">{yr}</text>'
        )
    parts.append(f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="#888"/>')

    for i, (row, pts) in enumerate(drawn):
        y = _TOP + _ROW_H * i + _ROW_H // 2
        color = colors[row["owner"]]
        name = row["compound"]
        shown = name if len(name) <= max_chars else name[: max_chars - 1] + "…"
        parts.append(
            f'<text x="{left - 12}" y="{y + 4}" font-size="12" text-anchor="end" fill="#222">'
            f"<title>{_e(name)} (owner: {_e(', '.join(row['owners']) or UNKNOWN_OWNER)})</title>"
            f"{_e(shown)}</text>"
        )
        xs = [x(p["date"]) for p in pts]
        if len(xs) > 1:
            parts.append(
                f'<line x1="{min(xs)}" y1="{y}" x2="{max(xs)}" y2="{y}" stroke="{color}" '
                f'stroke-width="3" stroke-opacity="0.6"/>'
            )
        sides = _flip_labels(xs, [p["label"] for p in pts], 5.6)  # 10px text: ~5.6px a character
        for p, px, above in zip(pts, xs, sides, strict=True):
            planned = p["status"] == "planned"
            tip = "\n".join(
                [
                    f"{name}: {p['label']}",
                    f"date: {p['iso']}",
                    *(f"document: {d}" for d in p["documents"]),
                ]
            )
            fill = "#ffffff" if planned else color
            parts.append(
                f'<g><title>{_e(tip)}</title><circle cx="{px}" cy="{y}" r="6.5" fill="{fill}" '
                f'stroke="{color}" stroke-width="2"/></g>'
            )
            ly = y - 11 if above else y + 21
            parts.append(
                f'<text x="{px}" y="{ly}" font-size="10" text-anchor="middle" fill="#333">'
                f"{_e(p['label'])}</text>"
            )
    parts.append("</svg>")
    return "\n".join(parts)


def _undrawn_note(names: list[str]) -> str:
    """The paragraph naming the compounds without a dated stage (empty when there are none)."""
    if not names:
        return ""
    shown = ", ".join(_e(n) for n in names[:MAX_UNDRAWN_NAMES])
    more = f" and {len(names) - MAX_UNDRAWN_NAMES} more" if len(names) > MAX_UNDRAWN_NAMES else ""
    return (
        f'<p class="meta" id="undrawn">{len(names)} other compound(s) have no dated stage in this graph '
        f"(no phase stated by a dated document), so no row: {shown}{more}.</p>"
    )


def render_html(kg: Any, title: str | None = None, company: str | None = None) -> str:
    """The timeline page as a string (see :func:`write_html`)."""
    rows = timeline_rows(kg, company)
    drawn = _drawable(rows)
    colors = owner_colors([r for r, _ in drawn])
    heading = title or _default_title(company)
    legend = "".join(
        f'<li><span class="sw" style="background:{c}"></span>{_e(o)}</li>' for o, c in colors.items()
    )
    if any(p["status"] == "planned" for _r, pts in drawn for p in pts):
        legend += '<li><span class="sw planned"></span>planned (hollow)</li>'
    body = _svg(drawn, colors) if drawn else '<p class="empty">No dated phase records in this graph.</p>'
    note = _undrawn_note(compounds_without_stage(kg, rows, company))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{_e(heading)}</title>
<style>
body {{ font-family: sans-serif; margin: 16px; color: #222; background: #fff; }}
h1 {{ font-size: 18px; margin: 0 0 6px; }}
p.meta {{ font-size: 12px; color: #555; margin: 0 0 8px; }}
ul.legend {{ list-style: none; padding: 0; margin: 0 0 10px; display: flex; flex-wrap: wrap; gap: 14px;
  font-size: 12px; }}
.sw {{ display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 5px;
  vertical-align: -1px; }}
.sw.planned {{ background: #fff; border: 2px solid #555; width: 8px; height: 8px; }}
</style>
</head>
<body>
<h1>{_e(heading)}</h1>
<p class="meta">{len(drawn)} compounds, one row each, coloured by owner; a dot per phase statement at
the date of the document that states it (hover for the document).</p>
{note}
<ul class="legend">{legend}</ul>
{body}
</body>
</html>
"""


def write_html(kg: Any, path: str | Path, title: str | None = None, company: str | None = None) -> Path:
    """Write the timeline as one self-contained HTML page (inline SVG, no script, no remote resource)."""
    out = Path(path)
    atomic.write_text(out, render_html(kg, title, company))
    return out


def write_timeline(kg: Any, path: str | Path, title: str | None = None, company: str | None = None) -> Path:
    """PNG or HTML by the suffix of ``path`` (.png, .html/.htm)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".png":
        return write_png(kg, path, title, company)
    if suffix in (".html", ".htm"):
        return write_html(kg, path, title, company)
    raise ValueError(f"{path}: the timeline is written as .png or .html")
