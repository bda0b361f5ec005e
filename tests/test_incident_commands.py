"""The commands over incidents on the incidents corpus: incidents (the JSON contract), events --count, dyad,
network, export (GDELT 2.0 read back with its column names and types) and the plots."""

from __future__ import annotations

import json
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from wirewatch import api
from wirewatch.cli import cli
from wirewatch.config import Config
from wirewatch.incidents import GDELT_COLUMNS, GDELT_TYPES, REPORT_COLUMNS
from wirewatch.incidents._export import fips
from wirewatch.records import Location

pytestmark = pytest.mark.slow

ARTICLES = Path(__file__).parent / "data" / "incidents" / "articles.jsonl"


@pytest.fixture(scope="module")
def db(config: Config, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("incident-commands") / "corpus.duckdb"
    api.ingest([ARTICLES], db=path, config=config)
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), obj={}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_incidents_as_json_lines_follow_the_contract(db):
    records = [json.loads(line) for line in run("incidents", "--db", db, "--format", "json").splitlines()]
    assert len(records) == 43
    for record in records:
        assert isinstance(record["source"], list) and isinstance(record["outlets"], int)
        assert record["status"] in {"single-source", "corroborated", "confirmed", "contested", "denied"}
        assert record["first_reported"] <= record["last_reported"]
        for report in record["reports"]:
            assert {"event_id", "article_id", "outlet", "url", "modality", "according_to", "sentence"} <= set(report)


def test_incidents_filter_by_status_type_and_actor(db):
    denied = [json.loads(line) for line in run("incidents", "--db", db, "--status", "denied", "--format",
                                                "json").splitlines()]
    assert {r["type"] for r in denied} == {"AID", "MOBILIZE"}
    rows = run("incidents", "--db", db, "--source", "POL", "--type", "SANCTION", "--format", "csv").splitlines()
    assert rows[0].startswith("id,date,date_precision,type") and len(rows) == 2 and ",confirmed,4," in rows[1]


def test_events_count_incidents_shows_one_row_per_incident(db):
    reports = run("events", "--db", db, "--source", "SRB", "--format", "json").splitlines()
    incidents = run("events", "--db", db, "--source", "SRB", "--count", "incidents", "--format", "json").splitlines()
    assert (len(reports), len(incidents)) == (3, 1)


def test_dyad_gives_each_period_with_quad_classes_goldstein_and_change(db):
    periods = json.loads(run("dyad", "EGY", "SDN", "--db", db, "--by", "week", "--format", "json"))
    assert [p["period"] for p in periods] == ["2026-03-02", "2026-03-09"]  # two meetings, two weeks
    assert [p["verbal_cooperation"] for p in periods] == [1, 1] and periods[1]["count_change"] == 0
    reports = json.loads(run("dyad", "EGY", "SDN", "--db", db, "--by", "month", "--count", "reports",
                             "--format", "json"))
    assert reports[0]["count"] == 7  # 5 coded reports and the wire story's 2 exact copies


def test_dyad_of_a_conflict_sums_goldstein_below_zero(db):
    periods = json.loads(run("dyad", "ISR", "LBN", "--db", db, "--directed", "--format", "json"))
    assert len(periods) == 1 and periods[0]["material_conflict"] == 1 and periods[0]["goldstein_sum"] < 0
    assert periods[0]["top_types"] == "ASSAULT 1"


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def _not_blank(path: Path) -> bool:
    """Whether the PNG holds more than one colour (read back with Pillow, matplotlib's own dependency)."""
    from PIL import Image

    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    return colours is None or len(colours) > 20


def test_dyad_plot_is_a_timeline_image_of_the_expected_size(db, tmp_path):
    png, svg = tmp_path / "dyad.png", tmp_path / "dyad.svg"
    run("dyad", "EGY", "SDN", "--db", db, "--by", "week", "--plot", str(png))
    run("dyad", "ISR", "LBN", "--db", db, "--plot", str(svg))
    assert _png_size(png) == (1000, 500) and _not_blank(png)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "material conflict" in text


def test_network_writes_json_graphml_and_gexf_with_the_same_graph(db, tmp_path):
    graph = json.loads(run("network", "--db", db))
    assert {"id", "label", "country", "sector", "incidents"} <= set(graph["nodes"][0])
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("POL", "RUS"))
    assert edge["incidents"] == 1 and edge["quad_classes"] == [0, 0, 0, 1]
    run("network", "--db", db, "--format", "graphml", "--out", str(tmp_path / "n.graphml"))
    run("network", "--db", db, "--format", "gexf", "--out", str(tmp_path / "n.gexf"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns", "x": "http://gexf.net/1.3"}
    graphml = ET.parse(tmp_path / "n.graphml").getroot()
    gexf = ET.parse(tmp_path / "n.gexf").getroot()
    assert len(graphml.findall(".//g:edge", ns)) == len(gexf.findall(".//x:edge", ns)) == len(graph["edges"])
    assert len(gexf.findall(".//x:node", ns)) == len(graph["nodes"])


def test_network_by_actor_and_min_incidents(db, tmp_path):
    everyone = json.loads(run("network", "--db", db, "--level", "actor"))
    assert any(n["id"] == "person:pedro-sanchez" and n["country"] == "ESP" for n in everyone["nodes"])
    busy = json.loads(run("network", "--db", db, "--min-incidents", "2"))
    assert busy["edges"] and all(e["incidents"] >= 2 for e in busy["edges"])
    png = tmp_path / "network.png"
    run("network", "--db", db, "--plot", str(png))
    assert _png_size(png) == (1000, 1000) and _not_blank(png)


def test_gdelt_export_reads_back_with_gdelt_column_names_and_types(db, tmp_path):
    out = tmp_path / "events.export.CSV"
    run("export", "--db", db, "--format", "gdelt", "--out", str(out))
    with duckdb.connect() as con:
        rows = con.execute(
            "SELECT * FROM read_csv(?, delim = '\t', header = false, columns = ?)", [str(out), GDELT_TYPES]
        ).fetchall()
        names = [d[0] for d in con.execute("SELECT * FROM read_csv(?, delim = '\t', header = false, columns = ?)",
                                           [str(out), GDELT_TYPES]).description]
    assert len(GDELT_COLUMNS) == 61 and names == list(GDELT_COLUMNS)
    assert len(rows) == 41  # one per incident; the two only ever denied are left out
    record = dict(zip(GDELT_COLUMNS, next(r for r in rows if r[GDELT_COLUMNS.index("Actor1CountryCode")] == "POL"),
                      strict=True))
    assert (record["SQLDATE"], record["EventCode"], record["EventRootCode"]) == (20260424, "166", "16")
    assert (record["QuadClass"], record["GoldsteinScale"]) == (4, -7.0)
    assert (record["NumSources"], record["NumArticles"], record["NumMentions"]) == (4, 4, 4)
    assert record["Actor2CountryCode"] == "RUS" and record["SOURCEURL"].startswith("https://")


@pytest.mark.parametrize(("place", "code"), [
    (Location("Germany", "DEU"), "GM"), (Location("Moscow", "RUS", 55.75, 37.62), "RS"),
    (Location("Seoul", "KOR", 37.57, 126.98), "KS"), (Location("Pyongyang", "PRK", 39.03, 125.75), "KN"),
    (Location("London", "GBR", 51.51, -0.13), "UK"), (Location("Kyiv", "UKR", 50.45, 30.52), "UP"),
    (Location("Beirut", "LBN", 33.89, 35.5), "LE"), (Location("Ramallah", "PSE", 31.9, 35.2), "WE"),
    (Location("Gaza City", "PSE", 31.5, 34.47), "GZ"), (Location("Somewhere", None), None),
])
def test_gdelt_places_carry_the_fips_country_codes_gdelt_uses(place, code):
    assert fips(place) == code


def test_gdelt_action_geography_is_fips_with_gdelts_place_types(db, tmp_path):
    out = tmp_path / "events.export.CSV"
    run("export", "--db", db, "--format", "gdelt", "--out", str(out))
    with duckdb.connect() as con:
        rows = con.execute("SELECT ActionGeo_Type, ActionGeo_CountryCode, ActionGeo_Lat FROM read_csv(?, "
                           "delim = '\t', header = false, columns = ?) WHERE ActionGeo_FullName IS NOT NULL",
                           [str(out), GDELT_TYPES]).fetchall()
    assert rows and all(len(code) == 2 for _, code, _ in rows if code)
    assert {kind for kind, _, lat in rows if lat is None} <= {1} and {kind for kind, _, lat in rows if lat} <= {3, 4}


def test_csv_and_parquet_exports_hold_every_report_with_its_incident(db, tmp_path):
    run("export", "--db", db, "--format", "csv", "--out", str(tmp_path / "r.csv"))
    run("export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "r.parquet"))
    with duckdb.connect() as con:
        from_csv = con.execute("SELECT count(*), count(DISTINCT incident_id) FROM read_csv(?)",
                               [str(tmp_path / "r.csv")]).fetchone()
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(tmp_path / "r.parquet")])
        columns, rows = [d[0] for d in cursor.description], cursor.fetchall()
    assert columns == list(REPORT_COLUMNS)
    assert from_csv == (len(rows), 43) and len(rows) == 86  # 80 events and 6 rejections answering accusations


@pytest.mark.parametrize("command", [["incidents"], ["dyad", "EGY", "SDN"], ["network"],
                                     ["export", "--format", "gdelt", "--out", "x.csv"]])
def test_a_missing_store_is_reported_with_what_to_do(command, tmp_path):
    result = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "none.duckdb")], obj={})
    assert result.exit_code == 1 and "run `wirewatch ingest" in result.output
