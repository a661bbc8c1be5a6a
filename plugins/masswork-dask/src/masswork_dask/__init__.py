"""masswork-dask: the ``dask`` batch engine.

``masswork check --batch DIR --engine dask --scheduler tcp://host:8786`` sends every unit to
a Dask cluster instead of this machine's cores. Each worker runs the very function the local
engine runs (:func:`masswork.batch.check_unit`) on the unit's file paths, and the results are
gathered back in unit order, so the summary is the same, byte for byte, as the local
engine's. Workers read the unit files themselves: the paths must be valid on the workers
(a shared file system), see README.md.

Without ``--scheduler`` (or with ``--scheduler local``) a LocalCluster of ``--jobs`` worker
processes on 127.0.0.1 is started for the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from masswork.batch import BatchEngine
from masswork.hookspecs import hookimpl
from masswork.i18n import Catalogue

__all__ = ["ENGINE", "dask_engine", "masswork_register_batch_engines"]

__version__ = "0.1.0"


def dask_engine(fn: Callable[[Any], Any], items: Sequence[Any], options: Mapping[str, Any]) -> Iterator[Any]:
    """``fn(item)`` for every item on a Dask cluster, yielded in item order."""
    from distributed import Client, LocalCluster

    address = options.get("scheduler")
    cluster = None
    if not address or address == "local":
        cluster = LocalCluster(n_workers=options.get("jobs") or 2, threads_per_worker=1,
                               host="127.0.0.1", dashboard_address=None, processes=True)  # type: ignore[no-untyped-call]
        address = cluster
    try:
        try:
            client = Client(address)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            from masswork.errors import InputError, Problem
            from masswork.i18n import Msg

            # masswork's catalogue holds this plugin's one message (batch engines are core's words).
            raise InputError([Problem(msg=Msg.of("batch.dask_unreachable", address=str(address), error=str(exc)),
                                      expected=Msg.of("batch.expected.dask_scheduler"))]) from None
        with client:
            # pure=False: two units with equal paths are still two tasks; batch_size bounds
            # the graph sent at once for provinces of tens of thousands of units.
            futures = client.map(fn, list(items), pure=False, batch_size=1000)
            for future in futures:  # in item order, whatever order they finish in
                yield future.result()
    finally:
        if cluster is not None:
            cluster.close()


ENGINE = BatchEngine("dask", dask_engine, message=Catalogue("masswork_dask").msg("dask.describe.engine"))


@hookimpl
def masswork_register_batch_engines(register: Callable[[BatchEngine], None]) -> None:
    register(ENGINE)
