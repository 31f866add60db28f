"""One fact's values over time as inline SVG: a mark per claim at its document's date (a dot for
an exact figure, a dot with a whisker for an approximation, an arrow for a bound, a bar for a
range), the reference figure as a dashed line, reviewed verdicts as a ring with a letter."""
from __future__ import annotations

import datetime as dt
import math

from claimhouse.flows.report.markup import text

WIDTH, HEIGHT = 680, 260
LEFT, RIGHT, TOP, BOTTOM = 84, 20, 18, 38
LOG_RATIO = 50.0  # a log scale when the largest value is this many times the smallest
RATING_LETTERS = {"true": "T", "false": "F", "misleading": "M", "unproven": "U"}


def _bounds(p: dict) -> tuple[float | None, float | None, float | None]:
    """(low end, mark, high end) of what the claim says, in its unit."""
    value, low, high, q = p["value"], p["low"], p["high"], p["qualifier"]
    if q == "range":
        return low, None, high
    if q == "lower_bound":
        return low if low is not None else value, low if low is not None else value, None
    if q == "upper_bound":
        return None, high if high is not None else value, high if high is not None else value
    if value is None:
        return None, None, None
    lo_i, hi_i = p["interval_low"], p["interval_high"]
    if q == "approximate" and lo_i is not None and hi_i is not None and math.isfinite(lo_i) and math.isfinite(hi_i):
        mid = (lo_i + hi_i) / 2
        rel = (hi_i - lo_i) / (2 * abs(mid)) if mid else 0.0
        return value * (1 - rel), value, value * (1 + rel)
    return value, value, value


def _finite(values) -> list[float]:
    return [v for v in values if v is not None and math.isfinite(v)]


def _fmt(v: float) -> str:
    if abs(v) >= 1e6:
        return f"{v / 1e6:,.3g}M"
    return f"{v:,.4g}" if abs(v) < 1000 else f"{v:,.0f}"


def chart(fact: dict) -> str:
    points = fact["points"]
    bounds = [_bounds(p) for p in points]
    references = sorted({(p["reference_value"], p["publisher"] or "", p["reference_period"] or "")
                         for p in points if p["reference_value"] is not None})
    values = _finite([v for b in bounds for v in b] + [r[0] for r in references])
    if not values:
        return '<p class="empty">No values to chart.</p>'
    vmin, vmax = min(values), max(values)
    log = vmin > 0 and vmax / vmin > LOG_RATIO
    f = math.log10 if log else (lambda v: v)
    lo, hi = f(vmin), f(vmax)
    pad = (hi - lo) * 0.12 or (abs(hi) * 0.1 or 1.0)
    lo, hi = lo - pad, hi + pad
    plot_h, plot_w = HEIGHT - TOP - BOTTOM, WIDTH - LEFT - RIGHT

    def y(v: float) -> float:
        return TOP + plot_h * (1 - (f(v) - lo) / (hi - lo))

    days = [p["published_at"].toordinal() if isinstance(p["published_at"], dt.date) else 0 for p in points]
    d0, d1 = min(days), max(days)

    def x(i: int) -> float:
        if d1 == d0:
            return LEFT + plot_w * (i + 1) / (len(points) + 1)
        return LEFT + 12 + (plot_w - 24) * (days[i] - d0) / (d1 - d0)

    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{text(fact["subject"])}: values over time</title>',
             f'<rect class="plot" x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}"/>']
    for v in (vmin, vmax) if vmin != vmax else (vmin,):
        parts.append(f'<text class="axis" x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{text(_fmt(v))}</text>'
                     f'<line class="tick" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>')
    for i in {days.index(d0), days.index(d1)}:
        date = points[i]["published_at"]
        parts.append(f'<text class="axis" x="{x(i):.1f}" y="{HEIGHT - 14}" text-anchor="middle">'
                     f'{text(date.isoformat() if date else "undated")}</text>')
    if log:
        parts.append(f'<text class="axis" x="{LEFT}" y="{HEIGHT - 2}">log scale</text>')
    for value, publisher, period in references:
        parts.append(f'<g class="reference-line"><title>{text(publisher)}: {text(_fmt(value))} ({text(period)})'
                     f'</title><line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
                     f'<text x="{LEFT + plot_w - 4}" y="{y(value) - 5:.1f}" text-anchor="end">'
                     f'{text(publisher)} {text(_fmt(value))}</text></g>')
    for i, (p, (b_lo, mark, b_hi)) in enumerate(zip(points, bounds, strict=True)):
        parts.append(_mark(p, x(i), y, b_lo, mark, b_hi, TOP, TOP + plot_h))
    parts.append("</svg>")
    return "".join(parts)


def _mark(p: dict, cx: float, y, b_lo, mark, b_hi, top: float, bottom: float) -> str:
    q = p["qualifier"]
    label = f'{p["quote"]} — {p["title"] or p["uri"]} ({p["published_at"] or "undated"})'
    body = []
    if q == "range" and b_lo is not None and b_hi is not None:
        body.append(f'<rect x="{cx - 4:.1f}" y="{y(b_hi):.1f}" width="8" height="{max(y(b_lo) - y(b_hi), 2):.1f}"/>')
        anchor = (y(b_lo) + y(b_hi)) / 2
    elif q == "lower_bound" and mark is not None:
        my = y(mark)
        body.append(f'<line class="reach" x1="{cx:.1f}" x2="{cx:.1f}" y1="{my:.1f}" y2="{top + 2}"/>'
                    f'<path d="M{cx - 6:.1f},{my + 4:.1f} L{cx + 6:.1f},{my + 4:.1f} L{cx:.1f},{my - 6:.1f} Z"/>')
        anchor = my
    elif q == "upper_bound" and mark is not None:
        my = y(mark)
        body.append(f'<line class="reach" x1="{cx:.1f}" x2="{cx:.1f}" y1="{my:.1f}" y2="{bottom - 2}"/>'
                    f'<path d="M{cx - 6:.1f},{my - 4:.1f} L{cx + 6:.1f},{my - 4:.1f} L{cx:.1f},{my + 6:.1f} Z"/>')
        anchor = my
    elif mark is not None:
        my = y(mark)
        if q == "approximate" and b_lo is not None and b_hi is not None and b_hi > b_lo:
            body.append(f'<line class="whisker" x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(b_hi):.1f}" y2="{y(b_lo):.1f}"/>'
                        f'<line class="whisker" x1="{cx - 4:.1f}" x2="{cx + 4:.1f}" y1="{y(b_hi):.1f}" '
                        f'y2="{y(b_hi):.1f}"/><line class="whisker" x1="{cx - 4:.1f}" x2="{cx + 4:.1f}" '
                        f'y1="{y(b_lo):.1f}" y2="{y(b_lo):.1f}"/>')
        body.append(f'<circle cx="{cx:.1f}" cy="{my:.1f}" r="5"/>')
        anchor = my
    else:
        return ""
    if p["rating"] in RATING_LETTERS:
        body.append(f'<g class="verdict rating-{p["rating"]}"><circle cx="{cx:.1f}" cy="{anchor:.1f}" r="10"/>'
                    f'<text x="{cx + 12:.1f}" y="{anchor - 8:.1f}">{RATING_LETTERS[p["rating"]]}</text></g>')
    checked = f' check-{p["verdict"].replace(" ", "-")}' if p["verdict"] else ""
    return f'<g class="mark {q}{checked}"><title>{text(label)}</title>{"".join(body)}</g>'
