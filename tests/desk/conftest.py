"""A warehouse holding the planted Darién conflict, loaded without Prefect (extract, store,
link: the functions the flow's tasks call), and a way to store a new version of a document.

Each warehouse is built once per session into a template file and copied for each test (a copy
costs milliseconds, building one costs extraction, storing and linking): every test still gets its
own file to write to."""
import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from claimhouse.flows.bundled import default_references
from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Document
from claimhouse.flows.frames import claims_frame, documents_frame
from claimhouse.flows.linking import link_claims, load_references
from claimhouse.schemas.quarantine import empty_rejected
from claimhouse.warehouse import store
from claimhouse.warehouse.db import apply_migrations, connect

FETCHED = dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc)
BLOG = ("The jungle route is brutal. In 2023, as many as 400,000 migrants crossed the Darién Gap, "
        "the blog's authors reckon.")
WIRE = "More than 520,000 migrants crossed the Darién Gap in 2023, Panama's migration service said."


def document(uri: str, text: str, title: str, published: str = "2024-02-01") -> Document:
    return Document(uri=uri, text=text, fetched_at=FETCHED, title=title,
                    published_at=dt.date.fromisoformat(published))


def store_documents(con, docs: list[Document], run_id: str) -> dict:
    """Store the documents as a run would (new versions where the text changed), then link."""
    planned = store.assign_versions(con, documents_frame(docs))
    versions = dict(zip(planned["document_id"], planned["version"].astype(int), strict=True))
    frames = [claims_frame(d, versions[d.document_id], extract_claims(d.text, d.published_at)) for d in docs]
    claims = pd.concat(frames, ignore_index=True).drop(columns=["text_length"])
    store.store_batch(con, documents_frame(docs, versions), claims, empty_rejected(), run_id)
    return link_claims(con, run_id)


def blog_document() -> Document:
    return document("https://example.org/blog/darien", BLOG, "Darién crossings, a blog estimate")


def wire_document() -> Document:
    return document("https://example.org/wire/darien", WIRE, "Wire report on the Darién Gap", "2024-01-15")


@pytest.fixture
def blog():
    return blog_document()


@pytest.fixture
def wire():
    return wire_document()


def built_template(tmp_path_factory, name: str, build) -> Path:
    """A migrated warehouse file `name`.duckdb that `build(con)` filled, for tests to copy."""
    path = tmp_path_factory.mktemp(f"{name}-template") / f"{name}.duckdb"
    con = connect(path)
    try:
        apply_migrations(con)
        build(con)
    finally:
        con.close()
    return path


@pytest.fixture(scope="session")
def _desk_template(tmp_path_factory) -> Path:
    return built_template(tmp_path_factory, "desk",
                          lambda con: store_documents(con, [blog_document(), wire_document()], "run-1"))


@pytest.fixture
def desk(tmp_path, _desk_template):
    """An open warehouse with the blog's and the wire's conflicting figures linked."""
    path = tmp_path / "desk.duckdb"
    shutil.copyfile(_desk_template, path)
    con = connect(path)
    yield con
    con.close()


@pytest.fixture(scope="session")
def _desk_conflict(_desk_template) -> tuple[str, str]:
    """The planted conflict's pair, read once from the template (reading the `conflicts` view costs
    a tenth of a second of planning): every `desk` is a byte copy of it, so the pair is the same."""
    con = connect(_desk_template, read_only=True)
    try:
        pairs = con.execute("select claim_id_a, claim_id_b from conflicts").fetchall()
    finally:
        con.close()
    assert len(pairs) == 1
    return pairs[0]


@pytest.fixture
def conflict(desk, _desk_conflict):
    """(claim_id_a, claim_id_b) of the planted conflict in `desk`."""
    return _desk_conflict


HOSTILE_TITLE = "<script>document.title='pwned'</script>\x1b]52;c;ZXZpbA==\x07\x1b[2J<img src=x onerror=alert(1)>"
HOSTILE = ("<script>window.pwned = 1</script> Officials said 610,000 migrants crossed the Darién Gap "
           "in 2023 \x1b[31m\u202e<b onmouseover=alert(1)>.")


def _with_hostile_and_references(con) -> None:
    hostile = document("https://example.org/hostile?a=1&b=\"x\"", HOSTILE, HOSTILE_TITLE, "2024-02-10")
    store_documents(con, [blog_document(), wire_document(), hostile], "run-1")
    load_references(con, default_references()[0])


@pytest.fixture(scope="session")
def _desk_file_template(tmp_path_factory) -> Path:
    return built_template(tmp_path_factory, "desk-file", _with_hostile_and_references)


@pytest.fixture
def desk_file(tmp_path, _desk_file_template):
    """A closed warehouse file with the planted conflict and a hostile third document."""
    path = tmp_path / "desk-file.duckdb"
    shutil.copyfile(_desk_file_template, path)
    return path


TOLL_EARLY = "The death toll in Turkey stood at 3,419 on Tuesday, the disaster agency said."
TOLL_LATE = "The death toll in Turkey rose to 5,894 on Tuesday, officials said."


@pytest.fixture
def with_update(desk_file):
    """The desk file with a second run that stored an update: a later, higher death toll."""
    con = connect(desk_file)
    store_documents(con, [document("https://example.org/agency/toll", TOLL_EARLY, "Toll at 3,419", "2023-02-07"),
                          document("https://example.org/wire/toll", TOLL_LATE, "Toll rises to 5,894", "2023-02-08")],
                    "run-2")
    assert con.execute("select count(*) from claim_links where relation = 'updates'").fetchone() == (1,)
    con.close()
    return desk_file
