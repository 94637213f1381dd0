"""Memory managers for ``scheduler_export`` (aidge_core's ``mem_info``).

A memory manager is a callable ``(scheduler, **args) -> (peak_mem,
mem_info)``: ``peak_mem`` the arena's size in bytes and ``mem_info`` maps
each node (or its name) to one dict per output with Aidge's fields, in
bytes: ``size``, ``offset``, ``stride``, ``length``, ``count``,
``cont_offset``, ``cont_size``, ``wrap_offset``, ``wrap_size``.
"""

from .. import _core


def generate_optimized_memory_info(scheduler, strategy: str = "best", wrapping: bool = False):
    """The C++ planner's plan (``--aidge-plan-memory``): ``strategy`` one of
    ``stack``, ``greedy-by-size``, ``best``; ``wrapping`` lets an output
    wrap around over its input's buffer."""
    return _core.plan_memory(scheduler.graph, strategy=strategy, wrapping=wrapping)
