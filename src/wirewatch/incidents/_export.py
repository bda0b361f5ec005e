"""Writing incidents out: GDELT 2.0's event table, reports as CSV or Parquet, and networks as GraphML or GEXF.

``gdelt`` writes one row per incident with the 61 columns of GDELT 2.0's event table, in its order, tab-separated
and without a header, as GDELT's own files are (:data:`GDELT_COLUMNS` names them, :data:`GDELT_TYPES` gives their
types). ``NumMentions`` counts the incident's reports and their copies, ``NumSources`` its independent outlets,
``NumArticles`` the documents that carried it; ``AvgTone`` is left empty. Actor country codes are the ISO 3166
alpha-3 codes wirewatch and CAMEO use; ``ActionGeo_CountryCode`` is FIPS 10-4, as in GDELT (``data/fips.tsv``), and
``ActionGeo_Type`` is 1 for a country, 3 for a US city, 4 for any other city. ``csv`` and ``parquet`` write one row
per report, with its incident (:data:`REPORT_COLUMNS`).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..records import Location
from ._analyse import Network
from ._report import Incident

__all__ = ["GDELT_COLUMNS", "GDELT_TYPES", "REPORT_COLUMNS", "fips", "gdelt_row", "network_json", "write_gdelt",
           "write_graph", "write_reports"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
#: GDELT 2.0's event table, column by column in its order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_INTEGERS = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
             "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"}
_DOUBLES = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
            "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}
#: The DuckDB type of each GDELT column (codes such as EventCode are strings: "043" keeps its zero).
GDELT_TYPES: dict[str, str] = {c: "BIGINT" if c in _INTEGERS else "DOUBLE" if c in _DOUBLES else "VARCHAR"
                               for c in GDELT_COLUMNS}
#: The columns of the CSV and Parquet exports: one row per report, with its incident.
REPORT_COLUMNS: tuple[str, ...] = (
    "incident_id", "incident_type", "incident_status", "incident_date", "incident_date_precision", "incident_source",
    "incident_target", "outlets", "event_id", "article_id", "type", "side", "modality", "according_to", "outlet",
    "url", "published", "sentence", "goldstein", "quad_class", "cameo_code",
)  # fmt: skip

Actors = dict[str, tuple[str, str | None, str | None, str | None]]


def _global_id(incident_id: str) -> int:
    return int(hashlib.sha1(incident_id.encode()).hexdigest()[:15], 16)


@functools.cache
def _fips_codes() -> dict[str, str]:
    lines = (Path(__file__).parent / "data" / "fips.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


def fips(place: Location) -> str | None:
    """The FIPS 10-4 code GDELT gives a place's country (Gaza's own GZ for a place named Gaza)."""
    if place.country == "PSE" and "gaza" in place.name.lower():
        return "GZ"
    return _fips_codes().get(place.country or "")


def _action_geo(geo: Location | None) -> list[Any]:
    if geo is None:
        return [None] * len(_GEO)
    kind = 1 if geo.lat is None else 3 if geo.country == "USA" else 4
    return [kind, geo.name, fips(geo), None, None, geo.lat, geo.lon, None]


def gdelt_row(incident: Incident, actors: Actors) -> list[Any]:
    """The GDELT 2.0 event row of one incident, in :data:`GDELT_COLUMNS` order."""
    lead = incident.lead
    day = incident.date or incident.first_reported or dt.date(1970, 1, 1)
    action = _action_geo(lead.location)
    code = lead.cameo_code
    articles = {r.article_id for r in incident.reports}
    added = min((r.added for r in incident.reports if r.added), default=None)
    return [
        _global_id(incident.id), int(day.strftime("%Y%m%d")), int(day.strftime("%Y%m")), day.year,
        round(day.year + (day.timetuple().tm_yday - 1) / 365, 4),
        *_actor(incident.source, actors), *_actor(incident.target, actors),
        1, code, code[:3], code[:2], lead.quad_class, lead.goldstein,
        len(incident.reports) + len(incident.copies), len(incident.outlets), len(articles) + len(incident.copies),
        None, *([None] * 8), *([None] * 8), *action,
        int(added.strftime("%Y%m%d%H%M%S")) if added else None, lead.url,
    ]  # fmt: skip


def _actor(keys: Sequence[str], actors: Actors) -> list[Any]:
    if not keys:
        return [None] * len(_ACTOR)
    name, country, sector, code = actors.get(keys[0], (keys[0], None, None, None))
    return [code, name.upper(), country, None, None, None, None, sector, None, None]


def write_gdelt(incidents: Iterable[Incident], actors: Actors, out: str | os.PathLike[str]) -> int:
    """Write GDELT 2.0 event rows (tab-separated, no header); return the rows written."""
    written = 0
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        for incident in incidents:
            writer.writerow(["" if v is None else v for v in gdelt_row(incident, actors)])
            written += 1
    return written


def _report_rows(incidents: Iterable[Incident]) -> list[tuple[Any, ...]]:
    return [(i.id, i.type, i.status, i.date, i.date_precision, ";".join(i.source), ";".join(i.target),
             len(i.outlets), r.event_id, r.article_id, r.type, r.side, r.modality, r.according_to, r.outlet, r.url,
             r.published, r.sentence, r.goldstein, r.quad_class, r.cameo_code)
            for i in incidents for r in i.reports]  # fmt: skip


def write_reports(incidents: Iterable[Incident], out: str | os.PathLike[str], *, fmt: str) -> int:
    """Write one row per report (``csv`` or ``parquet``); return the rows written."""
    rows = _report_rows(incidents)
    if fmt == "csv":
        with open(out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(REPORT_COLUMNS)
            writer.writerows(rows)
        return len(rows)
    types = ("VARCHAR", "VARCHAR", "VARCHAR", "DATE", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR",
             "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE", "VARCHAR", "DOUBLE",
             "INTEGER", "VARCHAR")  # fmt: skip
    with duckdb.connect(":memory:") as con:
        columns = ", ".join(f"{c} {t}" for c, t in zip(REPORT_COLUMNS, types, strict=True))
        con.execute(f"CREATE TABLE reports ({columns})")
        if rows:
            values = ", ".join(f"unnest(?::{t}[])" for t in types)
            con.execute(f"INSERT INTO reports SELECT {values}", [list(c) for c in zip(*rows, strict=True)])
        target = "'" + str(Path(out)).replace("'", "''") + "'"
        con.execute(f"COPY reports TO {target} (FORMAT parquet)")
    return len(rows)


def network_json(net: Network) -> dict[str, Any]:
    """The network as a JSON object: ``nodes`` and ``edges``."""
    return {"nodes": [{"id": n.id, "label": n.label, "country": n.country, "sector": n.sector,
                       "incidents": n.incidents} for n in net.nodes],
            "edges": [{"source": e.source, "target": e.target, "incidents": e.incidents,
                       "quad_classes": list(e.quad_classes), "goldstein_mean": e.goldstein_mean}
                      for e in net.edges]}  # fmt: skip


_EDGE_FIELDS = (("incidents", "int"), ("verbal_cooperation", "int"), ("material_cooperation", "int"),
                ("verbal_conflict", "int"), ("material_conflict", "int"), ("goldstein_mean", "double"))
_NODE_FIELDS = (("label", "string"), ("country", "string"), ("sector", "string"), ("incidents", "int"))


def _edge_values(e: Any) -> tuple[Any, ...]:
    return (e.incidents, *e.quad_classes, e.goldstein_mean)


def write_graph(net: Network, out: str | os.PathLike[str], *, fmt: str) -> None:
    """Write the network as ``json``, ``graphml`` or ``gexf`` (both open in Gephi)."""
    if fmt == "json":
        Path(out).write_text(json.dumps(network_json(net), ensure_ascii=False, indent=1), encoding="utf-8")
        return
    root = _graphml(net) if fmt == "graphml" else _gexf(net)
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)


def _graphml(net: Network) -> ET.Element:
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for where, fields in (("node", _NODE_FIELDS), ("edge", _EDGE_FIELDS)):
        for name, kind in fields:
            ET.SubElement(root, "key", {"id": name, "for": where, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="wirewatch", edgedefault="directed")
    for n in net.nodes:
        node = ET.SubElement(graph, "node", id=n.id)
        for (name, _), value in zip(_NODE_FIELDS, (n.label, n.country, n.sector, n.incidents), strict=True):
            if value is not None:
                ET.SubElement(node, "data", key=name).text = str(value)
    for i, e in enumerate(net.edges):
        edge = ET.SubElement(graph, "edge", id=f"e{i}", source=e.source, target=e.target)
        for (name, _), value in zip(_EDGE_FIELDS, _edge_values(e), strict=True):
            ET.SubElement(edge, "data", key=name).text = str(value)
    return root


def _gexf(net: Network) -> ET.Element:
    root = ET.Element("gexf", xmlns="http://gexf.net/1.3", version="1.3")
    graph = ET.SubElement(root, "graph", defaultedgetype="directed", mode="static")
    for where, fields in (("node", _NODE_FIELDS[1:]), ("edge", _EDGE_FIELDS[1:])):
        attributes = ET.SubElement(graph, "attributes", {"class": where})
        for i, (name, kind) in enumerate(fields):
            ET.SubElement(attributes, "attribute", id=str(i), title=name, type=kind)
    nodes, edges = ET.SubElement(graph, "nodes"), ET.SubElement(graph, "edges")
    for n in net.nodes:
        values = ET.SubElement(ET.SubElement(nodes, "node", id=n.id, label=n.label), "attvalues")
        for i, value in enumerate((n.country, n.sector, n.incidents)):
            if value is not None:
                ET.SubElement(values, "attvalue", {"for": str(i), "value": str(value)})
    for k, e in enumerate(net.edges):
        edge = ET.SubElement(edges, "edge", id=str(k), source=e.source, target=e.target, weight=str(e.incidents))
        values = ET.SubElement(edge, "attvalues")
        for i, value in enumerate(_edge_values(e)[1:]):
            ET.SubElement(values, "attvalue", {"for": str(i), "value": str(value)})
    return root
