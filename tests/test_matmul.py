"""The networks multiply with numpy's BLAS on one thread (``model.numpy_matmul``), a speed-up that changes no
answer the coder gives: the same events, actors and quotes on the sample corpus as with thinc's BLIS; and the
host program's own numpy keeps its threads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from wirewatch import _matmul, annotate
from wirewatch.annotate import load_model, parse, parse_batch

from .conftest import assert_same_coding, coded_sample_corpus

pytestmark = pytest.mark.slow


def _ops(nlp) -> set[tuple[str, bool]]:  # noqa: ANN001
    """(ops class, multiplies with BLIS) of every network layer of every component, the disabled ones too."""
    return {(type(node.ops).__name__, bool(getattr(node.ops, "use_blis", False)))
            for _, component in nlp.components if hasattr(component, "model") and hasattr(component.model, "walk")
            for node in component.model.walk()}


def test_every_network_multiplies_with_numpy_unless_told_not_to():
    assert _ops(load_model()) == {("NumpyOps", False)}
    assert _ops(load_model(numpy_matmul=False)) == {("NumpyOps", True)}
    assert _ops(load_model(full=True)) == {("NumpyOps", True)}  # baselines are spaCy as it ships


def _blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_blas_runs_on_one_thread_within_the_block_and_as_before_after_it():
    if not _blas_threads():
        pytest.skip("numpy here has no BLAS that threadpoolctl can see")
    with threadpool_limits(limits=2, user_api="blas"):
        assert _blas_threads() == {2}
        with _matmul.one_thread():
            assert _blas_threads() == {1}
        assert _blas_threads() == {2}


def test_parsing_one_text_or_a_batch_runs_on_one_blas_thread(monkeypatch):
    entered: list[bool] = []

    @contextmanager
    def spy() -> Iterator[None]:
        entered.append(True)
        yield

    monkeypatch.setattr(annotate, "one_thread", spy)
    nlp = load_model()
    parse(nlp, "Ankara hosted the talks.")
    assert len(entered) == 1
    parse_batch(nlp, ["Ankara hosted the talks.", "Tehran sent envoys."], chars=10_000)
    assert len(entered) == 2


def test_the_coder_finds_the_same_events_actors_and_quotes_with_numpy_or_blis():
    assert_same_coding(coded_sample_corpus(**{"model.numpy_matmul": True}),
                       coded_sample_corpus(**{"model.numpy_matmul": False}))
