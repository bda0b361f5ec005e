"""Engines: where shards run. Each holds ``workers`` :class:`ShardWorker` s, each built (its model loaded) once.

- ``local`` with one worker runs shards in this process; with more, in as many worker processes, which take
  shards from one queue.
- ``ray`` runs a pool of Ray actors, one :class:`ShardWorker` each: on a local Ray started with ``num_cpus``
  equal to the workers (no dashboard, quiet logs), or on the cluster at ``address``. Shards travel as Ray
  objects and come back as rows, so workers need no shared disk.

An engine only runs what it is given: :func:`ordered` keeps a bounded number of shards in flight and hands the
results back in input order.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from ..annotate import release_large_blocks
from ..config import Config
from ..errors import BatchError
from ._worker import Method, ShardTask, ShardWorker

__all__ = ["ENGINES", "Engine", "RayShardWorker", "open_engine", "ordered"]

ENGINES = ("local", "ray")


class Engine(Protocol):
    """Runs worker methods over shards; ``submit`` does not wait, ``result`` does."""

    workers: int

    def submit(self, method: Method, task: ShardTask) -> Any: ...

    def result(self, handle: Any) -> Any: ...

    def close(self) -> None: ...


def ordered(engine: Engine, method: Method, tasks: Iterable[ShardTask], window: int) -> Iterator[Any]:
    """The results of ``method`` over ``tasks``, in order, with at most ``window`` tasks in flight."""
    pending: deque[Any] = deque()
    for task in tasks:
        pending.append(engine.submit(method, task))
        if len(pending) >= window:
            yield engine.result(pending.popleft())
    while pending:
        yield engine.result(pending.popleft())


@contextmanager
def open_engine(name: str, config: Config, *, workers: int = 1, address: str | None = None) -> Iterator[Engine]:
    """Start the engine ``name`` with ``workers`` workers; stop it (and what it started) on leaving."""
    if name not in ENGINES:
        raise BatchError(f"unknown engine {name!r}; the engines are: {', '.join(ENGINES)}")
    if workers < 1:
        raise BatchError(f"workers must be 1 or more, not {workers}")
    if address is not None and name != "ray":
        raise BatchError("an address names a Ray cluster: pass --engine ray with --address")
    engine: Engine
    if name == "ray":
        engine = RayEngine(config, workers=workers, address=address)
    elif workers == 1:
        engine = InlineEngine(config)
    else:
        engine = ProcessEngine(config, workers=workers)
    try:
        yield engine
    finally:
        engine.close()


class InlineEngine:
    """One worker, in this process; a shard runs when its result is asked for."""

    workers = 1

    def __init__(self, config: Config) -> None:
        self._worker = ShardWorker(config)

    def submit(self, method: Method, task: ShardTask) -> tuple[Method, ShardTask]:
        """Hold the task until its result is asked for."""
        return method, task

    def result(self, handle: tuple[Method, ShardTask]) -> Any:
        """Run the held task."""
        return self._worker.call(*handle)

    def close(self) -> None:
        """Nothing to stop."""


class ProcessEngine:
    """``workers`` processes (spawned, not forked), each with its own :class:`ShardWorker`, fed from one queue."""

    def __init__(self, config: Config, *, workers: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.workers = workers
        self._tasks: Any = context.Queue()
        self._results: Any = context.Queue()
        self._ids = itertools.count()
        self._done: dict[int, tuple[bool, Any]] = {}
        self._processes = [context.Process(target=_serve, args=(config, self._tasks, self._results), daemon=True)
                           for _ in range(workers)]
        for process in self._processes:
            process.start()

    def submit(self, method: Method, task: ShardTask) -> int:
        """Queue the task for the first free worker."""
        number = next(self._ids)
        self._tasks.put((number, method, task))
        return number

    def result(self, number: int) -> Any:
        """Wait for the task's result; raise BatchError if it failed or a worker died."""
        while number not in self._done:
            try:
                got, ok, value = self._results.get(timeout=1.0)
            except queue.Empty:
                self._check_alive()
                continue
            if got < 0:
                raise BatchError(f"a worker process could not start: {value}")
            self._done[got] = (ok, value)
        ok, value = self._done.pop(number)
        if not ok:
            raise BatchError(f"a worker failed on a shard: {value}")
        return value

    def _check_alive(self) -> None:
        for process in self._processes:
            if not process.is_alive():
                raise BatchError(f"a worker process exited (code {process.exitcode}) before finishing its shard; "
                                 "if it ran out of memory, try a smaller --shard-size or fewer --workers")

    def close(self) -> None:
        """Ask the workers to stop; end those that do not."""
        for process in self._processes:
            if process.is_alive():
                self._tasks.put(None)
        for process in self._processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
                process.join()
        self._tasks.close()
        self._results.close()


def _serve(config: Config, tasks: Any, results: Any) -> None:
    """A worker process: build the worker once, then run tasks until told to stop (or the driver is gone)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the driver decides when to stop
    release_large_blocks()
    threading.Thread(target=_exit_without_driver, daemon=True).start()
    try:
        worker = ShardWorker(config, own_process=True)
    except Exception as err:
        results.put((-1, False, f"{type(err).__name__}: {err}"))
        return
    for number, method, task in iter(tasks.get, None):
        try:
            results.put((number, True, worker.call(method, task)))
        except Exception as err:  # reported to the driver, which stops the batch
            results.put((number, False, f"shard {task.index}: {type(err).__name__}: {err}"))


def _exit_without_driver() -> None:
    """End this worker process within a second of its driver's death (a killed driver sends no stop)."""
    driver = multiprocessing.parent_process()
    while driver is not None and driver.is_alive():
        time.sleep(1.0)
    os._exit(1)


class RayEngine:
    """A pool of Ray actors, one :class:`ShardWorker` each; a task goes to the actor with the fewest queued."""

    def __init__(self, config: Config, *, workers: int, address: str | None) -> None:
        self._ray = _import_ray()
        self.workers = workers
        self._started = not self._ray.is_initialized()
        if self._started:
            options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING,
                                       "log_to_driver": False}
            if address is None:
                options["num_cpus"] = workers
            self._ray.init(address=address, **options)
        remote = self._ray.remote(num_cpus=1)(RayShardWorker)
        self._actors: list[Any] = []
        try:
            self._actors = [remote.remote(config) for _ in range(workers)]
        except BaseException:
            self.close()
            raise
        self._queued = [0] * workers

    def submit(self, method: Method, task: ShardTask) -> tuple[int, Any]:
        """Send the task to the least busy actor."""
        actor = min(range(self.workers), key=self._queued.__getitem__)
        self._queued[actor] += 1
        return actor, getattr(self._actors[actor], method).remote(task)

    def result(self, handle: tuple[int, Any]) -> Any:
        """Wait for the task's result; raise BatchError if it failed."""
        actor, ref = handle
        try:
            return self._ray.get(ref)
        except self._ray.exceptions.RayError as err:
            raise BatchError(f"a Ray worker failed on a shard: {err}") from err
        finally:
            self._queued[actor] -= 1

    def close(self) -> None:
        """Stop the actors, and Ray itself when this engine started it."""
        for actor in self._actors:
            self._ray.kill(actor)
        if self._started:
            self._ray.shutdown()


class RayShardWorker(ShardWorker):
    """A Ray actor's worker. Its process is wirewatch's own, so, as in a local worker process, large blocks go back
    to the system when freed (see :func:`release_large_blocks`), and the process is tidied after each shard."""

    def __init__(self, config: Config) -> None:
        release_large_blocks()
        super().__init__(config, own_process=True)


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as err:
        raise BatchError("the ray engine needs Ray: pip install 'wirewatch[ray]' (or use --engine local)") from err
    return ray
