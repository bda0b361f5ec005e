"""Matrix products of spaCy's networks through numpy's BLAS, on one thread.

thinc multiplies with BLIS. The build of BLIS that thinc ships chooses its kernels by asking the CPU how many
AVX-512 multiply-add units it has; where the CPU cannot tell (virtual machines, most cloud cores) it falls back to
its AVX2 kernels. numpy ships OpenBLAS, which chooses by CPU model and uses AVX-512 where there is AVX-512: the
networks of ``en_core_web_sm`` (the embedding layers and the parser's and recognizer's precomputed features) then
take about a fifth less time.

The two libraries add the products in another order, so a score can differ in its last bits, as it does between
two CPUs with the same library; on 200 long news articles one parse in 200 differed. ``model.numpy_matmul`` turns
this off.

spaCy's compiled transition loops score states with BLIS whatever the model's ops say (thinc's ``CBlas``), and
:mod:`._bulk` does the same, so its decoders keep giving spaCy's answers.

OpenBLAS starts one thread per core for a large product. wirewatch parses in one process per core already, so the
products run on one thread, and only while wirewatch parses (:func:`one_thread`): the host program's own numpy is
left as it was.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["one_thread", "use_numpy_matmul"]

_lock = threading.Lock()
_controller: list[Any] = []  # threadpoolctl's view of the BLAS libraries loaded, made once per process


def use_numpy_matmul(nlp: Language) -> Language:
    """Make every network of ``nlp``'s components (the disabled ones too) multiply with numpy."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)  # thinc's own switch: its gemm then calls numpy
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                if type(node.ops) is NumpyOps:  # on the CPU, as spaCy loads it; other ops are left as they are
                    node.ops = ops
    return nlp


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """Within the block, this process's BLAS libraries use one thread each (then what they used before)."""
    with _lock:
        if not _controller:
            from threadpoolctl import ThreadpoolController

            _controller.append(ThreadpoolController())
    with _controller[0].limit(limits=1, user_api="blas"):
        yield
