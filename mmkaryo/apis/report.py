"""The static HTML report of an analysis run: one section per image."""
import html
from typing import Sequence

_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
section { border-top: 1px solid #ccc; padding: 1em 0; }
.karyotype { font-size: 1.4em; font-family: monospace; }
.flag { background: #c0392b; color: white; padding: 0.1em 0.5em; border-radius: 0.3em; }
.ok { background: #27ae60; color: white; padding: 0.1em 0.5em; border-radius: 0.3em; }
img { max-width: 48%; vertical-align: top; border: 1px solid #ddd; margin-right: 1%; }
"""


def polarity_note(record: dict) -> str:
    """E.g. ``'bright_on_dark image, inverted for the model'``: the image's polarity and its handling."""
    return f'{record["polarity"]} image' + (', inverted for the model' if record['inverted'] else '')


def render_report(records: Sequence[dict], title: str = 'mmkaryo karyotype report') -> str:
    """Return a self-contained HTML page (no scripts) for per-image records.

    Each record needs ``file_name``, ``karyotype``, ``sanity``, ``normal``, ``num_instances``,
    ``polarity``, ``inverted``, ``overlay`` and ``karyogram`` (image paths relative to the page).
    """
    sections = []
    for record in records:
        name = html.escape(record['file_name'])
        flag = ('<span class="ok">normal karyotype</span>' if record['normal'] else
                '<span class="flag">not a normal karyotype</span>')
        sections.append(
            f'<section id="{name}"><h2>{name}</h2>'
            f'<p><span class="karyotype">{html.escape(record["karyotype"])}</span> {flag} '
            f'&middot; {record["num_instances"]} chromosomes &middot; sanity {record["sanity"]:.2f} '
            f'&middot; {html.escape(polarity_note(record))}</p>'
            f'<img src="{html.escape(record["overlay"])}" alt="{name} overlay">'
            f'<img src="{html.escape(record["karyogram"])}" alt="{name} karyogram"></section>')
    num_flagged = sum(not record['normal'] for record in records)
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<link rel="icon" href="data:,"><title>{html.escape(title)}</title>'
            f'<style>{_STYLE}</style></head>'
            f'<body><h1>{html.escape(title)}</h1><p>{len(records)} images, {num_flagged} flagged as not a '
            'normal karyotype (46,XX or 46,XY).</p>' + ''.join(sections) + '</body></html>\n')
